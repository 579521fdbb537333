// Who reads the log's emails masked; the masking itself is lib/email-mask.ts. Pure.

/**
 * Admins and event ops work with attendees' emails; QA and auditors read the log masked. Used by
 * the detail view of one delivery (the payload as sent), the REST list and the export; the last
 * two hand out many addresses at once, so each such answer is audited (auditEmailReveal).
 */
export function seesEmails(role: "ADMIN" | "OPS" | "QA" | "AUDITOR"): boolean {
  return role === "ADMIN" || role === "OPS";
}

/**
 * The console's lists (the log table and the attendee timeline) show many people at once: masked
 * for every role by default. Admins and event ops reveal them per view with "Show emails", which
 * is audited (deliveries.unmask); QA and auditors cannot. While masked, search matches whole
 * emails only (filter-sql.ts).
 */
export function logListMasksEmails(_role: "ADMIN" | "OPS" | "QA" | "AUDITOR"): boolean {
  return true;
}
