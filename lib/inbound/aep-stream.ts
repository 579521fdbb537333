// Streamed reading of AEP destination bodies. Pure (no I/O besides the stream it is given).
//
// Configurable aggregation sends up to 10,000 profiles in one request
// (help/destinations/destination-sdk/functionality/destination-configuration/aggregation-policy.md,
// maxNumEventsInBatch 1,000–10,000), tens of megabytes. Instead of buffering the whole body into one
// string and parsing it at once, the bytes are scanned as they arrive: each element of a top-level
// `profiles` array is cut out and parsed on its own (and dropped from memory as raw text), and
// everything else — the skeleton, i.e. the whole body for the HTTP API destination's single root
// profile — is kept under its own small cap. Structural JSON characters are ASCII and never occur
// inside a UTF-8 multi-byte sequence, so scanning bytes is exact.
import { jsonTextProblem } from "../http/json-text";
import { formatBytes } from "../format-bytes";
import { discardRest, MAX_DISCARD_BYTES } from "../http/read-body";

export interface AepBodyLimits {
  /** Total bytes read at most; far above anything AEP sends (10,000 profiles of a few KB). */
  maxBytes: number;
  /** Bytes of the body outside `profiles[]` (a single root profile, or the wrapper). */
  maxSkeletonBytes: number;
  /** Bytes of one element of `profiles[]`. */
  maxProfileBytes: number;
  /** Elements of `profiles[]`. */
  maxProfiles: number;
}

export type AepBodyProblem = { status: 400 | 413; code: string; message: string };
export type AepBody = { ok: true; skeleton: unknown; profiles: unknown[] | null; bytes: number } | ({ ok: false } & AepBodyProblem);

const Q = 34,
  BS = 92,
  LB = 123,
  RB = 125,
  LS = 91,
  RS = 93,
  COMMA = 44,
  COLON = 58;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Parses `text` after the checks PostgreSQL's jsonb needs (jsonTextProblem). */
function parseChecked(text: string, what: string): { ok: true; value: unknown } | ({ ok: false } & AepBodyProblem) {
  const problem = jsonTextProblem(text);
  if (problem) return { ok: false, status: 400, code: problem.code, message: `${what}: ${problem.message}` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, code: "invalid_json", message: `${what} is not valid JSON.` };
  }
}

/**
 * Reads an AEP body from `chunks`. `profiles` is null when the body has no top-level `profiles`
 * array (the HTTP API destination's root profile, or `{profile:{…}}`); the skeleton then holds it.
 */
