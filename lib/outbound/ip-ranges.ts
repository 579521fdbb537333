import { BlockList, isIP } from "node:net";

// Addresses a profile must never make us reach: the console runs next to databases, metadata
// services and admin ports, so anything that is not a public unicast address is refused.
const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

const nonPublic = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["169.254.0.0", 16], // link-local, incl. cloud metadata 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved + broadcast
] as const) {
  nonPublic.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["64:ff9b::", 96], // NAT64 can embed a private IPv4 address
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  nonPublic.addSubnet(net, prefix, "ipv6");
}

/** Strips the brackets URL.hostname keeps around IPv6 literals. */
export function unbracket(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

export function isIpLiteral(host: string): boolean {
  return isIP(unbracket(host)) !== 0;
}

export function isLoopbackAddress(address: string): boolean {
  const a = unbracket(address);
  const family = isIP(a);
  if (family === 0) return false;
  // BlockList matches IPv4-mapped IPv6 (::ffff:127.0.0.1) against IPv4 rules too.
  return loopback.check(a, family === 4 ? "ipv4" : "ipv6");
}

/** Private, link-local, reserved, multicast or loopback: anything but public unicast. */
export function isNonPublicAddress(address: string): boolean {
  const a = unbracket(address);
  const family = isIP(a);
  if (family === 0) return false;
  const type = family === 4 ? "ipv4" : "ipv6";
  return loopback.check(a, type) || nonPublic.check(a, type);
}

/** Hostnames that mean "this machine" without being IP literals. */
export function isLoopbackName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  return h === "localhost" || h.endsWith(".localhost");
}
