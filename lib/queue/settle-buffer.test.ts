import { describe, expect, it } from "vitest";
import { SettleBuffer } from "./settle-buffer";
import type { SettleItem } from "./settle";

const item = (id: string) => ({ d: { id }, outcome: { kind: "delivered", exchanges: [] }, mappingVersion: null }) as unknown as SettleItem;

describe("SettleBuffer", () => {
  it("settles what is reported in one turn with one call, each report getting its own result", async () => {
    const calls: string[][] = [];
    const buf = new SettleBuffer(async (items) => {
      calls.push(items.map((i) => i.d.id));
      return items.map((i) => ({ status: "DELIVERED" as const, owned: i.d.id !== "b" }));
    });
    const results = await Promise.all(["a", "b", "c"].map((id) => buf.add(item(id))));
    expect(calls).toEqual([["a", "b", "c"]]);
    expect(results.map((r) => r.owned)).toEqual([true, false, true]);
    await buf.add(item("d"));
    expect(calls).toEqual([["a", "b", "c"], ["d"]]);
  });

  it("flushes at maxItems and rejects every report of a failed flush", async () => {
    const sizes: number[] = [];
    const buf = new SettleBuffer(async (items) => {
      sizes.push(items.length);
      if (items.some((i) => i.d.id === "x")) throw new Error("db down");
      return items.map(() => ({ status: "DELIVERED" as const, owned: true }));
    }, 2);
    const ok = Promise.all([buf.add(item("a")), buf.add(item("b"))]);
    const bad = Promise.allSettled([buf.add(item("c")), buf.add(item("x"))]);
    await ok;
    expect((await bad).map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(sizes).toEqual([2, 2]);
  });
});
