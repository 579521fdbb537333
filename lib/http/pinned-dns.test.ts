import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAllowList, type LookupFn } from "../outbound/allow-list";
import { httpRequest } from "./request";

// DNS rebinding: a name that answers with a public address when it is checked and with an
// internal one when the socket connects. The socket must connect through the allow-list's own
// lookup, so the second answer is checked too and nothing reaches the internal address.

let server: Server;
let port = 0;
let connections = 0;

beforeAll(async () => {
  server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Answers each lookup of a name with the next of `answers` (the last one repeats). */
function rebinding(answers: string[][]): LookupFn & { calls: number } {
  const fn = Object.assign(
    async (_host: string) => {
      const a = answers[Math.min(fn.calls, answers.length - 1)]!;
      fn.calls++;
      return a.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    },
    { calls: 0 },
  );
  return fn;
}

describe("outbound connections use the checked DNS answer", () => {
  it("refuses a name that rebinds to loopback between the check and the connection", async () => {
    const lookup = rebinding([["93.184.216.34"], ["127.0.0.1"]]);
    const allowList = createAllowList({ hosts: ["rebind.example"], allowLoopback: false, lookup });
    const before = connections;
    const result = await httpRequest({ method: "GET", url: `https://rebind.example:${port}/`, allowList, timeoutMs: 3000 });
    expect(result).toMatchObject({ kind: "error", error: "not_allowed" });
    expect(result.kind === "error" && result.message).toMatch(/private address \(127\.0\.0\.1\)/);
    expect(lookup.calls).toBe(2); // once to check, once when the socket connected
    expect(connections).toBe(before);
  });

  it("refuses a private answer hidden among public ones at connect time", async () => {
    const lookup = rebinding([["93.184.216.34"], ["93.184.216.34", "10.0.0.7"]]);
    const allowList = createAllowList({ hosts: ["rebind.example"], allowLoopback: false, lookup });
    const result = await httpRequest({ method: "POST", url: `https://rebind.example:${port}/x`, body: "{}", allowList, timeoutMs: 3000 });
    expect(result).toMatchObject({ kind: "error", error: "not_allowed" });
  });

  it("connectLookup honours `all` and `family`, and reports unresolvable names", async () => {
    const allowList = createAllowList({
      hosts: ["dual.example", "gone.example"],
      allowLoopback: false,
      lookup: async (host) => {
        if (host === "gone.example") throw Object.assign(new Error("nx"), { code: "ENOTFOUND" });
        return [
          { address: "2606:2800:220:1::1", family: 6 },
          { address: "93.184.216.34", family: 4 },
        ];
      },
    });
    const call = (host: string, options: { family?: number; all?: boolean }) =>
      new Promise<{ err: Error | null; address: unknown; family?: number }>((resolve) =>
        allowList.connectLookup(host, options, (err, address, family) => resolve({ err, address, family })),
      );
    expect(await call("dual.example", { all: true })).toMatchObject({ err: null, address: [{ family: 6 }, { family: 4 }] });
    expect(await call("dual.example", { family: 4 })).toMatchObject({ err: null, address: "93.184.216.34", family: 4 });
    expect((await call("gone.example", {})).err).toMatchObject({ code: "dns_failed" });
  });
});
