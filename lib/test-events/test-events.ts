import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { listPushTypes } from "@/lib/push-type-options";
import { getProfileRowOrThrow } from "@/lib/profiles/service";
import { generatePushEvent } from "@/lib/push-types/catalog";
import { MAX_INBOUND_BYTES } from "@/lib/inbound/common";
import { EXITED_ONLY_NOTE } from "@/lib/inbound/aep";
import { AEP_TEST_FORMATS, aepTestDelivery, aepTestSample, isAepTestFormat, withSyntheticEmail } from "./test-events-aep";

// QA test events go through the real pipeline: stored as a Delivery flagged `test`, claimed and
// sent by the worker like any push, so what QA sees is exactly what production does.

export const SETTLED = ["DELIVERED", "FAILED", "DEAD"] as const;
export const TEST_SEND_ACTION = "delivery.test.send";

type Ctx = { actor: { id: string; email: string }; ip: string | null };

/** A fresh attendee tagged as test data, so it is recognisable on both sides. */
export function syntheticAttendee(pushType: string) {
  const tag = randomBytes(4).toString("hex");
  const base = generatePushEvent(pushType, Math.floor(Math.random() * 10_000)).attendee;
  return { ...base, attendeeId: `relaytest-${tag}`, externalId: `relaytest-${tag}`, email: `qa.${tag}@relay-test.example.com` };
}

/** The payload the editor opens with: the push type's sample, stamped now (DESTINATION: the AEP format's sample). */
export async function testSample(profileId: string, pushType: string, synthetic = false) {
  const profile = await getProfileRowOrThrow(profileId);
  if (profile.direction === "DESTINATION") {
    if (!isAepTestFormat(pushType)) throw new DomainError(`Unknown AEP format "${pushType}".`, "not_found");
    return { profileId: profile.id, pushType, payload: aepTestSample(pushType, synthetic) };
  }
  const type = (await listPushTypes()).find((p) => p.name === pushType);
  if (!type) throw new DomainError(`Unknown push type "${pushType}".`, "not_found");
  const sample: Record<string, unknown> = { ...(type.sample as Record<string, unknown>), timestamp: new Date().toISOString() };
  if (synthetic && !type.custom) sample.attendee = syntheticAttendee(pushType);
  return { profileId: profile.id, pushType, payload: sample };
}

export async function enqueueTestEvent(
  input: { profileId: string; pushType: string; payload?: Record<string, unknown>; syntheticAttendee?: boolean },
  ctx: Ctx,
): Promise<{ deliveryId: string; transmissionId: string }> {
  const profile = await getProfileRowOrThrow(input.profileId);
  if (profile.status !== "ACTIVE")
    throw new DomainError(`The profile is ${profile.status.toLowerCase()}; activate it first (only active profiles deliver).`, "conflict");
  if (profile.direction === "DESTINATION") return enqueueAepTestEvent(profile.id, input, ctx);
  if (!profile.pushTypes.some((p) => p.pushType === input.pushType)) {
    throw new DomainError(`Push type "${input.pushType}" is not enabled on this profile. Enable it under Push types.`, "invalid", {
      pushType: ["Not enabled on this profile."],
    });
  }
  const base = input.payload ?? (await testSample(profile.id, input.pushType)).payload;
  const bytes = Buffer.byteLength(JSON.stringify(base));
  if (bytes > MAX_INBOUND_BYTES)
    throw new DomainError(`The payload is ${bytes} bytes; the limit is 1 MB, as for RainFocus pushes.`, "invalid", { payload: ["Larger than 1 MB."] });
  // A fresh transmission id per send: the XDM _id derives from it, so AEP never dedups a resend.
  const transmissionId = `test-${randomUUID()}`;
  const payload: Record<string, unknown> = { ...base, transmissionId, eventType: input.pushType };
  if (input.syntheticAttendee) payload.attendee = syntheticAttendee(input.pushType);
  // A plain Prisma insert rather than lib/queue/store.ts: one row with a fresh transmission id
  // needs none of the inbound hot path's batching or dedup.
  const { id: deliveryId } = await db.delivery.create({
    data: { profileId: profile.id, direction: "SOURCE", pushType: input.pushType, transmissionId, sourcePayload: payload as Prisma.InputJsonValue, test: true },
    select: { id: true },
  });
  await writeAudit(db, {
    actor: ctx.actor,
    action: TEST_SEND_ACTION,
    targetType: "Delivery",
    targetId: deliveryId,
    after: { profileId: profile.id, pushType: input.pushType, transmissionId },
    ip: ctx.ip,
  });
  return { deliveryId, transmissionId };
}

