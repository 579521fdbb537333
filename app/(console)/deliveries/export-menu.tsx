"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { filterQuery, type FilterValues } from "./use-delivery-filter";

/**
 * Streams the filtered log from the export route and counts rows as they arrive, so a 100k-row
 * export shows progress instead of a frozen button; the file is saved when the stream ends.
 */
export function ExportMenu({ filter }: { filter: FilterValues }) {
  const [progress, setProgress] = useState<{ format: string; rows: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(format: "csv" | "ndjson") {
    setError(null);
    setProgress({ format, rows: 0 });
    try {
      const res = await fetch(`/api/v1/deliveries/export?${filterQuery({ ...filter })}&format=${format}`);
      if (!res.ok || !res.body) throw new Error(`Export failed (HTTP ${res.status}).`);
      const reader = res.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let rows = format === "csv" ? -1 : 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        for (const b of value) if (b === 10) rows++;
        setProgress({ format, rows: Math.max(rows, 0) });
      }
      const name = res.headers.get("content-disposition")?.match(/filename="([^"]+)"/)?.[1] ?? `deliveries.${format}`;
      const url = URL.createObjectURL(new Blob(chunks, { type: format === "csv" ? "text/csv" : "application/x-ndjson" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setProgress(null);
    } catch (e) {
      setError((e as Error).message);
      setProgress(null);
    }
  }

  return (
    <div className="flex items-center gap-2">
      {progress ? (
        <span role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
          Exporting {progress.format.toUpperCase()}… {progress.rows.toLocaleString("en-US")} rows
        </span>
      ) : null}
      {error ? (
        <span role="alert" data-alert="error" className="text-xs text-red-600">
          {error}
        </span>
      ) : null}
      <Button variant="secondary" size="sm" disabled={!!progress} onClick={() => run("csv")}>
        Export CSV
      </Button>
      <Button variant="secondary" size="sm" disabled={!!progress} onClick={() => run("ndjson")}>
        Export NDJSON
      </Button>
    </div>
  );
}
