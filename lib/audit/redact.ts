// Pure: strips secrets from anything that goes into an audit diff or a log line.
const SECRET_KEY = /(secret|password|passwd|token|private.?key|api.?key|authorization|credential|cookie)/i;
const REDACTED = "[redacted]";

export function redactSecrets<T>(value: T, depth = 0): T {
  if (depth > 32 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = SECRET_KEY.test(k) && v !== null && v !== undefined ? REDACTED : redactSecrets(v, depth + 1);
  }
  return out as T;
}
