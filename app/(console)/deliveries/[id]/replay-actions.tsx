"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { replayDeliveryAction, replayPreviewAction } from "@/lib/delivery-log/actions";
import { unwrap } from "@/lib/actions/unwrap";
import { deliveryKeys } from "@/lib/query-keys";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import type { FieldChange } from "@/lib/delivery-log/xdm-diff";

const SETTLED_AFTER_REPLAY: Record<string, string> = {
  DELIVERED: "delivered.",
  FAILED: "failed again; see the new attempt below.",
  DEAD: "gave up again; see the attempts below.",
};
const v = (x: number | null) => (x === null ? "default" : `v${x}`);
const show = (x: unknown) => (x === undefined ? "" : typeof x === "string" ? x : JSON.stringify(x));

function DiffTable({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0) return <p className="text-sm text-zinc-600">The current mapping produces exactly the same XDM.</p>;
  return (
    <div className="max-h-80 overflow-auto rounded-md ring-1 ring-zinc-200 dark:ring-zinc-800">
      <table className="w-full text-xs" aria-label="XDM diff">
        <thead className="sticky top-0 bg-zinc-50 text-left dark:bg-zinc-950">
          <tr>
            <th className="px-2 py-1">Field</th>
            <th className="px-2">Sent</th>
            <th className="px-2">Current mapping</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 font-mono dark:divide-zinc-800">
          {changes.map((c) => (
            <tr key={c.path + c.kind}>
              <td className="px-2 py-1 align-top">{c.path || "(root)"}</td>
              <td className={`max-w-48 break-all px-2 align-top ${c.kind !== "added" ? "bg-red-50 text-red-800 dark:bg-red-950/40 dark:text-red-300" : ""}`}>
                {show(c.before)}
              </td>
              <td
                className={`max-w-48 break-all px-2 align-top ${c.kind !== "removed" ? "bg-emerald-50 text-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-300" : ""}`}
              >
                {show(c.after)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Replay as sent, or "fix and replay" with the current mapping after reviewing the XDM diff. */
export function ReplayActions({
  id,
  status,
  mappingVersion,
  currentVersion,
}: {
  id: string;
  status: string;
  mappingVersion: number | null;
  currentVersion: number | null;
}) {
  const qc = useQueryClient();
  const [diffOpen, setDiffOpen] = useState(false);
  // What was replayed; the message follows the delivery's live status (the detail query polls until it settles).
  const [done, setDone] = useState<{ was: string } | null>(null);
  const preview = useQuery({ queryKey: deliveryKeys.replayPreview(id), queryFn: () => unwrap(replayPreviewAction({ deliveryId: id })), enabled: diffOpen });
  const replay = useMutation({
    mutationFn: (useMapping: "original" | "current") => unwrap(replayDeliveryAction({ deliveryId: id, useMapping })),
    onSuccess: async (r) => {
      setDiffOpen(false);
      await qc.invalidateQueries({ queryKey: deliveryKeys.detail(id) });
      await qc.invalidateQueries({ queryKey: [...deliveryKeys.all, "list"] });
      setDone({ was: r.previousStatus.toLowerCase() });
    },
  });
  const inFlight = status === "DELIVERING";
  const versionMoved = mappingVersion !== null && mappingVersion !== currentVersion;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button
          onClick={() => replay.mutate("original")}
          disabled={inFlight || replay.isPending || versionMoved}
          title={versionMoved ? `Mapped with ${v(mappingVersion)}; the worker now maps with ${v(currentVersion)}.` : undefined}
        >
          Replay
        </Button>
        <Button variant="secondary" onClick={() => setDiffOpen(true)} disabled={inFlight}>
          Replay with current mapping…
        </Button>
      </div>
      {replay.error && !diffOpen ? <Alert tone="error">{replay.error.message}</Alert> : null}
      {done ? (
        SETTLED_AFTER_REPLAY[status] ? (
          <Alert tone={status === "DELIVERED" ? "success" : "error"}>
            Replayed (was {done.was}): {SETTLED_AFTER_REPLAY[status]}
          </Alert>
        ) : (
          <Alert tone="info">
            Queued again (was {done.was}){status === "RETRYING" ? "; the first try failed, another is scheduled" : "; the worker picks it up within seconds"}.
          </Alert>
        )
      ) : null}
      <Dialog open={diffOpen} onClose={() => setDiffOpen(false)} title="Replay with the current mapping">
        <div className="space-y-3 text-sm">
          {preview.isLoading ? <p>Mapping the source payload with the current mapping…</p> : null}
          {preview.error ? <Alert tone="error">{preview.error.message}</Alert> : null}
          {preview.data ? (
            <>
              <p>
                Sent with <b>{v(preview.data.originalVersion)}</b>; the current mapping is <b>{v(preview.data.currentVersion)}</b>.{" "}
                {preview.data.changes.length} field{preview.data.changes.length === 1 ? "" : "s"} differ.
              </p>
              {!preview.data.afterOk ? (
                <Alert tone="warning">The current mapping does not produce valid output for this payload: {preview.data.afterError}</Alert>
              ) : null}
              <DiffTable changes={preview.data.changes} />
              {replay.error ? <Alert tone="error">{replay.error.message}</Alert> : null}
              <div className="flex justify-end gap-2">
                <Button variant="secondary" onClick={() => setDiffOpen(false)}>
                  Cancel
                </Button>
                <Button onClick={() => replay.mutate("current")} disabled={replay.isPending}>
                  Replay with {v(preview.data.currentVersion)}
                </Button>
              </div>
            </>
          ) : null}
        </div>
      </Dialog>
    </div>
  );
}
