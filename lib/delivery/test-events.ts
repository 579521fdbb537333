import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { aepTransmissionId, exitedOnly, profilesOf } from "./aep-profile";
import { EXITED_ONLY_NOTE } from "./inbound-aep";
import { MAX_INBOUND_BYTES } from "./inbound-common";
import { storeDeliveries } from "./store";

/** A refusal QA should read (the API answers it with `status`); anything else is unexpected. */
export class TestEventError extends Error {
  constructor(
    readonly code: "not_found" | "profile_deleted" | "profile_inactive" | "push_type_disabled" | "invalid_payload" | "payload_too_large",
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "TestEventError";
  }
}

export interface TestEventInput {
  profileId: string;
  /** Source profiles: the push type (must be enabled). Destination profiles: ignored (null). */
  pushType: string | null;
  /** Source: a RainFocus push event. Destination: one AEP exported profile (identityMap, attributes, segmentMembership). */
  payload: unknown;
  actorId: string;
}

/**
 * Stores a QA test event as a Delivery flagged test=true, validated as the inbound endpoints
 * validate, but also for READY (not yet activated) and PAUSED profiles: workers deliver test
 * deliveries of those profiles too. Each call is a new delivery (its own transmission id), so a
 * sample can be sent again; the payload is stored and mapped exactly as given.
 */
export async function enqueueTestEvent(input: TestEventInput): Promise<{ deliveryId: string }> {
  const profile = await db.integrationProfile.findUnique({
    where: { id: input.profileId },
    select: { id: true, direction: true, status: true, deletedAt: true, pushTypes: { select: { pushType: true } } },
  });
  if (!profile) throw new TestEventError("not_found", "No integration profile with this ID.", 404);
  if (profile.deletedAt) throw new TestEventError("profile_deleted", "This integration profile was deleted.", 409);
  if (profile.status === "DRAFT") throw new TestEventError("profile_inactive", "This profile is a DRAFT: finish its setup (status READY) before sending test events.", 409);

  const bytes = Buffer.byteLength(JSON.stringify(input.payload ?? null));
  if (bytes > MAX_INBOUND_BYTES) throw new TestEventError("payload_too_large", `The payload is ${bytes} bytes; at most ${MAX_INBOUND_BYTES} bytes (1 MB).`, 413);
  const payload = input.payload;
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) throw new TestEventError("invalid_payload", "The payload must be one JSON object.", 400);
  const note = `Test event sent by user ${input.actorId}.`;
  const transmissionId = `test-${randomUUID()}`;

  if (profile.direction === "DESTINATION") {
    const profiles = profilesOf({ profile: payload });
    if (typeof profiles === "string") throw new TestEventError("invalid_payload", profiles.replace("profiles[0]", "The payload"), 400);
    const exited = exitedOnly(profiles[0]!);
    const stored = await storeDeliveries(
      db,
      { id: profile.id, direction: "DESTINATION" },
      [{ transmissionId: `${transmissionId}-${aepTransmissionId(profiles[0]!)}`.slice(0, 200), pushType: null, sourcePayload: payload as Prisma.InputJsonValue, ...(exited ? { settledNote: `${EXITED_ONLY_NOTE} ${note}` } : { note }) }],
      { test: true },
    );
    return { deliveryId: stored.deliveryIds[0]! };
  }

  const pushType = input.pushType?.trim();
  if (!pushType) throw new TestEventError("invalid_payload", "Choose the push type of the test event.", 400);
  if (!profile.pushTypes.some((p) => p.pushType === pushType)) {
    throw new TestEventError("push_type_disabled", `Push type "${pushType}" is not enabled on this profile. Enable it under Push types.`, 422);
  }
  const eventType = (payload as { eventType?: unknown }).eventType;
  if (eventType !== undefined && eventType !== pushType) {
    throw new TestEventError("invalid_payload", `The payload's eventType (${JSON.stringify(eventType)}) is not the chosen push type "${pushType}".`, 400);
  }
  const stored = await storeDeliveries(
    db,
    { id: profile.id, direction: "SOURCE" },
    [{ transmissionId, pushType, sourcePayload: payload as Prisma.InputJsonValue, note }],
    { test: true },
  );
  return { deliveryId: stored.deliveryIds[0]! };
}

export type SettledDelivery = {
  id: string;
  status: "QUEUED" | "DELIVERING" | "DELIVERED" | "RETRYING" | "FAILED" | "DEAD";
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  mappingVersion: number | null;
  mappedPayload: unknown;
  deliveredAt: Date | null;
  nextAttemptAt: Date;
  note: string | null;
};

const FINAL = new Set(["DELIVERED", "FAILED", "DEAD"]);

/**
 * Polls the database until the delivery is DELIVERED, FAILED or DEAD, or `timeoutMs` passes.
 * Answers the delivery as it stands either way (`settled: false` on timeout: still queued,
 * delivering or RETRYING with lastError saying why); `delivery: null` if there is no such row.
 */
export async function waitForSettled(deliveryId: string, timeoutMs: number): Promise<{ settled: boolean; delivery: SettledDelivery | null }> {
  const end = Date.now() + timeoutMs;
  for (let wait = 50; ; wait = Math.min(wait * 2, 500)) {
    const delivery = await db.delivery.findUnique({
      where: { id: deliveryId },
      select: { id: true, status: true, attempts: true, lastStatusCode: true, lastError: true, mappingVersion: true, mappedPayload: true, deliveredAt: true, nextAttemptAt: true, note: true },
    });
    if (!delivery) return { settled: false, delivery: null };
    const left = end - Date.now();
    if (FINAL.has(delivery.status) || left <= 0) return { settled: FINAL.has(delivery.status), delivery };
    await new Promise((r) => setTimeout(r, Math.min(wait, left)));
  }
}
