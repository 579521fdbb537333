import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Actor } from "@/lib/auth/roles";
import type { DeliveryFilter } from "./schemas";

/**
 * Many attendee emails in clear, outside the console's "Show emails" (the REST list, the export):
 * recorded as that is, under the same action, naming the filter, how, and which deliveries (not
 * the addresses). Written before the answer leaves, so an answer without its record never does.
 */
export function auditEmailReveal(actor: Actor, ip: string | null, via: "api" | "export", filter: DeliveryFilter, deliveryIds?: string[]) {
  return writeAudit(db, { actor, action: "deliveries.unmask", targetType: "Delivery", after: { via, filter, ...(deliveryIds ? { deliveryIds } : {}) }, ip });
}
