// PII masking for roles that may read the log but not the people in it, and for sign-in failures
// in the server log. Pure: the delivery log, the dashboard and sign-in (lib/auth) share it.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** "ava.martin@adobe.com" → "a•••n@a•••.com": enough to tell two people apart, not to contact them. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "•••";
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : "";
  const l = local.length > 2 ? `${local[0]}•••${local[local.length - 1]}` : `${local[0]}•••`;
  return `${l}@${host[0] ?? ""}•••${tld}`;
}

export function maskEmailsInText(text: string): string {
  return text.replace(EMAIL_IN_TEXT, (m) => maskEmail(m));
}

function maskString(s: string): string {
  return EMAIL.test(s) ? maskEmail(s) : s.includes("@") ? maskEmailsInText(s) : s;
}

/**
 * Every string in a JSON value that is or contains an email address, masked: values and keys
 * (payloads key maps by email, e.g. {"ada@x.com": {…}}). Two keys that mask alike stay apart.
 */
export function maskEmailsDeep<T>(value: T): T {
  if (typeof value === "string") return maskString(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskEmailsDeep(v)) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      let key = maskString(k);
      for (let n = 2; key !== k && Object.hasOwn(out, key); n++) key = `${maskString(k)} (${n})`;
      out[key] = maskEmailsDeep(v);
    }
    return out as T;
  }
  return value;
}