export async function readAepBody(chunks: AsyncIterable<Uint8Array>, limits: AepBodyLimits): Promise<AepBody> {
  const skeleton: Uint8Array[] = [];
  let skeletonBytes = 0;
  let element: Uint8Array[] = [];
  let elementBytes = 0;
  const profiles: unknown[] = [];
  let sawProfiles = false;
  let total = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let lastKey = ""; // the last string seen at depth 1 (a key, when followed by ':')
  let keyBytes: number[] | null = null;
  let inProfiles = false; // inside the top-level "profiles" array (depth 2 = its elements)
  let pendingKeyIsProfiles = false;

  const tooLarge = (what: string): AepBody => ({ ok: false, status: 413, code: "payload_too_large", message: what });
  const pushSkeleton = (buf: Uint8Array) => {
    skeleton.push(buf);
    skeletonBytes += buf.byteLength;
  };
  let commas = 0;
  const finishElement = (byComma: boolean): AepBody | null => {
    const text = elementBytes ? Buffer.concat(element, elementBytes).toString("utf8").trim() : "";
    element = [];
    elementBytes = 0;
    // Only `[]` may hold nothing: `[,]`, `[a,]` and `[a,,b]` are not JSON.
    if (!text)
      return !byComma && commas === 0 && profiles.length === 0
        ? null
        : { ok: false, status: 400, code: "invalid_json", message: "The body is not valid JSON (an empty element in `profiles`)." };
    if (profiles.length >= limits.maxProfiles) return tooLarge(`At most ${limits.maxProfiles.toLocaleString("en-US")} profiles per request.`);
    const r = parseChecked(text, `profiles[${profiles.length}]`);
    if (!r.ok) return r;
    profiles.push(r.value);
    return null;
  };

  for await (const chunk of chunks) {
    total += chunk.byteLength;
    if (total > limits.maxBytes) return tooLarge(`The body is larger than ${formatBytes(limits.maxBytes)}.`);
    let segStart = 0; // start of the run of bytes in this chunk that goes to the current sink
    const flush = (end: number) => {
      if (end <= segStart) return;
      const part = chunk.subarray(segStart, end);
      if (inProfiles && depth >= 2) {
        element.push(part);
        elementBytes += part.byteLength;
      } else pushSkeleton(part);
      segStart = end;
    };
    let nextBackslash = -2; // -2: not looked up in this chunk yet; -1: none left
    for (let i = 0; i < chunk.length; i++) {
      if (inString && !escaped && !keyBytes) {
        // Most bytes are inside strings: jump to the next quote or backslash natively.
        if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = chunk.indexOf(BS, i);
        const q = chunk.indexOf(Q, i);
        const j = Math.min(q < 0 ? chunk.length : q, nextBackslash < 0 ? chunk.length : nextBackslash);
        if (j >= chunk.length) break;
        i = j;
      }
      const c = chunk[i]!;
      if (inString) {
        if (keyBytes && keyBytes.length <= 16) keyBytes.push(c);
        if (escaped) escaped = false;
        else if (c === BS) escaped = true;
        else if (c === Q) {
          inString = false;
          if (keyBytes) {
            lastKey = Buffer.from(keyBytes.slice(0, -1)).toString("utf8");
            keyBytes = null;
          }
        }
        continue;
      }
      if (c === Q) {
        inString = true;
        if (depth === 1 && !inProfiles) keyBytes = [];
      } else if (c === COLON && depth === 1) {
        pendingKeyIsProfiles = lastKey === "profiles";
      } else if (c === LB || c === LS) {
        if (depth === 1 && pendingKeyIsProfiles && c === LS) {
          // Entering the profiles array: the '[' stays in the skeleton, the elements do not.
          depth++;
          flush(i + 1);
          inProfiles = true;
          sawProfiles = true;
          pendingKeyIsProfiles = false;
          continue;
        }
        depth++;
      } else if (c === RB || c === RS) {
        if (inProfiles && depth === 2) {
          // The end of the profiles array.
          flush(i);
          const bad = finishElement(false);
          if (bad) return bad;
          inProfiles = false;
          depth--;
          continue;
        }
        depth--;
      } else if (c === COMMA && inProfiles && depth === 2) {
        flush(i);
        segStart = i + 1; // the separator belongs to neither element
        const bad = finishElement(true);
        commas++;
        if (bad) return bad;
        continue;
      } else if (depth === 1 && !isSpace(c)) pendingKeyIsProfiles = pendingKeyIsProfiles && c === COLON;
      if (depth > 1 && !inProfiles) pendingKeyIsProfiles = false;
    }
    flush(chunk.length);
    if (elementBytes > limits.maxProfileBytes) return tooLarge(`profiles[${profiles.length}] is larger than ${formatBytes(limits.maxProfileBytes)}.`);
    if (skeletonBytes > limits.maxSkeletonBytes) return tooLarge(`The body outside \`profiles\` is larger than ${formatBytes(limits.maxSkeletonBytes)}.`);
  }
  if (total === 0) return { ok: false, status: 400, code: "invalid_json", message: "The body is empty; send a JSON object." };
  const text = Buffer.concat(skeleton, skeletonBytes).toString("utf8");
  const parsed = parseChecked(text, "The body");
  if (!parsed.ok) return parsed;
  return { ok: true, skeleton: parsed.value, profiles: sawProfiles ? profiles : null, bytes: total };
}

/**
 * A Web ReadableStream (a Request body) as an async iterable of chunks. When the consumer stops
 * early (a refusal), the rest is read and dropped through the same reader, up to `discardLimit`
 * bytes: a chunked upload left half-read made the sender's connection fail ("fetch failed")
 * instead of receiving the refusal, and a reader taken again after releaseLock did not drain it.
 * A `discardLimit` of 0 leaves the rest unread.
 */
export async function* streamChunks(body: ReadableStream<Uint8Array> | null, discardLimit = MAX_DISCARD_BYTES): AsyncIterable<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      if (value?.byteLength) yield value;
    }
  } finally {
    if (!finished && discardLimit > 0) await discardRest(reader, discardLimit);
    reader.releaseLock();
  }
}
