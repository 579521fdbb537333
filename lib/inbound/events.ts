import "server-only";
import { db } from "@/lib/db";
import { knownPushTypeNames } from "@/lib/push-type-options";
import type { Prisma } from "@/lib/generated/prisma/client";
import { setSpanAttributes } from "@/lib/telemetry/span";
import { storeDeliveries, type NewDelivery } from "../queue/store";

export const MAX_EVENTS_PER_PUSH = 500;

export type EventsRefusal = { ok: false; status: number; code: string; message: string; extra?: Record<string, unknown> };
export type EventsStored = { ok: true; stored: Awaited<ReturnType<typeof storeDeliveries>>; notes: string[] };

/**
 * What both RainFocus front doors (the signed webhook and the AEP-compatible inlet) do with a
 * parsed body: one event or an array, each with a transmissionId and an enabled push type,
 * stored in one transaction or not at all. The callers word the answer in their own shape.
 */
export async function acceptSourceEvents(
  profile: { id: string; status: string; pushTypes: string[] },
  value: unknown,
  ctx: { requestId?: string; traceParent?: string | null },
): Promise<EventsStored | EventsRefusal> {
  const no = (status: number, code: string, message: string, extra?: Record<string, unknown>): EventsRefusal => ({
    ok: false,
    status,
    code,
    message,
    ...(extra ? { extra } : {}),
  });
  const events = Array.isArray(value) ? value : [value];
  setSpanAttributes({ "relay.events": events.length });
  if (events.length === 0) return no(400, "empty", "The body is an empty array; send at least one event.");
  if (events.length > MAX_EVENTS_PER_PUSH)
    return no(413, "too_many_events", `At most ${MAX_EVENTS_PER_PUSH} events per request; this one has ${events.length}.`);

  const items: NewDelivery[] = [];
  for (const [i, e] of events.entries()) {
    const where = Array.isArray(value) ? ` (event ${i})` : "";
    if (!e || typeof e !== "object" || Array.isArray(e)) return no(400, "invalid_event", `Each event must be a JSON object${where}.`);
    const { transmissionId, eventType } = e as { transmissionId?: unknown; eventType?: unknown };
    if (typeof transmissionId !== "string" || !transmissionId.trim() || transmissionId.length > 200) {
      return no(400, "invalid_event", `transmissionId must be a non-empty string of at most 200 characters${where}.`);
    }
    if (typeof eventType !== "string" || !eventType.trim()) return no(400, "invalid_event", `eventType (the push type) is missing${where}.`);
    items.push({ transmissionId, pushType: eventType, sourcePayload: e as Prisma.InputJsonValue });
  }

  const enabled = new Set(profile.pushTypes);
  const notEnabled = [...new Set(items.map((it) => it.pushType!).filter((t) => !enabled.has(t)))];
  if (notEnabled.length) {
    const known = await knownPushTypeNames();
    const unknown = notEnabled.filter((t) => !known.has(t));
    const message = unknown.length
      ? `Unknown push type ${unknown.map((t) => `"${t}"`).join(", ")}: it is neither in the catalog nor a custom push type.`
      : `Push type ${notEnabled.map((t) => `"${t}"`).join(", ")} is not enabled on this profile. Enable it under Push types.`;
    return no(422, unknown.length ? "unknown_push_type" : "push_type_disabled", message, { pushTypes: notEnabled });
  }

  const stored = await storeDeliveries(db, { id: profile.id, direction: "SOURCE" }, items, {
    ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
    ...(ctx.traceParent ? { traceParent: ctx.traceParent } : {}),
  });
  const notes: string[] = [];
  if (stored.duplicates) notes.push("Duplicate transmissionIds were accepted before and are not stored again.");
  if (profile.status === "PAUSED") notes.push("The profile is paused: events are queued and delivered once it is resumed.");
  return { ok: true, stored, notes };
}
