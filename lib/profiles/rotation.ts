// One rotation-with-grace mechanism for a profile's inbound capabilities: the AEP-compatible inlet
// id and the signed-webhook inbound secret. Pure: the columns it reads and writes are named here,
// the service applies them.

/** Grace periods a user may pick, in hours: 0 = the old value stops working at once. */
export const GRACE_HOURS = [0, 1, 24, 168] as const;
export type GraceHours = (typeof GRACE_HOURS)[number];

export const GRACE_LABELS: Record<GraceHours, string> = {
  0: "Immediately (the old one stops working now)",
  1: "1 hour",
  24: "24 hours",
  168: "7 days",
};

export type RotatableKind = "inlet" | "inboundSecret";

/** The columns of one rotatable capability: current value, the previous one and until when it works. */
export const ROTATABLE = {
  inlet: { current: "inletId", previous: "previousInletId", until: "previousInletUntil", label: "inlet URL" },
  inboundSecret: { current: "inboundSecretSealed", previous: "previousInboundSecretSealed", until: "previousInboundSecretUntil", label: "inbound secret" },
} as const;

/**
 * The update that replaces `current` by `next` (both as stored), keeping `current` valid for
 * `graceHours`. Without a current value, or with no grace, nothing stays valid but the new one.
 */
export function rotationUpdate(
  kind: RotatableKind,
  current: string | null,
  next: string,
  graceHours: GraceHours,
  now: number,
): Record<string, string | Date | null> {
  const c = ROTATABLE[kind];
  const keep = current !== null && graceHours > 0;
  return {
    [c.current]: next,
    [c.previous]: keep ? current : null,
    [c.until]: keep ? new Date(now + graceHours * 3_600_000) : null,
  };
}

/** The previous value, while its grace period lasts; else null. */
export function previousIfValid<T>(previous: T | null, until: Date | null, now: number): T | null {
  return previous !== null && until !== null && until.getTime() > now ? previous : null;
}
