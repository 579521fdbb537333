"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The seed's workflow: view the Sample JSON payload, copy it or save it as a .json file for AEP. */
export function SamplePayload({ name, sample }: { name: string; sample: unknown }) {
  const [copied, setCopied] = useState(false);
  const json = JSON.stringify(sample, null, 2);
  function download() {
    const url = URL.createObjectURL(new Blob([json + "\n"], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${name}.sample.json`;
    a.click();
    URL.revokeObjectURL(url);
  }
  return (
    <div className="mt-3 rounded-md border border-zinc-200 dark:border-zinc-800">
      <div className="flex items-center justify-between border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <span className="text-xs font-semibold">Sample JSON payload</span>
        <div className="flex gap-2">
          <Button
            size="sm"
            variant="secondary"
            type="button"
            onClick={async () => {
              await navigator.clipboard?.writeText(json).catch(() => {});
              setCopied(true);
            }}
          >
            {copied ? "Copied" : "Copy"}
          </Button>
          <Button size="sm" variant="secondary" type="button" onClick={download} aria-label={`Download ${name} sample as .json`}>
            Download .json
          </Button>
        </div>
      </div>
      <pre className="max-h-80 overflow-auto p-3 font-mono text-xs">{json}</pre>
    </div>
  );
}
