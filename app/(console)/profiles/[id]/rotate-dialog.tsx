"use client";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { GRACE_HOURS, GRACE_LABELS, type GraceHours } from "@/lib/profiles/rotation";

/**
 * Confirmation before rotating the inlet URL or the inbound secret: what stops working, and for how
 * long the old value is still accepted so the sender (RainFocus) can be updated without losing events.
 */
export function RotateDialog({
  open,
  onClose,
  what,
  inUse,
  pending,
  error,
  onConfirm,
}: {
  open: boolean;
  onClose: () => void;
  what: string;
  inUse: boolean;
  pending: boolean;
  error: string | null;
  onConfirm: (graceHours: GraceHours) => void;
}) {
  const [grace, setGrace] = useState<GraceHours>(inUse ? 24 : 0);
  // The default is read on every opening, not only when the dialog was first made: a profile
  // activated on this page (no reload) is in use now, and "Immediately" would cut its sender off.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setGrace(inUse ? 24 : 0);
  }
  return (
    <Dialog open={open} onClose={onClose} title={`Rotate the ${what}?`}>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {inUse
          ? `This profile is receiving events. A new ${what} is made now; until you paste it into the sender, the old one must keep working or events are refused.`
          : `A new ${what} is made now.`}
      </p>
      <fieldset className="mt-4 space-y-2 text-sm">
        <legend className="mb-1 font-medium">Keep the old {what} working for</legend>
        {GRACE_HOURS.map((h) => (
          <label key={h} className="flex items-center gap-2">
            <input type="radio" name="grace" value={h} checked={grace === h} onChange={() => setGrace(h)} />
            {GRACE_LABELS[h]}
          </label>
        ))}
      </fieldset>
      {error ? (
        <div className="mt-3">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button onClick={() => onConfirm(grace)} disabled={pending}>
          {pending ? "Rotating…" : "Rotate now"}
        </Button>
      </div>
    </Dialog>
  );
}