async function enqueueAepTestEvent(profileId: string, input: { pushType: string; payload?: Record<string, unknown>; syntheticAttendee?: boolean }, ctx: Ctx) {
  if (!isAepTestFormat(input.pushType))
    throw new DomainError(`Pick an AEP format (${Object.keys(AEP_TEST_FORMATS).join(", ")}).`, "invalid", { pushType: ["Not an AEP format."] });
  const base = input.payload ?? aepTestSample(input.pushType, false);
  const bytes = Buffer.byteLength(JSON.stringify(base));
  if (bytes > MAX_INBOUND_BYTES)
    throw new DomainError(`The profile is ${bytes} bytes; the limit for one profile is 1 MB.`, "invalid", { payload: ["Larger than 1 MB."] });
  const t = aepTestDelivery(input.pushType, input.syntheticAttendee ? withSyntheticEmail(base) : base);
  const transmissionId = `test-${randomUUID()}`;
  // An exit-only profile is recorded, never written, exactly as from AEP (lib/inbound/aep.ts).
  const { id: deliveryId } = await db.delivery.create({
    data: {
      profileId,
      direction: "DESTINATION",
      pushType: null,
      transmissionId,
      sourcePayload: t.profile as Prisma.InputJsonValue,
      test: true,
      inboundFormat: t.inboundFormat,
      ...(t.exitedOnly ? { status: "DELIVERED" as const, deliveredAt: new Date(), note: EXITED_ONLY_NOTE } : {}),
    },
    select: { id: true },
  });
  await writeAudit(db, {
    actor: ctx.actor,
    action: TEST_SEND_ACTION,
    targetType: "Delivery",
    targetId: deliveryId,
    after: { profileId, format: t.inboundFormat, transmissionId },
    ip: ctx.ip,
  });
  return { deliveryId, transmissionId };
}

/** Polls until the delivery is DELIVERED, FAILED or DEAD; false on timeout (it may still be retrying). */
export async function waitForSettled(deliveryId: string, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const d = await db.delivery.findUnique({ where: { id: deliveryId }, select: { status: true } });
    if (!d) throw new DomainError("This delivery does not exist.", "not_found");
    if ((SETTLED as readonly string[]).includes(d.status)) return true;
    if (Date.now() >= end) return false;
    await new Promise((r) => setTimeout(r, Math.min(200, Math.max(10, end - Date.now()))));
  }
}

/** The signed-in person's recent test sends (from the audit trail each send writes). */
export async function listMyTestSends(actorId: string, limit = 20) {
  const events = await db.auditEvent.findMany({
    where: { action: TEST_SEND_ACTION, actorId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { targetId: true },
  });
  const ids = events.map((e) => e.targetId).filter((x): x is string => !!x);
  const rows = await db.delivery.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      receivedAt: true,
      pushType: true,
      status: true,
      attempts: true,
      lastStatusCode: true,
      lastError: true,
      profile: { select: { id: true, name: true } },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is NonNullable<typeof r> => !!r);
}

/** Profiles a test event can go through: SOURCE with their enabled push types, DESTINATION with the AEP formats. */
export async function testEventTargets() {
  const profiles = await db.integrationProfile.findMany({
    where: { deletedAt: null },
    select: { id: true, name: true, status: true, demo: true, direction: true, pushTypes: { select: { pushType: true }, orderBy: { pushType: "asc" } } },
    orderBy: [{ demo: "desc" }, { name: "asc" }],
  });
  return profiles.map((p) => ({
    id: p.id,
    name: p.name,
    status: p.status,
    demo: p.demo,
    direction: p.direction,
    pushTypes: p.direction === "SOURCE" ? p.pushTypes.map((t) => t.pushType) : Object.keys(AEP_TEST_FORMATS),
  }));
}
