"use client";
import { TimeAgo } from "@/components/time-ago";
import { useState } from "react";
import { testConnectionAction } from "@/lib/profiles/actions";
import type { ConnectionTest } from "@/lib/profiles/view";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useProfile } from "../profile-context";

/** Test connection button plus the last stored result, worded for a person. */
export function ConnectionTestPanel({ target, label, last }: { target: "adobe" | "rainfocus"; label: string; last: ConnectionTest | null }) {
  const { profile, canEdit, refetch } = useProfile();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function test() {
    setPending(true);
    const r = await testConnectionAction({ profileId: profile.id, target });
    setPending(false);
    setError(r.ok ? null : r.error);
    await refetch();
  }
  return (
    <div className="space-y-2 border-t border-zinc-200 pt-4 dark:border-zinc-800" data-testid={`test-${target}`}>
      <div className="flex items-center gap-3">
        {canEdit ? (
          <Button type="button" variant="secondary" onClick={test} disabled={pending}>
            {pending ? "Testing…" : `Test ${label} connection`}
          </Button>
        ) : null}
        {last ? (
          <span className="text-xs text-zinc-500">
            Last tested <TimeAgo date={last.at} />
          </span>
        ) : (
          <span className="text-xs text-zinc-500">Not tested yet</span>
        )}
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {last ? (
        <Alert tone={last.ok ? "success" : "error"}>
          <span className="font-medium">{last.ok ? "Connected. " : "Failed. "}</span>
          {last.message}
          {last.warnings?.map((w) => (
            <span key={w} className="mt-1 block text-amber-800 dark:text-amber-300">
              {w}
            </span>
          ))}
        </Alert>
      ) : null}
    </div>
  );
}
