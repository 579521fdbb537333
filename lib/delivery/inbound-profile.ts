import "server-only";
import { db } from "@/lib/db";
import { openSecret } from "@/lib/crypto/keys";
import { refuse, type InboundAnswer } from "./inbound-common";

export type InboundProfile = {
  id: string;
  direction: "SOURCE" | "DESTINATION";
  status: "DRAFT" | "READY" | "ACTIVE" | "PAUSED";
  deletedAt: Date | null;
  inboundSecret: string | null;
  pushTypes: string[];
};

export async function loadInboundProfile(profileId: string): Promise<InboundProfile | null> {
  const row = await db.integrationProfile.findUnique({
    where: { id: profileId },
    select: { id: true, direction: true, status: true, deletedAt: true, inboundSecretSealed: true, pushTypes: { select: { pushType: true } } },
  });
  if (!row) return null;
  return { ...row, inboundSecret: openSecret(row.inboundSecretSealed), pushTypes: row.pushTypes.map((p) => p.pushType) };
}

/**
 * After authentication only (so an unauthenticated caller learns nothing about a profile): a
 * deleted, not yet activated or wrong-direction profile refuses; ACTIVE and PAUSED accept (a
 * PAUSED profile queues and the worker holds its deliveries until it is resumed).
 */
export function refuseInactive(p: InboundProfile, expected: "SOURCE" | "DESTINATION"): InboundAnswer | null {
  if (p.deletedAt) return refuse(403, "profile_deleted", "This integration profile was deleted; it accepts no more events.");
  if (p.direction !== expected) {
    const other = expected === "SOURCE" ? "aep" : "rainfocus";
    return refuse(409, "wrong_direction", `This profile is a ${p.direction} profile; send to /api/v1/inbound/${other}/${p.id} instead.`);
  }
  if (p.status === "DRAFT" || p.status === "READY") {
    return refuse(409, "profile_inactive", `This integration profile is ${p.status}, not active. Activate it in the console before sending events.`);
  }
  return null;
}
