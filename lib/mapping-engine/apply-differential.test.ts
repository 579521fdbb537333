import { describe, expect, it } from "vitest";
import { generatePushEvent, PUSH_TYPE_NAMES } from "@/lib/push-types/catalog";
import { defaultSchemaModel } from "@/lib/xdm";
import type { Indices } from "./accessors";
import { apply } from "./apply";
import { compile } from "./compile";
import { defaultDestinationMapping, defaultSourceMapping } from "./default-mappings";
import { compileForSchema } from "./preview";
import type { CompiledMapping, Leaf, MappingIssue, MappingRule, TargetNode } from "./types";
import type { TargetType } from "./values";
import { setOwn, toOutputValue } from "./values";
import { createPrng } from "../prng";

// apply() runs a compiled walk with per-type fast paths. This file keeps the original tree-walking
// interpreter as the reference and checks both give the same output (including key order) and the
// same errors on many mappings × generated, mutated payloads.

function labelFor(leaf: Leaf, indices: Indices): string {
  if (indices.length === 0) return leaf.target;
  let k = 0;
  return leaf.target.replace(/\[\s*\*\s*\]/g, (m) => (k < indices.length ? `[${indices[k++]}]` : m));
}
function evalLeaf(leaf: Leaf, root: unknown, indices: Indices, errors: MappingIssue[]): unknown {
  let v: unknown;
  try {
    v = leaf.evaluate(root, indices);
    if (leaf.coerce !== undefined && v !== undefined && v !== null) v = leaf.coerce(v);
    if (v === undefined) {
      /* omitted */
    } else if (typeof v === "string") {
      if (v === "") v = undefined;
    } else if (typeof v === "number") {
      if (!Number.isFinite(v)) v = undefined;
    } else if (typeof v !== "boolean") v = toOutputValue(v);
  } catch (e) {
    errors.push({ target: labelFor(leaf, indices), message: e instanceof Error ? e.message : String(e) });
    v = undefined;
  }
  if (v === undefined && leaf.required) errors.push({ target: labelFor(leaf, indices), message: "required field is empty" });
  return v;
}
function build(node: TargetNode, root: unknown, indices: Indices, errors: MappingIssue[]): unknown {
  if (node.kind === "leaf") return evalLeaf(node.leaf, root, indices, errors);
  if (node.kind === "object") {
    let out: Record<string, unknown> | undefined;
    for (const c of node.children) {
      const v = build(c.node, root, indices, errors);
      if (v === undefined) continue;
      out ??= {};
      if (c.unsafe) setOwn(out, c.key, v);
      else out[c.key] = v;
    }
    return out;
  }
  const out: unknown[] = [];
  let n = -1;
  if (node.each) {
    for (const leaf of node.leaves) n = Math.max(n, leaf.lengthAt(root, indices));
    for (let i = 0; i < n; i++) {
      const v = build(node.each, root, [...indices, i], errors);
      if (v !== undefined) out.push(v);
    }
  } else {
    for (const item of node.items) {
      const v = build(item.node, root, indices, errors);
      if (v !== undefined) out.push(v);
    }
  }
  if (out.length === 0) {
    if (node.each && n <= 0) for (const leaf of node.leaves) if (leaf.required) errors.push({ target: leaf.target, message: "required field is empty" });
    return undefined;
  }
  return out;
}
function referenceApply(compiled: CompiledMapping, payload: unknown) {
  const errors: MappingIssue[] = [];
  const output = (build(compiled.root, payload, [], errors) as Record<string, unknown> | undefined) ?? {};
  return { output, errors };
}

/** Deterministic, so failures are reproducible. */
const rng = createPrng;

const ODD_VALUES: unknown[] = [
  null,
  "",
  " ",
  "0",
  "1",
  "yes",
  "off",
  "maybe",
  "90",
  "1.5",
  "-3",
  0,
  1,
  2.5,
  -0,
  true,
  false,
  "2023-03-22 10:00:00",
  "2023-03-22T10:00:00Z",
  "2023-02-30 10:00:00",
  "03/22/2023",
  "1679479200000",
  1679479200000,
  {},
  { a: null },
  { a: "x", b: [] },
  [],
  ["a", null, "b"],
  [1, "2"],
  [[]],
  "ümlaut ✓",
  "x".repeat(300),
  1e20,
  -1e20,
  NaN,
];

