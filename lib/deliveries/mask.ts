// PII masking for roles that may read the log but not the people in it. Pure.

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

/** Every string in a JSON value that is or contains an email address, masked. */
export function maskEmailsDeep<T>(value: T): T {
  if (typeof value === "string") return (EMAIL.test(value) ? maskEmail(value) : value.includes("@") ? maskEmailsInText(value) : value) as T;
  if (Array.isArray(value)) return value.map((v) => maskEmailsDeep(v)) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskEmailsDeep(v)])) as T;
  }
  return value;
}

/**
 * Admins and event ops work with attendees' emails; QA and auditors read the log masked. Used by
 * the detail view, the REST API and the export.
 */
export function seesEmails(role: "ADMIN" | "OPS" | "QA" | "AUDITOR"): boolean {
  return role === "ADMIN" || role === "OPS";
}

/**
 * The log's lists (the table and the attendee timeline) show many people at once, so only event
 * ops, who work with them, see emails by default; an admin reveals them per view with
 * "Show emails", which is audited (deliveries.unmask).
 */
export function logListMasksEmails(role: "ADMIN" | "OPS" | "QA" | "AUDITOR"): boolean {
  return role !== "OPS";
}
