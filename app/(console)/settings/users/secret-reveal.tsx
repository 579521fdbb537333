"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A secret shown exactly once (generated password, new API token), with copy. */
export function SecretReveal({ label, secret, onDone }: { label: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950">
      <p className="text-sm font-medium text-amber-900 dark:text-amber-100">{label}</p>
      <p className="mb-2 text-xs text-amber-800 dark:text-amber-300">Copy it now: it will not be shown again.</p>
      <div className="flex flex-wrap items-center gap-2">
        <code data-testid="revealed-secret" className="rounded bg-white px-2 py-1 font-mono text-sm break-all dark:bg-zinc-900">
          {secret}
        </code>
        <Button
          size="sm"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(secret).catch(() => {});
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
