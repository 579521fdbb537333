import "server-only";
import { DomainError } from "@/lib/errors";
import { sealSecret } from "@/lib/crypto/keys";
import { type getProfileOrThrow, getProfileRowOrThrow, newInboundSecret, newInletId } from "./service";
import { changeProfile } from "./change-profile";
import { ROTATABLE, rotationUpdate, type GraceHours, type RotatableKind } from "./rotation";
import type { Actor } from "@/lib/auth/roles";

type Ctx = { actor: Pick<Actor, "id" | "email">; ip: string | null };

/**
 * Rotates the inlet id or the inbound secret. On a profile that is in use (ACTIVE or PAUSED) the
 * caller must confirm, and picks how long the old value keeps working so the sender can be
 * updated without losing events. Returns the new value once (a secret is never shown again).
 */
export async function rotateCapability(
  input: { profileId: string; version: number; kind: RotatableKind; graceHours: GraceHours; confirm?: boolean },
  ctx: Ctx,
): Promise<{ value: string; profile: Awaited<ReturnType<typeof getProfileOrThrow>> }> {
  const row = await getProfileRowOrThrow(input.profileId);
  if (input.kind === "inlet" && row.direction !== "SOURCE") throw new DomainError("Only RainFocus → AEP profiles have an AEP-compatible inlet.", "invalid");
  const current = input.kind === "inlet" ? row.inletId : row.inboundSecretSealed;
  const inUse = row.status === "ACTIVE" || row.status === "PAUSED";
  // Creating the first inlet replaces nothing, so there is nothing to confirm.
  if (inUse && current !== null && !input.confirm) {
    throw new DomainError(`This profile is ${row.status.toLowerCase()}: confirm the rotation of its ${ROTATABLE[input.kind].label}.`, "invalid", {
      confirm: ["Confirm the rotation."],
    });
  }
  const value = input.kind === "inlet" ? newInletId() : newInboundSecret();
  const stored = input.kind === "inlet" ? value : sealSecret(value);
  const data = {
    ...rotationUpdate(input.kind, current, stored, input.graceHours, Date.now()),
    ...(input.kind === "inboundSecret" ? { inboundSecretRotatedAt: new Date() } : {}),
  };
  // The audit event shows masks only (toProfileView), with the chosen grace in its action name.
  const profile = await changeProfile(input.profileId, { version: input.version, data, audit: `profile.${input.kind}.rotate.grace${input.graceHours}h` }, ctx);
  return { value, profile };
}
