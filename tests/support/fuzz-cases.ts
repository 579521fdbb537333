// Malformed requests for the fuzz tests, shared by the in-process handler fuzz
// (tests/integration/fuzz-routes.test.ts, fuzz-inbound.test.ts) and the HTTP fuzz against the real
// server (e2e/security/fuzz-routes.spec.ts). Pure functions of a seeded PRNG: the same seed gives
// the same requests on every machine, so a failure prints a seed and a case number to replay.
// No "@/" imports: Playwright loads this file too.

import { createPrng } from "../../lib/prng";

/** lib/prng.ts's sequence, with the draws the generators use. */
export function prng(seed: number) {
  const next = createPrng(seed);
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, chance: (p: number) => next() < p, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]! };
}

export type Rng = ReturnType<typeof prng>;

/** The CI seed; FUZZ_SEED explores other sequences locally. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED || 20261123);

/**
 * One seed per route and method (FNV-1a of the key, mixed with the run's seed), so adding a route
 * or changing its case count does not change the requests any other route gets.
 */
export function seedFor(key: string, base = FUZZ_SEED): number {
  let h = 0x811c9dc5 ^ base;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export const ODD_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1e308,
  -0,
  0.5,
  -2147483649,
  9007199254740993,
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff",
  "💥".repeat(50),
  [],
  {},
  [[]],
  { "": "" },
  JSON.parse('{"__proto__":{"polluted":true}}'),
  "SessionScheduled",
  "__proto__",
  "constructor",
  "NaN",
  "Infinity",
  "2026-13-45",
  "x".repeat(300),
  "<script>alert(1)</script>",
  '\'; DROP TABLE "Delivery";--',
];
export const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "then"];

export function randomString(r: Rng, max = 40): string {
  return Array.from({ length: r.int(max) }, () => String.fromCharCode(r.chance(0.1) ? r.int(0x10000) : 0x20 + r.int(0x5f))).join("");
}

