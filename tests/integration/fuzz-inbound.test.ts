import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signBody } from "@/lib/inbound/signature";
import { CONTENT_TYPES, FUZZ_SEED, malformedBody as fuzzBody, prng, type Rng } from "../support/fuzz-cases";
import type { RunningEmulators } from "@/emulators/index";
import { POST as rainfocusPOST } from "@/app/api/v1/inbound/rainfocus/[profileId]/route";
import { POST as aepPOST } from "@/app/api/v1/inbound/aep/[profileId]/route";
import { createDestinationProfile, createSourceProfile, pushEvents, settleLeftovers, startTestEmulators, type TestProfile } from "../support/delivery";

// Thousands of malformed requests, from a fixed seed, to the two inbound webhooks, called as route
// handlers: none may answer 5xx, and only what is accepted is stored, whole and well-formed. Every
// other route (and these two, generically) is fuzzed by fuzz-routes.test.ts.

function headersFor(r: Rng, extra: Record<string, string>): Record<string, string> {
  const ct = r.pick(CONTENT_TYPES);
  return { ...(ct ? { "Content-Type": ct } : {}), ...extra };
}

/** Bytes as a Buffer (what signBody takes), so a signature covers exactly what is sent. */
const malformedBody = (r: Rng, valid: () => unknown): Buffer => Buffer.from(fuzzBody(r, valid).body);
const show = (body: Buffer) => JSON.stringify(body.subarray(0, 120).toString("utf8"));

type Call = (request: Request, context: { params: Promise<any> }) => Promise<Response>;

async function call(handler: Call, url: string, method: string, body: Buffer | null, headers: Record<string, string>, params: Record<string, string> = {}) {
  const res = await handler(new Request(url, { method, headers, ...(body === null ? {} : { body: new Uint8Array(body) }) }), {
    params: Promise.resolve(params),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, json, text };
}

describe("fuzz: malformed requests", () => {
  let emu: RunningEmulators;
  let source: TestProfile;
  let dest: TestProfile;
  // FUZZ_SEED explores other sequences locally; CI runs the fixed one.
  const r = prng(FUZZ_SEED);

  beforeAll(async () => {
    emu = await startTestEmulators();
    await settleLeftovers();
    source = await createSourceProfile(emu);
    dest = await createDestinationProfile();
  });
  afterAll(() => emu.close());

  it("RainFocus inbound: no 5xx, and only accepted events are stored, whole and well-formed", async () => {
    const before = await db.delivery.count();
    let accepted = 0;
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1800; i++) {
      const body = malformedBody(r, () =>
        r.next() < 0.5 ? pushEvents("SessionScheduled", 100_000 + i, 1)[0] : pushEvents("SessionScheduled", 100_000 + i, 1 + r.int(3)),
      );
      const sig = r.int(10);
      const signature =
        sig < 7
          ? signBody(body, source.secret)
          : sig === 7
            ? signBody(body, "rfin_wrong")
            : sig === 8
              ? r.pick(["sha256=", "sha256=zz", "md5=00", signBody(body, source.secret).toUpperCase()])
              : null;
      const profileId = r.next() < 0.05 ? r.pick(["nonexistent", "", "../../etc", "%00", "\u0000", dest.id]) : source.id;
      const res = await call(
        rainfocusPOST,
        `http://relay.test/api/v1/inbound/rainfocus/${encodeURIComponent(profileId)}`,
        "POST",
        body,
        headersFor(r, signature ? { "X-RF-Signature": signature } : {}),
        { profileId },
      );
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, `body #${i}: ${show(body)} → ${res.text.slice(0, 200)}`).toBeLessThan(500);
      if (res.status === 202) accepted += res.json.accepted as number;
      else expect(res.json?.error?.code, `body #${i}`).toEqual(expect.any(String));
    }
    expect(await db.delivery.count()).toBe(before + accepted);
    const stored = await db.delivery.findMany({ where: { profileId: source.id }, select: { sourcePayload: true, transmissionId: true, pushType: true } });
    for (const d of stored) {
      const p = d.sourcePayload as Record<string, unknown>;
      expect(p && typeof p === "object" && !Array.isArray(p)).toBe(true);
      expect(p.transmissionId).toBe(d.transmissionId);
      expect(d.pushType).toBe("SessionScheduled");
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The fuzz must reach past the signature check, and some bodies must be valid.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(100);
    expect(statuses.get(401) ?? 0).toBeGreaterThan(100);
  });

  it("AEP inbound: no 5xx, and only accepted profiles are stored", async () => {
    const before = await db.delivery.count();
    let accepted = 0;
    const validExport = () => ({
      profiles: Array.from({ length: 1 + r.int(3) }, (_, j) => ({
        identityMap: { email: [{ id: `fuzz${r.int(1e9)}-${j}@example.test` }] },
        attributes: { a: r.int(10) },
        segmentMembership: { ups: { s1: { status: r.pick(["realized", "exited"]) } } },
      })),
    });
    for (let i = 0; i < 1200; i++) {
      const body = malformedBody(r, validExport);
      const auth = r.int(10);
      const authorization =
        auth < 7
          ? `Bearer ${dest.secret}`
          : auth === 7
            ? "Bearer rfin_wrong"
            : auth === 8
              ? r.pick(["Bearer", "Basic abc", `bearer  ${dest.secret}x`, "Bearer \u0000"])
              : null;
      const profileId = r.next() < 0.05 ? r.pick(["nonexistent", source.id]) : dest.id;
      let res;
      try {
        res = await call(
          aepPOST,
          `http://relay.test/api/v1/inbound/aep/${profileId}`,
          "POST",
          body,
          headersFor(r, authorization ? { Authorization: authorization } : {}),
          { profileId },
        );
      } catch (err) {
        // new Request() refuses header values with control characters: nothing reaches the handler.
        if (authorization?.includes("\u0000")) continue;
        throw err;
      }
      expect(res.status, `body #${i}: ${show(body)} → ${res.text.slice(0, 200)}`).toBeLessThan(500);
      if (res.status === 202) accepted += res.json.accepted as number;
    }
    expect(await db.delivery.count()).toBe(before + accepted);
  });
});
