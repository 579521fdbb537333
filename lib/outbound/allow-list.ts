import { lookup as dnsLookup } from "node:dns/promises";
import { DnsLookupError, OutboundNotAllowedError } from "./errors";
import { DEFAULT_OUTBOUND_HOSTS, hostMatches, normalizeHost, validatePattern } from "./hosts";
import { isIpLiteral, isLoopbackAddress, isLoopbackName, isNonPublicAddress, unbracket } from "./ip-ranges";

export type LookupFn = (host: string) => Promise<{ address: string; family: number }[]>;

/** The `lookup` option of `net.connect` / `tls.connect` (also what undici passes through). */
export type ConnectLookup = (
  hostname: string,
  options: { family?: number | string; all?: boolean },
  callback: (err: Error | null, address: string | { address: string; family: number }[], family?: number) => void,
) => void;

export interface AllowListOptions {
  /** Exact host names or `*.suffix` patterns. */
  hosts: readonly string[];
  /** Loopback (127.0.0.0/8, ::1, localhost) over http or https; only when the emulators are on. */
  allowLoopback: boolean;
  /** Injected in tests; defaults to the system resolver (all answers). */
  lookup?: LookupFn;
}

export interface AllowList {
  readonly hosts: readonly string[];
  readonly allowLoopback: boolean;
  /** Syntactic check. Returns the parsed URL or throws OutboundNotAllowedError. */
  assertAllowed(url: string | URL): URL;
  /** Same, plus resolves the name and refuses private answers (DNS rebinding to internal hosts). */
  assertResolvesSafely(url: string | URL): Promise<URL>;
  isAllowed(url: string | URL): boolean;
  /**
   * A socket-level lookup that resolves the name and refuses private answers at connect time, so
   * the address a socket connects to is the one that was checked: no DNS-rebinding window between
   * `assertResolvesSafely` and the connection (lib/http/request.ts connects through it).
   */
  connectLookup: ConnectLookup;
}

const defaultLookup: LookupFn = (host) => dnsLookup(host, { all: true, verbatim: true });

export function createAllowList(options: AllowListOptions): AllowList {
  const hosts = options.hosts.map(validatePattern);
  const allowLoopback = options.allowLoopback;
  const lookup = options.lookup ?? defaultLookup;

  function assertAllowed(input: string | URL): URL {
    let url: URL;
    try {
      url = typeof input === "string" ? new URL(input) : new URL(input.href);
    } catch {
      throw new OutboundNotAllowedError("invalid_url", "The address is not a valid URL.");
    }
    const host = normalizeHost(unbracket(url.hostname));
    if (url.username || url.password) {
      // user:pass@host hides the real host from casual readers and leaks credentials into logs.
      throw new OutboundNotAllowedError("userinfo", "Addresses with a user name or password are not allowed.", host);
    }
    const loopback = isLoopbackName(host) || isLoopbackAddress(host);
    if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback && allowLoopback)) {
      throw new OutboundNotAllowedError("scheme", `Only https addresses are allowed (got ${url.protocol}).`, host);
    }
    if (loopback) {
      if (allowLoopback) return url;
      throw new OutboundNotAllowedError("loopback", `${host} is this machine and is not allowed.`, host);
    }
    if (isIpLiteral(host)) {
      if (isNonPublicAddress(host)) {
        throw new OutboundNotAllowedError("private_address", `${host} is a private address and is not allowed.`, host);
      }
      // A public IP literal passes only when listed verbatim.
      if (hosts.includes(host)) return url;
      throw new OutboundNotAllowedError("host", `${host} is not an allowed host.`, host);
    }
    if (!hosts.some((p) => hostMatches(host, p))) {
      throw new OutboundNotAllowedError("host", `${host} is not on the list of allowed hosts.`, host);
    }
    return url;
  }

  async function assertResolvesSafely(input: string | URL): Promise<URL> {
    const url = assertAllowed(input);
    const host = normalizeHost(unbracket(url.hostname));
    if (isIpLiteral(host) || isLoopbackName(host)) return url;
    let answers: { address: string }[];
    try {
      answers = await lookup(host);
    } catch (e) {
      throw new DnsLookupError(host, `Could not resolve ${host}: ${(e as NodeJS.ErrnoException).code ?? "lookup failed"}.`);
    }
    assertSafeAnswers(host, answers);
    return url;
  }

  /** Every answer must be public (or loopback while that is allowed); one private answer refuses the name. */
  function assertSafeAnswers(host: string, answers: readonly { address: string }[]): void {
    if (answers.length === 0) throw new DnsLookupError(host, `Could not resolve ${host}.`);
    for (const { address } of answers) {
      if (isLoopbackAddress(address) && allowLoopback) continue;
      if (isNonPublicAddress(address)) {
        throw new OutboundNotAllowedError("private_address", `${host} resolves to a private address (${address}) and is not allowed.`, host);
      }
    }
  }

  const connectLookup: ConnectLookup = (hostname, options, callback) => {
    const host = normalizeHost(unbracket(hostname));
    lookup(host)
      .then((answers) => {
        assertSafeAnswers(host, answers);
        const family = options.family === 4 || options.family === "IPv4" ? 4 : options.family === 6 || options.family === "IPv6" ? 6 : 0;
        const usable = family ? answers.filter((a) => a.family === family) : answers;
        if (usable.length === 0) throw new DnsLookupError(host, `Could not resolve ${host} to an IPv${family} address.`);
        if (options.all)
          callback(
            null,
            usable.map(({ address, family }) => ({ address, family })),
          );
        else callback(null, usable[0]!.address, usable[0]!.family);
      })
      .catch((e: unknown) => {
        const err =
          e instanceof OutboundNotAllowedError || e instanceof DnsLookupError
            ? e
            : new DnsLookupError(host, `Could not resolve ${host}: ${(e as NodeJS.ErrnoException).code ?? "lookup failed"}.`);
        callback(err, "", 0);
      });
  };

  return {
    hosts,
    allowLoopback,
    assertAllowed,
    assertResolvesSafely,
    connectLookup,
    isAllowed(url) {
      try {
        assertAllowed(url);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/**
 * The console's allow-list: Adobe's and RainFocus's hosts, plus extra patterns (e.g. the
 * comma-separated OUTBOUND_EXTRA_HOSTS), plus loopback only while the emulators run.
 */
export function createDefaultAllowList(opts: { allowLoopback: boolean; extraHosts?: string | readonly string[] }): AllowList {
  const extra = typeof opts.extraHosts === "string" ? opts.extraHosts.split(",") : (opts.extraHosts ?? []);
  return createAllowList({
    hosts: [...DEFAULT_OUTBOUND_HOSTS, ...extra.map((h) => h.trim()).filter(Boolean)],
    allowLoopback: opts.allowLoopback,
  });
}
