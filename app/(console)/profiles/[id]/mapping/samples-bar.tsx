"use client";
import { useRef, useState } from "react";
import type { Sample } from "@/lib/mappings/service";
import { checkSample } from "@/lib/mappings/sample-check";
import { Button } from "@/components/ui/button";
import { Select, inputClass } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";

const MAX_BYTES = 1_000_000;

/** Parses an uploaded or pasted sample; a bad one gets a clear message and changes nothing. */
export function parseSampleText(text: string): { payload: Record<string, unknown> } | { error: string } {
  if (text.length > MAX_BYTES) return { error: `The sample is ${Math.round(text.length / 1024)} KB; the limit is 1 MB.` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `Not valid JSON: ${(e as Error).message}` };
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return { error: "The sample must be a JSON object (one event payload)." };
  const problem = checkSample(value);
  return problem ? { error: problem } : { payload: value as Record<string, unknown> };
}

export function SamplesBar({
  samples,
  active,
  onSelect,
  onAdd,
  onRemove,
  pushTypeSamples,
  canEdit,
  sampleKind = "push type",
}: {
  samples: Sample[];
  active: string;
  onSelect: (name: string) => void;
  onAdd: (sample: Sample) => void;
  onRemove: (name: string) => void;
  pushTypeSamples: { name: string; sample: unknown }[];
  canEdit: boolean;
  /** What the built-in samples are: RainFocus push types (SOURCE) or AEP export formats (DESTINATION). */
  sampleKind?: "push type" | "AEP format";
}) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pasting, setPasting] = useState(false);
  const [pasted, setPasted] = useState("");

  async function onFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_BYTES) return setError(`${file.name} is ${Math.round(file.size / 1024)} KB; the limit is 1 MB.`);
    const parsed = parseSampleText(await file.text());
    if ("error" in parsed) return setError(`${file.name}: ${parsed.error}`);
    setError(null);
    onAdd({ name: file.name.replace(/\.json$/i, "").slice(0, 80) || "uploaded", payload: parsed.payload });
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <label className="text-sm font-medium" htmlFor="active-sample">
          Sample
        </label>
        <Select id="active-sample" value={active} onChange={(e) => onSelect(e.target.value)} className="max-w-56">
          {samples.length === 0 ? <option value="">No sample yet</option> : null}
          {samples.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
            </option>
          ))}
        </Select>
        {canEdit ? (
          <>
            <input
              ref={fileRef}
              type="file"
              accept=".json,application/json"
              aria-label="Upload sample JSON payload"
              className="hidden"
              onChange={(e) => {
                onFile(e.target.files?.[0]);
                e.target.value = "";
              }}
              data-testid="sample-file"
            />
            <Button type="button" size="sm" variant="secondary" onClick={() => fileRef.current?.click()}>
              Upload .json
            </Button>
            <Button type="button" size="sm" variant="secondary" onClick={() => setPasting(!pasting)}>
              Paste
            </Button>
            <Select
              aria-label={`Add a ${sampleKind}'s sample`}
              value=""
              onChange={(e) => {
                const p = pushTypeSamples.find((x) => x.name === e.target.value);
                if (p) onAdd({ name: p.name, payload: p.sample as Record<string, unknown> });
              }}
              className="max-w-52"
            >
              <option value="">Add {sampleKind} sample…</option>
              {pushTypeSamples.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name}
                </option>
              ))}
            </Select>
            {active ? (
              <Button type="button" size="sm" variant="ghost" onClick={() => onRemove(active)}>
                Remove sample
              </Button>
            ) : null}
          </>
        ) : null}
      </div>
      {pasting ? (
        <div className="space-y-2">
          <textarea
            aria-label="Paste a sample JSON payload"
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            rows={5}
            className={`${inputClass} font-mono text-xs`}
          />
          <Button
            type="button"
            size="sm"
            onClick={() => {
              const p = parseSampleText(pasted);
              if ("error" in p) setError(p.error);
              else {
                setError(null);
                onAdd({ name: `pasted-${samples.length + 1}`, payload: p.payload });
                setPasting(false);
                setPasted("");
              }
            }}
          >
            Use pasted sample
          </Button>
        </div>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}

/** Drag-and-drop of a .json file anywhere on the source panel. */
export function useSampleDrop(onAdd: (s: Sample) => void, onError: (m: string) => void) {
  const [over, setOver] = useState(false);
  return {
    over,
    props: {
      onDragOver: (e: React.DragEvent) => {
        e.preventDefault();
        setOver(true);
      },
      onDragLeave: () => setOver(false),
      onDrop: async (e: React.DragEvent) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files?.[0];
        if (!file) return;
        if (file.size > MAX_BYTES) return onError(`${file.name} is over 1 MB.`);
        const parsed = parseSampleText(await file.text());
        if ("error" in parsed) onError(`${file.name}: ${parsed.error}`);
        else onAdd({ name: file.name.replace(/\.json$/i, "").slice(0, 80), payload: parsed.payload });
      },
    },
  };
}
