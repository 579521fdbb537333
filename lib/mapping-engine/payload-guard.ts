import { PayloadRejectedError } from "./errors";

// Limits applied before mapping: AEP streaming refuses records over 1 MB, and a very deep document
// would blow the stack in recursive code further down (deep copies, validation).

export const MAX_PAYLOAD_BYTES = 1_048_576;
export const MAX_PAYLOAD_DEPTH = 64;

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Parses a JSON payload string, refusing oversize documents. */
export function parsePayload(text: string): unknown {
  // Cheap bound first: a UTF-16 code unit is at most 3 UTF-8 bytes.
  if (text.length > MAX_PAYLOAD_BYTES || (text.length * 3 > MAX_PAYLOAD_BYTES && utf8Length(text) > MAX_PAYLOAD_BYTES)) {
    throw new PayloadRejectedError(`payload is larger than 1 MB (${MAX_PAYLOAD_BYTES} bytes)`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new PayloadRejectedError(`payload is not valid JSON: ${(e as Error).message}`);
  }
}

function depthExceeds(v: unknown, remaining: number): boolean {
  if (typeof v !== "object" || v === null) return false;
  if (remaining === 0) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (depthExceeds(v[i], remaining - 1)) return true;
    return false;
  }
  for (const k in v) if (depthExceeds((v as Record<string, unknown>)[k], remaining - 1)) return true;
  return false;
}

/** Throws when objects/arrays nest deeper than MAX_PAYLOAD_DEPTH (the root object is depth 1). */
export function assertPayloadDepth(v: unknown): void {
  if (depthExceeds(v, MAX_PAYLOAD_DEPTH)) throw new PayloadRejectedError(`payload is nested deeper than ${MAX_PAYLOAD_DEPTH} levels`);
}

/**
 * True when `text` holds at most `limit` '{' and '[' characters in total. Every object or array in
 * the parsed document opens with one of them, so its nesting depth cannot exceed `limit` either
 * (brackets inside strings only make the bound looser).
 */
function fewBrackets(text: string, limit: number): boolean {
  let n = 0;
  for (let i = text.indexOf("{"); i !== -1; i = text.indexOf("{", i + 1)) if (++n > limit) return false;
  for (let i = text.indexOf("["); i !== -1; i = text.indexOf("[", i + 1)) if (++n > limit) return false;
  return true;
}

/** Parses (if needed) and checks a payload; returns the value to map. */
export function admitPayload(payload: unknown): unknown {
  if (typeof payload === "string") {
    const parsed = parsePayload(payload);
    // Typical payloads have a handful of brackets: skip walking the parsed tree then.
    if (!fewBrackets(payload, MAX_PAYLOAD_DEPTH)) assertPayloadDepth(parsed);
    return parsed;
  }
  assertPayloadDepth(payload);
  return payload;
}
