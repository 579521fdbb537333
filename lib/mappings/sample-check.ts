import { admitPayload } from "@/lib/mapping-engine/payload-guard";
import { MAX_SAMPLE_BYTES } from "./schemas";

// Apart from validate.ts's checkMapping because the editor runs this in the browser: a module that
// also calls mapAndValidate would bring the XDM validator (ajv) into its bundle.

/** Pure: the sample must be JSON, at most 1 MB and 64 levels deep. Returns a message or null. */
export function checkSample(payload: unknown): string | null {
  try {
    const size = JSON.stringify(payload).length;
    if (size > MAX_SAMPLE_BYTES) return `The sample is ${Math.round(size / 1024)} KB; the limit is 1 MB.`;
    admitPayload(payload);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
