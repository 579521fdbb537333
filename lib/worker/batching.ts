// Splits the messages due for one inlet into /collection/batch requests that AEP accepts: at most
// `maxMessages` per request and at most `maxBytes` of request body. Pure.

export const MAX_BATCH_BYTES = 1024 * 1024;

/** `{"messages":[` + `]}` */
const ENVELOPE_BYTES = Buffer.byteLength('{"messages":[]}');

export interface BatchPlan {
  /** Indices into the input, in order, grouped per request. */
  batches: number[][];
  /** Indices of messages too large to send at all (AEP would answer 413). */
  tooLarge: number[];
}

export function planBatches(sizes: readonly number[], opts: { maxMessages: number; maxBytes?: number }): BatchPlan {
  const maxBytes = opts.maxBytes ?? MAX_BATCH_BYTES;
  const batches: number[][] = [];
  const tooLarge: number[] = [];
  let current: number[] = [];
  let bytes = ENVELOPE_BYTES;
  for (let i = 0; i < sizes.length; i++) {
    const size = sizes[i]!;
    if (size + ENVELOPE_BYTES > maxBytes) {
      tooLarge.push(i);
      continue;
    }
    const added = size + (current.length > 0 ? 1 : 0); // the comma
    if (current.length >= opts.maxMessages || bytes + added > maxBytes) {
      batches.push(current);
      current = [];
      bytes = ENVELOPE_BYTES;
    }
    bytes += size + (current.length > 0 ? 1 : 0);
    current.push(i);
  }
  if (current.length) batches.push(current);
  return { batches, tooLarge };
}
