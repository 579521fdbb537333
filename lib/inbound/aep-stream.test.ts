import { describe, expect, it } from "vitest";
import { readAepBody } from "./aep-stream";

const limits = { maxBytes: 1 << 24, maxSkeletonBytes: 4096, maxProfileBytes: 4096, maxProfiles: 100 };
async function* chunks(text: string, size: number) {
  const b = Buffer.from(text, "utf8");
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}
const read = (text: string, size = 3, l = limits) => readAepBody(chunks(text, size), l);

describe("readAepBody", () => {
  it("cuts out each element of a top-level profiles array, whatever the chunk boundaries", async () => {
    const profiles = [{ a: 'x,]}"[{', n: [1, { b: 2 }] }, { é: "ü😀" }, { profiles: [1, 2] }];
    const text = JSON.stringify({ before: { profiles: "no" }, profiles, after: 1 }, null, 1);
    for (const size of [1, 2, 3, 7, 64, 10_000]) {
      const r = await read(text, size);
      expect(r).toMatchObject({ ok: true, profiles, skeleton: { before: { profiles: "no" }, profiles: [], after: 1 } });
    }
  });

  it("keeps a body without a top-level profiles array whole (the HTTP API destination's root profile)", async () => {
    const root = { person: { name: { firstName: "A" } }, identityMap: { profiles: [{ id: 1 }] } };
    expect(await read(JSON.stringify(root))).toEqual({ ok: true, skeleton: root, profiles: null, bytes: JSON.stringify(root).length });
    expect(await read(JSON.stringify({ profiles: { not: "array" } }))).toMatchObject({ ok: true, profiles: null, skeleton: { profiles: { not: "array" } } });
  });

  it("accepts an empty array and refuses holes and broken JSON", async () => {
    expect(await read('{"profiles":[ ]}')).toMatchObject({ ok: true, profiles: [] });
    for (const bad of [
      '{"profiles":[,]}',
      '{"profiles":[{"a":1},]}',
      '{"profiles":[{"a":1},,{"b":2}]}',
      '{"profiles":[{"a":1}',
      '{"profiles":[{"a":}]}',
      "",
      '{"a":1',
    ]) {
      expect(await read(bad), bad).toMatchObject({ ok: false, status: 400 });
    }
  });

  it("refuses what PostgreSQL could not store, per element", async () => {
    expect(await read('{"profiles":[{"a":"\\u0000"}]}')).toMatchObject({ ok: false, status: 400, code: "nul_character" });
  });

  it("caps the count, each profile, the skeleton and the total", async () => {
    const many = JSON.stringify({ profiles: Array.from({ length: 101 }, (_, i) => ({ i })) });
    expect(await read(many, 50)).toMatchObject({ ok: false, status: 413 });
    // Sizes read as the other inbound refusals do ("4 KB", "1 MB"), not as a byte count.
    expect(await read(JSON.stringify({ profiles: [{ big: "x".repeat(5000) }] }), 100)).toMatchObject({
      ok: false,
      status: 413,
      message: "profiles[0] is larger than 4 KB.",
    });
    expect(await read(JSON.stringify({ big: "x".repeat(5000) }), 100)).toMatchObject({
      ok: false,
      status: 413,
      message: "The body outside `profiles` is larger than 4 KB.",
    });
    expect(await read(JSON.stringify({ profiles: [{ a: 1 }] }), 4, { ...limits, maxBytes: 10 })).toMatchObject({
      ok: false,
      status: 413,
      message: "The body is larger than 10 bytes.",
    });
    const mb = { ...limits, maxBytes: 1024 * 1024 };
    expect(await read(JSON.stringify({ profiles: [{ big: "x".repeat(1024 * 1024) }] }), 64 * 1024, { ...mb, maxProfileBytes: 2 * 1024 * 1024 })).toMatchObject({
      message: "The body is larger than 1 MB.",
    });
  });
});