export function randomValue(r: Rng, depth = 0): unknown {
  const k = r.int(depth > 3 ? 4 : 7);
  if (k === 0) return r.pick(ODD_VALUES);
  if (k === 1) return r.int(2 ** 31) - 2 ** 30;
  if (k === 2) return randomString(r);
  if (k === 3) return r.chance(0.5);
  if (k === 4) return Array.from({ length: r.int(5) }, () => randomValue(r, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = r.int(5); i > 0; i--) o[r.chance(0.3) ? r.pick(PROTO_KEYS) : `k${r.int(100)}`] = randomValue(r, depth + 1);
  return o;
}

export function nested(r: Rng, depth: number): string {
  const open = r.chance(0.5) ? "[" : '{"a":';
  const close = open === "[" ? "]" : "}";
  return open.repeat(depth) + "1" + close.repeat(depth);
}

/** Replaces one leaf (or subtree) somewhere inside `v` with a value of another type. */
function mutateDeep(r: Rng, v: unknown, depth = 0): unknown {
  if (depth > 8 || v === null || typeof v !== "object" || r.chance(0.25)) return r.chance(0.5) ? r.pick(ODD_VALUES) : randomValue(r, 2);
  if (Array.isArray(v)) {
    if (v.length === 0) return [randomValue(r, 2)];
    const copy = [...v];
    const i = r.int(copy.length);
    copy[i] = mutateDeep(r, copy[i], depth + 1);
    return copy;
  }
  const copy = { ...(v as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (keys.length === 0 || r.chance(0.15)) copy[r.chance(0.5) ? r.pick(PROTO_KEYS) : `extra${r.int(10)}`] = randomValue(r, 2);
  else {
    const k = r.pick(keys);
    copy[k] = mutateDeep(r, copy[k], depth + 1);
  }
  return copy;
}

/** Bytes that are not UTF-8: lone continuation bytes, overlong NUL, a surrogate encoded directly, 0xFF. */
const BAD_UTF8 = [[0x80], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xff], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0x00]];

function withBadBytes(r: Rng, text: string): Uint8Array<ArrayBuffer> {
  const bytes = Buffer.from(text, "utf8");
  const at = r.int(bytes.length + 1);
  return new Uint8Array(Buffer.concat([bytes.subarray(0, at), Buffer.from(r.pick(BAD_UTF8)), bytes.subarray(at)]));
}

export type FuzzBody = { body: string | Uint8Array<ArrayBuffer>; kind: string };

export type BodyOptions = {
  /** Bodies over 1 MB are expensive over HTTP; the HTTP fuzz sends fewer. */
  hugeChance?: number;
};

/** One malformed (or sometimes valid-but-odd, or valid) body for an endpoint whose valid body is `valid()`. */
export function malformedBody(r: Rng, valid: () => unknown, opts: BodyOptions = {}): FuzzBody {
  const good = JSON.stringify(valid()) ?? "null";
  const hugeChance = opts.hugeChance ?? 0.1;
  switch (r.int(18)) {
    case 0:
      return { kind: "binary", body: Uint8Array.from({ length: r.int(300) }, () => r.int(256)) };
    case 1:
      return { kind: "truncated", body: good.slice(0, r.int(good.length)) };
    case 2: {
      const size = r.chance(hugeChance) ? 1_100_000 + r.int(200_000) : r.int(200_000);
      const base = valid();
      const o = base && typeof base === "object" && !Array.isArray(base) ? base : { value: base };
      return { kind: `huge string (${size})`, body: JSON.stringify({ ...o, huge: r.pick(["x", "é", "💥", "\\u0041"]).repeat(size / 2) }) };
    }
    case 3:
      return { kind: "deep nesting", body: nested(r, r.pick([50, 65, 500, 5_000, 50_000])) };
    case 4: {
      const d = r.pick([63, 65, 200, 3_000, 20_000]);
      const inner = good.startsWith("{") && good.length > 2 ? good.slice(1) : "}";
      return { kind: "deep nesting inside a valid body", body: `{"deep":${nested(r, d)},` + (inner === "}" ? '"x":1}' : inner) };
    }
    case 5:
      return { kind: "random JSON", body: JSON.stringify(randomValue(r)) ?? "null" };
    case 6: {
      const v = valid();
      if (!v || typeof v !== "object") return { kind: "random JSON", body: JSON.stringify(randomValue(r)) ?? "null" };
      const o = { ...(v as Record<string, unknown>) };
      for (const key of Object.keys(o)) if (r.chance(0.5)) o[key] = r.pick(ODD_VALUES);
      return { kind: "wrong types at the top", body: JSON.stringify(o) };
    }
    case 7:
      return {
        kind: "prototype keys",
        body: good.replace(
          /^\{/,
          r.pick([
            '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},',
            '{"__proto__":null,',
            '{"constructor":"x","toString":1,"hasOwnProperty":false,',
          ]),
        ),
      };
    case 8:
      return { kind: "array of odd values", body: JSON.stringify(Array.from({ length: r.pick([0, 1, 501, 1001, 5001]) }, () => r.pick(ODD_VALUES))) };
    case 9:
      return { kind: "mangled quotes", body: good.replace(/"/g, r.pick(["'", "", '\\"', "“"])) };
    case 10:
      return { kind: "BOM or trailing garbage", body: r.pick(["\ufeff", "", " \n\t"]) + good + r.pick(["", ",", "}", "]", "\u0000", "garbage", good]) };
    case 11:
    case 12:
      return { kind: "wrong types deep", body: JSON.stringify(mutateDeep(r, valid())) ?? "null" };
    case 13: {
      const esc = r.pick(["\\u0000", "\\ud800", "\\udc00", "\\ud800\\u0041", "\\uDBFF", "\\u0000\\u0000", "\\ud83d\\udca5"]);
      const at = good.indexOf('":"');
      const body = at >= 0 ? good.slice(0, at + 3) + esc + good.slice(at + 3) : `{"k":"${esc}","v":${good}}`;
      return { kind: `escape ${esc}`, body };
    }
    case 14:
      return { kind: "invalid UTF-8", body: withBadBytes(r, good) };
    case 15:
      return {
        kind: "form or text body",
        body: r.pick([
          "a=1&b=%00",
          "csrfToken=&email=a%40b.c&password=",
          "email[]=1&email[]=2",
          '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
          "hello",
          "<xml/>",
          "\u0000",
        ]),
      };
    case 16: {
      const num = r.pick([
        "1e309",
        "-1e309",
        "1e-400",
        "123456789012345678901234567890",
        "-0",
        "0.0000001",
        "1E2",
        "01",
        "+1",
        ".5",
        "0x10",
        "NaN",
        "Infinity",
      ]);
      return { kind: `number ${num}`, body: good.replace(/(:\s*)(-?\d+(\.\d+)?|true|false|null)/, `$1${num}`) };
    }
    default:
      return r.chance(0.6)
        ? { kind: "valid", body: good }
        : {
            kind: "short junk",
            body: r.pick([
              "",
              "null",
              "[]",
              "{}",
              "0",
              '""',
              "[{}]",
              "NaN",
              "undefined",
              "true",
              '{"profiles":null}',
              '{"profile":[]}',
              "{",
              "}",
              "[",
              '"',
              '{"a":}',
              "{,}",
            ]),
          };
  }
}

export const CONTENT_TYPES = [
  "application/json",
  "application/json",
  "application/json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/json; charset=utf-16",
  "application/octet-stream",
  "application/json; charset=latin1",
  "",
  "*/*",
  "application/jsonx",
  "application/json; boundary=",
];

/** Query values that broke or might break parsers: odd limits, cursors, dates, encodings. Raw (already percent-encoded where needed). */
const RAW_QUERY_VALUES = [
  "",
  "-1",
  "0",
  "1",
  "1.5",
  "201",
  "1e9",
  "99999999999999999999",
  "NaN",
  "Infinity",
  "-Infinity",
  "0x10",
  "null",
  "undefined",
  "true",
  "%5B%5D",
  "%7B%7D",
  "2026-13-45",
  "0000-00-00",
  "2026-02-30",
  "%2B275760-09-13T00%3A00%3A00.000Z",
  "-271821-04-20",
  "275761-01-01",
  "1e20",
  "9999-99-99T99%3A99%3A99Z",
  "2026-11-23T10%3A00%3A00%2B14%3A00",
  "%27%3B%20DROP%20TABLE%20x%3B--",
  "%",
  "%zz",
  "%E0%A4%A",
  "%ED%A0%80",
  "%00",
  "a%00b",
  "%C0%80",
  "%FF%FE",
  "a,b,c",
  ",,,",
  "QUEUED,,FAILED",
  "queued",
  "DELIVERED,".repeat(40),
  "%F0%9F%92%A5",
  "eyJ9",
  "eyJ0IjoiMjAyNi0xMS0yM1QwMDowMDowMFoiLCJpZCI6IngifQ",
  "eyJ0IjpudWxsLCJpZCI6MX0",
  "bnVsbA",
  "W10",
  "x%7Cy",
  "2026-11-23T00%3A00%3A00.000Z%7Cabc",
  "%5C",
  "%2F..%2F..%2Fetc%2Fpasswd",
  "csv",
  "ndjson",
  "json",
  "xml",
  "15m",
  "1h",
  "7d",
  "999d",
  "yes",
  "no",
  "1",
  "default",
  "SOURCE",
  "DESTINATION",
  "ADMIN",
  "profile.update",
];

export const QUERY_KEYS = [
  "limit",
  "cursor",
  "status",
  "profileId",
  "q",
  "range",
  "from",
  "to",
  "direction",
  "test",
  "pushType",
  "http",
  "mappingVersion",
  "failedAttempts",
  "attendee",
  "format",
  "action",
  "actor",
  "targetType",
  "targetId",
  "sort",
  "order",
  "page",
  "confirmName",
  "callbackUrl",
  "__proto__",
  "constructor",
  "",
  "a%00",
  "%",
  "limit[]",
  "filter[status]",
];

export type QueryOptions = {
  /** Longest generated value (a URL over ~16 KB is refused by Node before any route runs). */
  maxLength?: number;
  /** Keys that must never be generated (e.g. timeoutMs, which makes a handler wait). */
  exclude?: readonly string[];
};

/** A raw query string (without "?"): random, repeated and odd parameters. */
export function malformedQuery(r: Rng, extraKeys: readonly string[] = [], opts: QueryOptions = {}): string {
  const keys = [...QUERY_KEYS, ...extraKeys].filter((k) => !opts.exclude?.includes(k));
  const maxLength = opts.maxLength ?? 20_000;
  const parts: string[] = [];
  const n = r.pick([0, 1, 1, 2, 3, 4, 8, 30]);
  for (let i = 0; i < n; i++) {
    const key = r.chance(0.1) && parts.length ? parts[parts.length - 1]!.split("=")[0]! : r.pick(keys);
    let value: string;
    const k = r.int(10);
    if (k < 6) value = r.pick(RAW_QUERY_VALUES);
    else if (k < 8) value = encodeURIComponent(randomString(r, 30).replace(/[\ud800-\udfff]/g, "x"));
    else if (k === 8) value = r.pick(["x", "%00", "%E2%82%AC", "a,"]).repeat(Math.max(1, Math.floor(r.pick([200, 1_000, 5_000, maxLength]) / 3)));
    else value = String(r.int(2 ** 31) - 2 ** 30);
    parts.push(r.chance(0.05) ? key : `${key}=${value}`);
  }
  return parts.join(r.chance(0.05) ? "&&" : "&");
}

/** Path segments that are not ids: raw for a URL, decoded as Next hands them to a handler. */
export const ODD_IDS: readonly { raw: string; decoded: string }[] = [
  { raw: "nonexistent", decoded: "nonexistent" },
  { raw: "0", decoded: "0" },
  { raw: "-1", decoded: "-1" },
  { raw: "null", decoded: "null" },
  { raw: "undefined", decoded: "undefined" },
  { raw: "__proto__", decoded: "__proto__" },
  { raw: "constructor", decoded: "constructor" },
  { raw: "toString", decoded: "toString" },
  { raw: "%20", decoded: " " },
  { raw: "%00", decoded: "\u0000" },
  { raw: "a%00b", decoded: "a\u0000b" },
  { raw: "%ED%A0%80", decoded: "\ud800" },
  { raw: "%C0%80", decoded: "\ufffd\ufffd" },
  { raw: "%FF", decoded: "\ufffd" },
  { raw: "%F0%9F%92%A5", decoded: "💥" },
  { raw: "a%2Fb", decoded: "a/b" },
  { raw: "..%2F..%2Fetc%2Fpasswd", decoded: "../../etc/passwd" },
  { raw: "%25", decoded: "%" },
  { raw: "%27%20OR%20%271%27%3D%271", decoded: "' OR '1'='1" },
  { raw: "x".repeat(101), decoded: "x".repeat(101) },
  { raw: "x".repeat(5_000), decoded: "x".repeat(5_000) },
  { raw: "%E2%80%AE", decoded: "\u202e" },
  { raw: "cm" + "0".repeat(23), decoded: "cm" + "0".repeat(23) },
  { raw: "00000000-0000-0000-0000-000000000000", decoded: "00000000-0000-0000-0000-000000000000" },
];
