import { Badge, type BadgeTone } from "./badge";

const PROFILE_TONES: Record<string, BadgeTone> = { DRAFT: "gray", READY: "blue", ACTIVE: "green", PAUSED: "amber" };
const PROFILE_LABELS: Record<string, string> = { DRAFT: "Draft", READY: "Ready", ACTIVE: "Active", PAUSED: "Paused" };

export function ProfileStatusBadge({ status }: { status: string }) {
  return <Badge tone={PROFILE_TONES[status] ?? "gray"}>{PROFILE_LABELS[status] ?? status}</Badge>;
}

export function DirectionLabel({ direction }: { direction: "SOURCE" | "DESTINATION" }) {
  return direction === "SOURCE" ? (
    <span className="whitespace-nowrap text-sm">RainFocus → AEP</span>
  ) : (
    <span className="whitespace-nowrap text-sm">AEP → RainFocus</span>
  );
}
