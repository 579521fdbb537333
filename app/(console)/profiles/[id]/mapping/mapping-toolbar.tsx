"use client";
import { useRef, useState } from "react";
import { MappingRulesSchema, type MappingRule } from "@/lib/mapping-engine";
import { buildSchemaModel } from "@/lib/xdm";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import type { SaveState } from "./use-autosave";

const SAVE_LABEL: Record<SaveState, string> = {
  saved: "All changes saved",
  dirty: "Unsaved changes…",
  saving: "Saving…",
  conflict: "Conflict: choose below",
  error: "Not saved",
};

function download(name: string, value: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2) + "\n"], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

async function readJsonFile(file: File, maxBytes: number): Promise<unknown> {
  if (file.size > maxBytes) throw new Error(`${file.name} is larger than ${Math.round(maxBytes / 1024)} KB.`);
  try {
    return JSON.parse(await file.text());
  } catch {
    throw new Error(`${file.name} is not valid JSON.`);
  }
}

export function MappingToolbar(props: {
  count: { mapped: number; requiredUnmapped: number; identity: number; errors: number };
  saveState: SaveState;
  saveError: string | null;
  canEdit: boolean;
  rules: MappingRule[];
  schema: Record<string, unknown> | null;
  profileName: string;
  onAutomap: () => void;
  onCalculated: () => void;
  onImport: (rules: MappingRule[]) => void;
  onSchema: (schema: Record<string, unknown> | null) => void;
  onPublish: () => void;
  /** False for DESTINATION: the target is the RainFocus attendee, not an XDM schema. */
  allowSchema?: boolean;
  onError: (text: string) => void;
}) {
  const importRef = useRef<HTMLInputElement>(null);
  const schemaRef = useRef<HTMLInputElement>(null);
  const [constant, setConstant] = useState<{ target: string; value: string } | null>(null);
  const { count } = props;
  const stats = [
    { label: "Mapped", value: count.mapped, tone: "" },
    { label: "Required unmapped", value: count.requiredUnmapped, tone: count.requiredUnmapped ? "text-amber-700 dark:text-amber-400" : "" },
    { label: "Identity", value: count.identity, tone: "" },
    { label: "Errors", value: count.errors, tone: count.errors ? "text-red-700 dark:text-red-400" : "" },
  ];

  async function importRules(file: File | undefined) {
    if (!file) return;
    try {
      const value = await readJsonFile(file, 1_000_000);
      const rules = MappingRulesSchema.safeParse(Array.isArray(value) ? value : (value as { rules?: unknown })?.rules);
      if (!rules.success) throw new Error(`${file.name} is not a mapping: ${rules.error.issues[0]?.message ?? "invalid rules"}.`);
      props.onImport(rules.data as MappingRule[]);
    } catch (e) {
      props.onError((e as Error).message);
    }
  }
  async function uploadSchema(file: File | undefined) {
    if (!file) return;
    try {
      const value = await readJsonFile(file, 2_000_000);
      buildSchemaModel(value);
      props.onSchema(value as Record<string, unknown>);
    } catch (e) {
      props.onError(`The schema was refused: ${(e as Error).message}`);
    }
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <dl className="flex gap-5" aria-label="Mapping counters">
          {stats.map((s) => (
            <div key={s.label}>
              <dt className="text-[11px] uppercase tracking-wide text-zinc-500">{s.label}</dt>
              <dd className={`text-lg font-semibold tabular-nums ${s.tone}`} data-testid={`count-${s.label.toLowerCase().replace(/ /g, "-")}`}>
                {s.value}
              </dd>
            </div>
          ))}
        </dl>
        <span role="status" data-testid="save-state" className="text-xs text-zinc-500">
          {props.canEdit ? SAVE_LABEL[props.saveState] : "Read-only"}
          {props.saveError ? `: ${props.saveError}` : ""}
        </span>
        <div className="ml-auto flex flex-wrap gap-2">
          <Button size="sm" variant="secondary" onClick={() => download(`${props.profileName.replace(/[^\w-]+/g, "-")}.mapping.json`, { rules: props.rules })}>
            Export JSON
          </Button>
          {props.canEdit ? (
            <>
              <input
                ref={importRef}
                type="file"
                accept=".json"
                className="hidden"
                aria-label="Import mapping JSON"
                onChange={(e) => {
                  importRules(e.target.files?.[0]);
                  e.target.value = "";
                }}
              />
              <Button size="sm" variant="secondary" onClick={() => importRef.current?.click()}>
                Import JSON
              </Button>
              {props.allowSchema !== false ? (
                <>
                  <input
                    ref={schemaRef}
                    type="file"
                    accept=".json"
                    className="hidden"
                    aria-label="Upload XDM schema"
                    onChange={(e) => {
                      uploadSchema(e.target.files?.[0]);
                      e.target.value = "";
                    }}
                  />
                  <Button size="sm" variant="secondary" onClick={() => schemaRef.current?.click()}>
                    Upload XDM schema
                  </Button>
                  {props.schema ? (
                    <Button size="sm" variant="ghost" onClick={() => props.onSchema(null)}>
                      Use default schema
                    </Button>
                  ) : null}
                </>
              ) : null}
              <Button size="sm" variant="secondary" onClick={props.onAutomap}>
                Auto-map
              </Button>
              <Button size="sm" variant="secondary" onClick={() => setConstant({ target: "", value: "" })}>
                Add constant
              </Button>
              <Button size="sm" variant="secondary" onClick={props.onCalculated}>
                Add calculated field
              </Button>
              <Button size="sm" onClick={props.onPublish} disabled={props.saveState !== "saved"}>
                Publish
              </Button>
            </>
          ) : null}
        </div>
      </div>
      {constant ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            let value: unknown = constant.value;
            try {
              value = JSON.parse(constant.value);
            } catch {
              /* a plain string */
            }
            props.onImport([...props.rules.filter((r) => r.target !== constant.target), { target: constant.target.trim(), value }]);
            setConstant(null);
          }}
        >
          <TextInput
            aria-label="Constant target"
            placeholder="target path"
            value={constant.target}
            onChange={(e) => setConstant({ ...constant, target: e.target.value })}
            className="w-72 font-mono text-xs"
          />
          <TextInput
            aria-label="Constant value"
            placeholder="value (JSON or text)"
            value={constant.value}
            onChange={(e) => setConstant({ ...constant, value: e.target.value })}
            className="w-56 font-mono text-xs"
          />
          <Button size="sm" type="submit" disabled={!constant.target.trim() || !constant.value}>
            Add constant
          </Button>
          <Button size="sm" type="button" variant="ghost" onClick={() => setConstant(null)}>
            Cancel
          </Button>
        </form>
      ) : null}
    </div>
  );
}
