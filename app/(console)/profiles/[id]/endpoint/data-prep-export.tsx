"use client";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { unwrap } from "@/lib/actions/unwrap";
import { exportDataPrepAction, publishDataPrepAction } from "@/lib/profiles/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

/** RAW mode: Relay's mapping as an AEP Data Prep mapping set, to download or publish to the dataflow. */
export function DataPrepExport({ profileId, canEdit }: { profileId: string; canEdit: boolean }) {
  const [warnings, setWarnings] = useState<string[]>([]);
  const [published, setPublished] = useState<string | null>(null);
  const download = useMutation({
    mutationFn: () => unwrap(exportDataPrepAction({ profileId })),
    onSuccess: (d) => {
      setWarnings(d.warnings);
      const url = URL.createObjectURL(new Blob([JSON.stringify(d.set, null, 2)], { type: "application/json" }));
      const a = Object.assign(document.createElement("a"), { href: url, download: d.fileName });
      a.click();
      URL.revokeObjectURL(url);
    },
  });
  const publish = useMutation({
    mutationFn: () => unwrap(publishDataPrepAction({ profileId })),
    onSuccess: (d) => {
      setWarnings(d.warnings);
      setPublished(
        `Mapping set ${d.mappingId} (version ${d.mappingVersion}) is now the dataflow's mapping. AEP applies a changed dataflow after about 5 minutes.`,
      );
    },
  });
  return (
    <div className="mt-5 border-t border-zinc-200 pt-4 text-sm dark:border-zinc-800">
      <h3 className="font-medium">Data Prep mapping set</h3>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">
        In this mode AEP does the mapping. Take Relay&apos;s mapping (the latest published version, or the default) to AEP as a Data Prep mapping set, in Data
        Prep&apos;s own format: download it, or publish it to the dataflow through the Data Prep and Flow Service APIs with this profile&apos;s Adobe
        credentials.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" disabled={download.isPending} onClick={() => download.mutate()}>
          Download mapping set (JSON)
        </Button>
        {canEdit ? (
          <Button size="sm" disabled={publish.isPending} onClick={() => publish.mutate()}>
            {publish.isPending ? "Publishing…" : "Publish to the dataflow"}
          </Button>
        ) : null}
      </div>
      {published ? (
        <div className="mt-3">
          <Alert tone="success">{published}</Alert>
        </div>
      ) : null}
      {download.error || publish.error ? (
        <div className="mt-3">
          <Alert tone="error">{(download.error ?? publish.error)?.message}</Alert>
        </div>
      ) : null}
      {warnings.length ? (
        <ul className="mt-3 list-disc pl-5 text-xs text-amber-700 dark:text-amber-400" aria-label="Export notes">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
