import "server-only";
import { db } from "@/lib/db";
import { z } from "zod";
import { CAN } from "@/lib/auth/roles";
import { defineAction } from "@/lib/actions/define-action";
import { getDeliveryDetail } from "./get-delivery";
import { listDeliveries } from "./list-deliveries";
import { logListMasksEmails, seesEmails } from "./mask";
import { writeAudit } from "@/lib/audit/write-audit";
import { getRemoteStatus, type RemoteStatus } from "./remote-status";
import { bulkReplay, replayDelivery, replayPreview } from "./replay";
import { BulkReplaySchema, DeliveryIdSchema, ListDeliveriesSchema, ReplayOneSchema, SendTestEventSchema, TestSampleSchema } from "./schemas";
import { enqueueTestEvent, listMyTestSends, testSample } from "../test-events/test-events";

/**
 * The log view's one read: the local page and, for a profile filter on the first page, what AEP
 * or RainFocus report, fetched in parallel. The remote side has its own timeout and never throws,
 * so it can only add an inline error, never delay or break the local rows.
 */
export const listDeliveriesDef = defineAction({
  name: "deliveries.list",
  roles: CAN.viewDeliveries,
  input: ListDeliveriesSchema,
  async handler({ cursor, limit, ...filter }, { actor }) {
    const remote: Promise<RemoteStatus | null> = filter.profileId && !cursor ? getRemoteStatus(filter.profileId) : Promise.resolve(null);
    const masked = logListMasksEmails(actor.role);
    const [page, status] = await Promise.all([listDeliveries(filter, { cursor, limit, maskEmails: masked }), remote]);
    return { ...page, remote: status, emailsMasked: masked };
  },
});

/**
 * "Show emails": the same page with attendee emails in clear, for an admin. The audit event names
 * the filter and exactly which deliveries were revealed (not the emails themselves); if it cannot
 * be written, nothing is returned.
 */
export const unmaskDeliveriesDef = defineAction({
  name: "deliveries.unmask",
  roles: CAN.unmaskEmails,
  input: ListDeliveriesSchema,
  async handler({ cursor, limit, ...filter }, { actor, ip }) {
    const remote = filter.profileId && !cursor ? getRemoteStatus(filter.profileId) : Promise.resolve(null);
    const [page, status] = await Promise.all([listDeliveries(filter, { cursor, limit, maskEmails: false }), remote]);
    await writeAudit(db, {
      actor,
      action: "deliveries.unmask",
      targetType: "Delivery",
      after: { filter, cursor: cursor ?? null, deliveryIds: page.items.filter((d) => d.email).map((d) => d.id) },
      ip,
    });
    return { ...page, remote: status, emailsMasked: false };
  },
});

export const getDeliveryDef = defineAction({
  name: "deliveries.get",
  roles: CAN.viewDeliveries,
  input: DeliveryIdSchema,
  async handler({ deliveryId }, { actor }) {
    return getDeliveryDetail(deliveryId, { maskEmails: !seesEmails(actor.role) });
  },
});

export const replayPreviewDef = defineAction({
  name: "deliveries.replayPreview",
  roles: CAN.replay,
  input: DeliveryIdSchema,
  async handler({ deliveryId }) {
    return replayPreview(deliveryId);
  },
});

export const replayDeliveryDef = defineAction({
  name: "deliveries.replay",
  roles: CAN.replay,
  input: ReplayOneSchema,
  async handler({ deliveryId, useMapping }, ctx) {
    return replayDelivery(deliveryId, useMapping, ctx);
  },
});

export const bulkReplayDef = defineAction({
  name: "deliveries.bulkReplay",
  roles: CAN.replay,
  input: BulkReplaySchema,
  async handler(input, ctx) {
    return bulkReplay({ ...input, batchSize: input.batchSize ?? 500 }, ctx);
  },
});

export const sendTestEventDef = defineAction({
  name: "testEvents.send",
  roles: CAN.sendTestEvents,
  input: SendTestEventSchema,
  async handler(input, ctx) {
    return enqueueTestEvent(input, ctx);
  },
});

export const testEventSampleDef = defineAction({
  name: "testEvents.sample",
  roles: CAN.sendTestEvents,
  input: TestSampleSchema,
  async handler({ profileId, pushType, syntheticAttendee }) {
    return testSample(profileId, pushType, syntheticAttendee);
  },
});

export const listMyTestSendsDef = defineAction({
  name: "testEvents.history",
  roles: CAN.sendTestEvents,
  input: z.object({}).optional(),
  async handler(_input, { actor }) {
    return listMyTestSends(actor.id);
  },
});
