"use client";
import { Button } from "@/components/ui/button";

/** An admin's audited "Show emails": every page read while on is recorded in the audit log. */
export function UnmaskToggle({ unmasked, onChange }: { unmasked: boolean; onChange: (on: boolean) => void }) {
  return unmasked ? (
    <span className="inline-flex items-center gap-2 text-xs">
      <span className="rounded bg-amber-50 px-2 py-1 font-medium text-amber-800 ring-1 ring-amber-600/20 ring-inset dark:bg-amber-950 dark:text-amber-300">
        Emails shown · recorded in the audit log
      </span>
      <Button type="button" size="sm" variant="ghost" onClick={() => onChange(false)}>
        Hide emails
      </Button>
    </span>
  ) : (
    <Button
      type="button"
      size="sm"
      variant="secondary"
      onClick={() => onChange(true)}
      title="Reveal attendee emails in this view; the reveal is written to the audit log"
    >
      Show emails
    </Button>
  );
}
