"use client";
import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { bulkReplayAction } from "@/lib/delivery-log/actions";
import { unwrap } from "@/lib/actions/unwrap";
import { deliveryKeys } from "@/lib/query-keys";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import type { FilterValues } from "./use-delivery-filter";

type Phase =
  | { kind: "idle" }
  | { kind: "counting" }
  | { kind: "preview"; matched: number; until: string }
  | { kind: "running"; matched: number; done: number; skipped: number }
  | { kind: "finished"; replayed: number; skipped: number; skippedDeleted: number };

/** Bulk replay of what the filter shows: a dry-run count first, then batch by batch with progress. */
export function BulkReplayDialog({ filter }: { filter: FilterValues }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [useMapping, setUseMapping] = useState<"original" | "current">("current");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [error, setError] = useState<string | null>(null);

  async function preview() {
    setOpen(true);
    setError(null);
    setPhase({ kind: "counting" });
    try {
      const r = await unwrap(bulkReplayAction({ filter, useMapping, dryRun: true }));
      setPhase({ kind: "preview", matched: r.matched, until: r.until });
    } catch (e) {
      setError((e as Error).message);
      setPhase({ kind: "idle" });
    }
  }

  async function run(matched: number, until: string) {
    setPhase({ kind: "running", matched, done: 0, skipped: 0 });
    let cursor: string | undefined;
    let done = 0;
    let skipped = 0;
    let skippedDeleted = 0;
    try {
      do {
        const r = await unwrap(bulkReplayAction({ filter, useMapping, dryRun: false, until, cursor }));
        done += r.replayed;
        skipped += r.skipped;
        skippedDeleted += r.skippedDeleted;
        cursor = r.nextCursor ?? undefined;
        setPhase({ kind: "running", matched, done: done + skipped, skipped });
      } while (cursor);
      setPhase({ kind: "finished", replayed: done, skipped, skippedDeleted });
      await qc.invalidateQueries({ queryKey: deliveryKeys.all });
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <>
      <Button variant="secondary" size="sm" onClick={preview}>
        Replay these…
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Replay the filtered deliveries">
        <div className="space-y-4 text-sm">
          {error ? <Alert tone="error">{error}</Alert> : null}
          {phase.kind === "counting" ? <p>Counting the deliveries that match…</p> : null}
          {phase.kind === "preview" ? (
            <>
              <p>
                <b data-testid="replay-count">{phase.matched.toLocaleString("en-US")}</b> deliveries match the current filters (received up to now). Each goes
                back to the queue and is sent again; its attempt history is kept.
              </p>
              <fieldset className="space-y-1">
                <legend className="mb-1 font-medium">Mapping</legend>
                <label className="flex gap-2">
                  <input type="radio" name="m" checked={useMapping === "current"} onChange={() => setUseMapping("current")} /> Current published mapping (fix
                  and replay)
                </label>
                <label className="flex gap-2">
                  <input type="radio" name="m" checked={useMapping === "original"} onChange={() => setUseMapping("original")} /> Original mapping (deliveries
                  mapped with an older version are skipped)
                </label>
              </fieldset>
              <div className="flex justify-end gap-2">
                <Button variant="secondary" onClick={() => setOpen(false)}>
                  Cancel
                </Button>
                <Button disabled={phase.matched === 0} onClick={() => run(phase.matched, phase.until)}>
                  Replay {phase.matched.toLocaleString("en-US")}
                </Button>
              </div>
            </>
          ) : null}
          {phase.kind === "running" ? (
            <div className="space-y-2">
              <p>
                Replaying… {phase.done.toLocaleString("en-US")} of {phase.matched.toLocaleString("en-US")}
              </p>
              <progress className="w-full" max={Math.max(phase.matched, 1)} value={phase.done} aria-label="Replay progress" />
            </div>
          ) : null}
          {phase.kind === "finished" ? (
            <>
              <Alert tone={phase.replayed ? "success" : "warning"}>
                Queued {phase.replayed.toLocaleString("en-US")} deliveries again
                {phase.skipped > phase.skippedDeleted
                  ? `; skipped ${phase.skipped - phase.skippedDeleted} (in flight, pruned or mapped with another version)`
                  : ""}
                .
              </Alert>
              {phase.skippedDeleted ? (
                <Alert tone="info">
                  {phase.skippedDeleted.toLocaleString("en-US")} belong to deleted profiles and were not replayed: nothing is sent for a deleted profile. Their
                  history stays as it is.
                </Alert>
              ) : null}
              <div className="flex justify-end">
                <Button onClick={() => setOpen(false)}>Done</Button>
              </div>
            </>
          ) : null}
        </div>
      </Dialog>
    </>
  );
}
