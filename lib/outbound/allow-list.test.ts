import { describe, expect, it } from "vitest";
import { createAllowList, DEFAULT_OUTBOUND_HOSTS, OutboundNotAllowedError, type LookupFn } from "./index";

const strict = createAllowList({ hosts: DEFAULT_OUTBOUND_HOSTS, allowLoopback: false });
const local = createAllowList({ hosts: DEFAULT_OUTBOUND_HOSTS, allowLoopback: true });

function reason(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof OutboundNotAllowedError) return e.reason;
    throw e;
  }
  return undefined;
}

describe("allow-list: hosts", () => {
  it.each([
    "https://ims-na1.adobelogin.com/ims/token/v3",
    "https://platform.adobe.io/data/foundation/flowservice/runs",
    "https://dcs.adobedc.net/collection/abc",
    "https://dcs-va6.adobedc.net/collection/abc",
    "https://DCS.AdobeDC.net./collection/abc",
    "https://api.rainfocus.com/api/attendee/store",
    "https://events.rainfocus.com/oidc/token",
  ])("allows %s", (url) => {
    expect(reason(() => strict.assertAllowed(url))).toBeUndefined();
  });

  it.each([
    ["https://example.com/", "host"],
    ["https://adobedc.net.evil.com/", "host"],
    ["https://evil-adobedc.net/", "host"],
    ["https://adobedc.net/", "host"], // *.suffix does not match the bare suffix
    ["http://dcs.adobedc.net/collection/x", "scheme"],
    ["ftp://dcs.adobedc.net/", "scheme"],
    ["https://user:pw@dcs.adobedc.net/", "userinfo"],
    ["https://dcs.adobedc.net@evil.com/", "userinfo"],
    ["not a url", "invalid_url"],
  ])("refuses %s (%s)", (url, why) => {
    expect(reason(() => strict.assertAllowed(url))).toBe(why);
  });
});

describe("allow-list: addresses", () => {
  it.each([
    ["https://10.0.0.5/", "private_address"],
    ["https://192.168.1.1/", "private_address"],
    ["https://172.20.0.1/", "private_address"],
    ["https://169.254.169.254/latest/meta-data", "private_address"],
    ["https://[fd00::1]/", "private_address"],
    ["https://[fe80::1]/", "private_address"],
    ["https://[::ffff:10.0.0.1]/", "private_address"],
    ["https://0.0.0.0/", "private_address"],
    ["https://8.8.8.8/", "host"],
    ["http://127.0.0.1:4010/", "scheme"],
    ["https://127.0.0.1:4010/", "loopback"],
    ["https://localhost/", "loopback"],
    ["https://[::1]/", "loopback"],
  ])("refuses %s without loopback (%s)", (url, why) => {
    expect(reason(() => strict.assertAllowed(url))).toBe(why);
  });

  it("allows loopback over http only when allowLoopback", () => {
    expect(local.isAllowed("http://127.0.0.1:4010/ims/token/v3")).toBe(true);
    expect(local.isAllowed("http://localhost:4020/")).toBe(true);
    expect(local.isAllowed("http://[::1]:4020/")).toBe(true);
    expect(local.isAllowed("http://10.0.0.1/")).toBe(false);
    expect(local.isAllowed("http://example.com/")).toBe(false);
  });

  it("rejects patterns that would open everything", () => {
    expect(() => createAllowList({ hosts: ["*"], allowLoopback: false })).toThrow();
    expect(() => createAllowList({ hosts: ["*.com"], allowLoopback: false })).toThrow();
    expect(createAllowList({ hosts: ["*.example.com"], allowLoopback: false }).isAllowed("https://a.example.com")).toBe(true);
  });
});

describe("allow-list: DNS check", () => {
  const fakeDns =
    (table: Record<string, string[]>): LookupFn =>
    async (host) => {
      const a = table[host];
      if (!a) throw Object.assign(new Error("nx"), { code: "ENOTFOUND" });
      return a.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    };
  const list = (allowLoopback: boolean) =>
    createAllowList({
      hosts: DEFAULT_OUTBOUND_HOSTS,
      allowLoopback,
      lookup: fakeDns({
        "dcs.adobedc.net": ["52.1.2.3"],
        "evil.adobedc.net": ["52.1.2.3", "10.1.1.1"],
        "local.adobedc.net": ["127.0.0.1"],
      }),
    });

  it("passes public answers", async () => {
    await expect(list(false).assertResolvesSafely("https://dcs.adobedc.net/x")).resolves.toBeInstanceOf(URL);
  });

  it("refuses a name with any private answer", async () => {
    await expect(list(true).assertResolvesSafely("https://evil.adobedc.net/x")).rejects.toMatchObject({
      reason: "private_address",
    });
  });

  it("refuses loopback answers unless allowed", async () => {
    await expect(list(false).assertResolvesSafely("https://local.adobedc.net/")).rejects.toMatchObject({
      reason: "private_address",
    });
    await expect(list(true).assertResolvesSafely("https://local.adobedc.net/")).resolves.toBeInstanceOf(URL);
  });

  it("reports unresolvable names as DNS failures", async () => {
    await expect(list(false).assertResolvesSafely("https://nx.adobedc.net/")).rejects.toMatchObject({ code: "dns_failed" });
  });
});

describe("createDefaultAllowList", () => {
  it("adds extra hosts from a comma-separated string", async () => {
    const { createDefaultAllowList } = await import("./index");
    const l = createDefaultAllowList({ allowLoopback: false, extraHosts: " proxy.example.com, *.corp.example.net ," });
    expect(l.isAllowed("https://proxy.example.com/x")).toBe(true);
    expect(l.isAllowed("https://a.corp.example.net/x")).toBe(true);
    expect(l.isAllowed("https://dcs.adobedc.net/x")).toBe(true);
    expect(l.isAllowed("http://127.0.0.1:4010/")).toBe(false);
  });
});
