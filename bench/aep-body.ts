// Reading AEP destination bodies: readAepBody (streamed, each profiles[] element parsed alone,
// lib/inbound/aep-stream.ts) against the baseline of buffering the whole body and JSON.parse, on
// the same generated bodies in the same run. Prints one JSON object.
//   npx tsx bench/aep-body.ts
import { readAepBody } from "../lib/inbound/aep-stream";
import { detectAepProfiles } from "../lib/inbound/aep-profile";
import { jsonTextProblem } from "../lib/http/json-text";
import { sdkProfile } from "../emulators/adobe/destination-profiles";

const limits = { maxBytes: 1 << 30, maxSkeletonBytes: 1 << 20, maxProfileBytes: 1 << 20, maxProfiles: 10_000 };
const CHUNK = 64 * 1024;

async function* chunks(buf: Buffer) {
  for (let i = 0; i < buf.length; i += CHUNK) yield buf.subarray(i, i + CHUNK);
}

async function time<T>(runs: number, fn: () => Promise<T>): Promise<{ medianMs: number; heapDeltaMb: number }> {
  const ms: number[] = [];
  let heap = 0;
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const h0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
    heap = Math.max(heap, process.memoryUsage().heapUsed - h0);
  }
  ms.sort((a, b) => a - b);
  return { medianMs: Math.round(ms[Math.floor(ms.length / 2)]! * 10) / 10, heapDeltaMb: Math.round(heap / 1e5) / 10 };
}

async function main() {
  const out: Record<string, unknown> = { bench: "aep-body", chunkBytes: CHUNK, node: process.version, results: [] as unknown[] };
  for (const n of [1_000, 5_000, 10_000]) {
    const body = Buffer.from(JSON.stringify({ profiles: Array.from({ length: n }, (_, i) => sdkProfile(i, "bench")) }));
    const streamed = await time(5, async () => {
      const r = await readAepBody(chunks(body), limits);
      if (!r.ok) throw new Error(r.message);
      const d = detectAepProfiles(r.skeleton, r.profiles);
      if (!d.ok || d.profiles.length !== n) throw new Error("wrong count");
    });
    const baseline = await time(5, async () => {
      const parts: Buffer[] = [];
      for await (const c of chunks(body)) parts.push(Buffer.from(c));
      // What the buffered path did (readRawBody + parseJsonBody): the whole text checked, then parsed.
      const text = Buffer.concat(parts).toString("utf8");
      if (jsonTextProblem(text)) throw new Error("problem");
      const d = detectAepProfiles(JSON.parse(text), null);
      if (!d.ok || d.profiles.length !== n) throw new Error("wrong count");
    });
    (out.results as unknown[]).push({
      profiles: n,
      bodyMb: Math.round(body.length / 1e5) / 10,
      streamed,
      baselineBufferAndParse: baseline,
      ratio: Math.round((streamed.medianMs / baseline.medianMs) * 100) / 100,
    });
  }
  console.log(JSON.stringify(out));
}

void main();
