import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { flushRefusals, recordRefusal } from "@/lib/inbound-refusals/record";

// Refused inbound requests are written a second's worth at a time. A fuzzed URL once put NUL in a
// profile id; PostgreSQL refused that text and the whole batch, with every honest refusal beside
// it, was lost (seen in CI's server log: "inbound refusals not recorded", 23–34 rows a second).
describe("recordRefusal", () => {
  const base = { endpoint: "rainfocus", status: 401, code: "bad_signature", message: "no", ip: "203.0.113.9", requestId: "req" };

  it("stores ids with NUL or half a surrogate pair (as U+FFFD) beside the honest refusals of the same second", async () => {
    recordRefusal({ ...base, profileId: "refusal-honest" });
    recordRefusal({ ...base, profileId: "refusal-nul-\u0000-x", message: "id refusal-nul-\u0000-x" });
    recordRefusal({ ...base, profileId: "refusal-half-\ud800-x" });
    await flushRefusals();
    const rows = await db.inboundRefusal.findMany({ where: { profileId: { startsWith: "refusal-" } }, orderBy: { profileId: "asc" } });
    expect(rows.map((r) => r.profileId)).toEqual(["refusal-half-\ufffd-x", "refusal-honest", "refusal-nul-\ufffd-x"]);
    expect(rows.find((r) => r.profileId === "refusal-nul-\ufffd-x")?.message).toBe("id refusal-nul-\ufffd-x");
  });

  it("loses only the row the database refuses, not the rest of its batch", async () => {
    recordRefusal({ ...base, profileId: "split-a" });
    // Beyond PostgreSQL's int: this row cannot be stored, whatever its text.
    recordRefusal({ ...base, profileId: "split-bad", status: 2 ** 31 });
    recordRefusal({ ...base, profileId: "split-b" });
    await flushRefusals();
    const rows = await db.inboundRefusal.findMany({ where: { profileId: { startsWith: "split-" } }, orderBy: { profileId: "asc" } });
    expect(rows.map((r) => r.profileId)).toEqual(["split-a", "split-b"]);
  });
});