/** Replaces, deletes or adds values anywhere in a payload. */
function mutate(v: unknown, r: () => number, depth = 0): unknown {
  if (depth > 0 && r() < 0.08) return ODD_VALUES[Math.floor(r() * ODD_VALUES.length)];
  if (Array.isArray(v)) return v.map((x) => mutate(x, r, depth + 1));
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (r() > 0.05) out[k] = mutate(x, r, depth + 1);
    if (depth < 2 && r() < 0.1)
      out[["timestamp", "length", "email", "extra", "registered"][Math.floor(r() * 5)]] = ODD_VALUES[Math.floor(r() * ODD_VALUES.length)];
    return out;
  }
  return v;
}

const TYPES: Record<string, TargetType> = { b: "boolean", d: "date-time", i: "integer", n: "number", s: "string", day: "date", o: "object", a: "array" };
const typed = (rules: MappingRule[]) => compile(rules, { targetType: (segs) => TYPES[(segs[segs.length - 1] as { key?: string }).key ?? ""] });

const ASSORTED: MappingRule[] = [
  { target: "x.b", source: "attendee.registered" },
  { target: "x.d", source: "timestamp" },
  { target: "x.i", source: "session.length" },
  { target: "x.n", expression: "to_float(session.length)" },
  { target: "x.s", source: "session.length", required: true },
  { target: "x.day", source: "sessiontime.startTime" },
  { target: "x.o", source: "attendee" },
  { target: "x.a", source: "extra" },
  { target: "y.b", value: "yes" },
  { target: "y.i", value: "12" },
  { target: "y.s", value: 7 },
  { target: "y.d", value: "2023-01-01" },
  { target: "y.n", value: "abc" },
  { target: "y.any", value: 0 },
  { target: "y.obj", value: { k: "v", e: "" } },
  { target: "y.nul", value: null, required: true },
  { target: "z.when", expression: 'date(sessiontime.endTime, "yyyy-MM-dd HH:mm:ss")' },
  { target: "z.d", expression: "date(timestamp)", required: true },
  { target: "z.epoch", expression: "date(session.length)" }, // 1e20 → Invalid Date
  { target: "z.epochD", expression: "date(attendee.externalId)" },
  { target: "z.up", expression: "upper(attendee.email)" },
  { target: "z.flag", expression: 'iif(attendee.registered == "Yes", true, false)' },
  { target: "z.len", expression: "size_of(attendee)" },
  { target: "z.arr", expression: 'split(attendee.email, "@")' },
  { target: "l[*].s", source: "list[*].name" },
  { target: "l[*].i", source: "list[*].n" },
  { target: "l[*].k", value: "const" },
  { target: "l[*].req", source: "list[*].req", required: true },
  { target: "m[0]", source: "attendee.email" },
  { target: "m[1]", source: "missing" },
  { target: "__proto__.s", source: "eventType" },
];

describe("compiled apply vs the reference interpreter", () => {
  const model = defaultSchemaModel("acme");
  const mappings: [string, CompiledMapping][] = [
    ["source (schema-typed)", compileForSchema(defaultSourceMapping("acme"), model)],
    ["source (untyped)", compile(defaultSourceMapping("acme"))],
    ["destination", compile(defaultDestinationMapping())],
    ["assorted (typed)", typed(ASSORTED)],
    ["assorted (untyped)", compile(ASSORTED)],
  ];
  it("agrees on generated and mutated payloads", () => {
    const r = rng(42);
    let compared = 0;
    for (let i = 0; i < 1500; i++) {
      const base = generatePushEvent(PUSH_TYPE_NAMES[i % PUSH_TYPE_NAMES.length], i * 31) as unknown as Record<string, unknown>;
      const withList = {
        ...base,
        list: [{ name: "a", n: "1", req: "r" }, { n: 2.5 }, { name: "", n: "x" }],
        attributes: { email: { value: " A@B.C " }, city: "Paris" },
      };
      const payload = i % 4 === 0 ? withList : mutate(withList, r);
      for (const [name, c] of mappings) {
        const got = apply(c, payload),
          want = referenceApply(c, payload);
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          expect(got, `${name} #${i}: ${JSON.stringify(payload)}`).toEqual(want);
          expect(JSON.stringify(got), `${name} #${i} key order`).toBe(JSON.stringify(want));
        }
        compared++;
      }
    }
    expect(compared).toBe(1500 * mappings.length);
  });
  it("agrees on non-object payloads", () => {
    for (const payload of [null, 1, '"s"', "[1,2]", [], true]) {
      for (const [, c] of mappings) expect(apply(c, payload)).toEqual(referenceApply(c, typeof payload === "string" ? JSON.parse(payload) : payload));
    }
  });
});
