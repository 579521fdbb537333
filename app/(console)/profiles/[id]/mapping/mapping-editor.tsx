"use client";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useDeferredValue, useMemo, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { profileKeys } from "@/lib/query-keys";
import { mapPreview, suggestMappings, type MappingRule, type MappingSuggestion } from "@/lib/mapping-engine";
import { buildSchemaModel, defaultSchemaModel } from "@/lib/xdm";
import { publishMappingAction, restoreMappingVersionAction, getMappingAction } from "@/lib/mappings/actions";
import type { DraftView, Sample } from "@/lib/mappings/service";
import type { ProfileView } from "@/lib/profiles/view";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { FieldTree, type TreeRow } from "./field-tree";
import { RulesPanel, type RuleStatus } from "./rules-panel";
import { ExpressionEditor } from "./expression-editor";
import { PreviewPanel, previewProblems } from "./preview-panel";
import { VersionsPanel, type VersionRow } from "./versions-panel";
import { AutomapPanel } from "./automap-panel";
import { SamplesBar, useSampleDrop } from "./samples-bar";
import { counters, sourceRows, targetRows, valueAt } from "./editor-model";
import { useAutosave } from "./use-autosave";
import { MappingToolbar } from "./mapping-toolbar";
import { useXdmCheck } from "./use-xdm-check";
import { useDestinationIdentity } from "./use-destination-identity";

export function MappingEditor({
  profile,
  initial,
  initialVersions,
  pushTypeSamples,
  canEdit,
  aepSchema,
}: {
  profile: ProfileView;
  initial: DraftView;
  initialVersions: VersionRow[];
  pushTypeSamples: { name: string; sample: unknown }[];
  canEdit: boolean;
  /** The schema fetched from the Schema Registry for the discovered dataset; an upload overrides it. */
  aepSchema: { schema: Record<string, unknown>; title: string; fetchedAt: string } | null;
}) {
  const queryClient = useQueryClient();
  const [rules, setRules] = useState<MappingRule[]>(initial.rules);
  const [samples, setSamples] = useState<Sample[]>(initial.samples);
  const [schema, setSchema] = useState<Record<string, unknown> | null>(initial.schema);
  const [versions, setVersions] = useState(initialVersions);
  const [confirmPublish, setConfirmPublish] = useState(false);
  const [active, setActive] = useState(initial.samples[0]?.name ?? "");
  const [pickedSource, setPickedSource] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ target: string; expression: string } | "new" | null>(null);
  const [automap, setAutomap] = useState<MappingSuggestion[] | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [onlyOpen, setOnlyOpen] = useState<"all" | "unmapped" | "required">("all");
  const [tab, setTab] = useState<"preview" | "versions">("preview");
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const save = useAutosave(profile.id, { rules, samples, schema }, initial.revision, canEdit);

  const tenant = profile.tenantId ?? "tenant";
  // What preview validates against, as publish does: upload, else AEP's schema, else the default.
  const effective = schema ?? aepSchema?.schema ?? null;
  const model = useMemo(() => {
    if (profile.direction !== "SOURCE") return undefined;
    try {
      return effective ? buildSchemaModel(effective) : defaultSchemaModel(tenant);
    } catch {
      return defaultSchemaModel(tenant);
    }
  }, [effective, tenant, profile.direction]);
  const sample = samples.find((s) => s.name === active)?.payload ?? samples[0]?.payload;
  const deferredRules = useDeferredValue(rules);
  const tenantId = profile.direction === "SOURCE" ? tenant : undefined;
  // Mapped here on every edit (the rules compile to closures); XDM validation of the output needs
  // ajv, which the pages' CSP can't allow, so the server does it (useXdmCheck), as the worker would.
  const preview = useMemo(
    () =>
      sample ? mapPreview({ rules: deferredRules, payload: sample, ...(effective ? { schema: effective } : {}), ...(tenantId ? { tenantId } : {}) }) : null,
    [deferredRules, sample, effective, tenantId],
  );
  const xdm = useXdmCheck(preview, effective ?? undefined, tenantId);
  const identityWarning = useDestinationIdentity(profile.direction === "DESTINATION", sample, preview?.output);
  const status = useMemo(() => {
    const m = new Map<string, RuleStatus>();
    for (const r of rules)
      m.set(r.target, { value: preview ? valueAt(preview.output, r.target) : undefined, error: preview?.errors.find((e) => e.target === r.target)?.message });
    return m;
  }, [rules, preview]);
  const src = useMemo(() => sourceRows(sample, rules), [sample, rules]);
  const tgtAll = useMemo(() => targetRows(model, rules, profile.direction), [model, rules, profile.direction]);
  const tgt = onlyOpen === "all" ? tgtAll : tgtAll.filter((r) => !r.leaf || (!r.mapped && (onlyOpen === "unmapped" || r.required)));
  const problems = previewProblems(preview, xdm);
  const count = counters(tgtAll, rules, problems.length);

  function upsertRule(rule: MappingRule) {
    setRules((prev) => [...prev.filter((r) => r.target !== rule.target), rule]);
  }
  function connect(target: TreeRow) {
    if (!canEdit || !target.leaf) return;
    if (!pickedSource) return setMessage({ tone: "error", text: "Pick a source field first, then the target field." });
    upsertRule({ target: target.path, source: pickedSource });
    setPickedSource(null);
    setMessage(null);
  }
  const drop = useSampleDrop(
    (s) => addSample(s),
    (text) => setMessage({ tone: "error", text }),
  );
  function addSample(s: Sample) {
    let name = s.name;
    for (let i = 2; samples.some((x) => x.name === name); i++) name = `${s.name}-${i}`;
    setSamples((prev) => [...prev, { ...s, name }]);
    setActive(name);
  }

  async function publish() {
    setConfirmPublish(false);
    setMessage(null);
    const result = await publishMappingAction({ profileId: profile.id, revision: save.revision });
    if (!result.ok) return setMessage({ tone: "error", text: result.error });
    const latest = await getMappingAction({ profileId: profile.id });
    if (latest.ok) setVersions(latest.data.versions);
    const { version, alreadyPublished } = result.data;
    // The profile's readiness (and status) depends on a published mapping: re-read it.
    await queryClient.invalidateQueries({ queryKey: profileKeys.detail(profile.id) });
    setMessage({
      tone: "success",
      text: alreadyPublished ? `This draft is already published as version ${version}.` : `Published version ${version}. New deliveries use it.`,
    });
    setTab("versions");
  }
  async function restore(version: number) {
    const result = await restoreMappingVersionAction({ profileId: profile.id, version, revision: save.revision });
    if (!result.ok) return setMessage({ tone: "error", text: result.error });
    save.adopt(result.data.revision);
    setRules(result.data.rules);
    setSchema(result.data.schema);
    setMessage({ tone: "success", text: `Version ${version} restored as the draft. Publish to make it live again.` });
  }

  return (
    <div className="space-y-4">
      <MappingToolbar
        count={count}
        saveState={save.state}
        saveError={save.error}
        canEdit={canEdit}
        rules={rules}
        schema={schema}
        profileName={profile.name}
        onAutomap={() => setAutomap(model && sample ? suggestMappings(sample, model).filter((s) => !rules.some((r) => r.target === s.target)) : [])}
        onCalculated={() => setEditing("new")}
        onImport={(imported) => setRules(imported)}
        onSchema={setSchema}
        onPublish={() => setConfirmPublish(true)}
        allowSchema={profile.direction === "SOURCE"}
        onError={(text) => setMessage({ tone: "error", text })}
      />
      <ConfirmDialog
        open={confirmPublish}
        title="Publish the mapping"
        confirmLabel="Publish"
        blocked={problems.length > 0}
        onCancel={() => setConfirmPublish(false)}
        onConfirm={publish}
      >
        {problems.length ? (
          // The server refuses a draft whose samples do not map to valid XDM; say so before, in words.
          <Alert tone="error">
            The preview of the “{active || samples[0]?.name}” sample has {problems.length} {problems.length === 1 ? "problem" : "problems"}, and a draft that
            does not map its samples to valid XDM is not published. Fix {problems.length === 1 ? "it" : "them"} first:
            <ul className="mt-1 list-disc pl-5">
              {problems.slice(0, 3).map((p) => (
                <li key={p.text}>{p.text}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        <p>
          The draft ({rules.length} {rules.length === 1 ? "rule" : "rules"}) becomes version {Math.max(0, ...versions.map((v) => v.version)) + 1} of the mapping
          of “{profile.name}”. Every delivery mapped from now on uses it, production included. Earlier versions stay listed and can be restored.
        </p>
      </ConfirmDialog>
      {save.state === "conflict" && save.theirs ? (
        <Alert tone="warning">
          Someone else saved this mapping while you were editing ({save.theirs.rules.length} rules in theirs, {rules.length} in yours). Nothing is lost:
          <span className="ml-2 inline-flex gap-2">
            <Button size="sm" onClick={save.keepMine}>
              Keep mine
            </Button>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => {
                const t = save.takeTheirs();
                if (t) {
                  setRules(t.rules);
                  setSamples(t.samples);
                  setSchema(t.schema);
                }
              }}
            >
              Take theirs
            </Button>
          </span>
        </Alert>
      ) : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {automap ? (
        <AutomapPanel
          suggestions={automap}
          onClose={() => setAutomap(null)}
          onAccept={(list) => {
            setRules((prev) => [...prev.filter((r) => !list.some((s) => s.target === r.target)), ...list.map((s) => ({ target: s.target, source: s.source }))]);
            setAutomap((a) => a?.filter((s) => !list.includes(s)) ?? null);
          }}
        />
      ) : null}
      {editing ? (
        <ExpressionEditor
          initial={editing === "new" ? undefined : editing}
          sourcePaths={src.filter((r) => r.leaf).map((r) => r.path)}
          targetPaths={tgtAll.filter((r) => r.leaf).map((r) => r.path)}
          onCancel={() => setEditing(null)}
          onSave={(target, expression) => {
            upsertRule({ target, expression });
            setEditing(null);
          }}
        />
      ) : null}
      <SamplesBar
        samples={samples}
        active={active}
        onSelect={setActive}
        onAdd={addSample}
        onRemove={(n) => {
          setSamples((prev) => prev.filter((s) => s.name !== n));
          setActive(samples.find((s) => s.name !== n)?.name ?? "");
        }}
        pushTypeSamples={pushTypeSamples}
        canEdit={canEdit}
        sampleKind={profile.direction === "SOURCE" ? "push type" : "AEP format"}
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.25fr)_minmax(0,1fr)]">
        <Card className={drop.over ? "ring-2 ring-brand-500" : ""}>
          <div {...drop.props}>
            <h2 className="px-3 pt-3 text-sm font-semibold">
              Source <span className="font-normal text-zinc-500">(drop a .json here)</span>
            </h2>
            <FieldTree
              label="Source fields"
              rows={src}
              selected={pickedSource}
              onPick={(r) => r.leaf && setPickedSource(pickedSource === r.path ? null : r.path)}
              emptyText="Upload, paste or pick a sample payload."
            />
          </div>
        </Card>
        <Card>
          <h2 className="px-3 pt-3 text-sm font-semibold">Mapping ({rules.length})</h2>
          <p className="px-3 text-xs text-zinc-500">
            {pickedSource ? (
              <>
                Now pick the target for <code className="font-mono">{pickedSource}</code>.
              </>
            ) : (
              "Pick a source field, then a target field."
            )}
          </p>
          <RulesPanel
            rules={rules}
            status={status}
            highlighted={highlight}
            canEdit={canEdit}
            onRemove={(t) => setRules((prev) => prev.filter((r) => r.target !== t))}
            onEdit={(r) => setEditing({ target: r.target, expression: r.expression ?? "" })}
            onToggleRequired={(t) => setRules((prev) => prev.map((r) => (r.target === t ? { ...r, required: !r.required || undefined } : r)))}
          />
        </Card>
        <Card>
          <h2 className="px-3 pt-3 text-sm font-semibold">
            Target {profile.direction === "SOURCE" ? `(${schemaLabel(schema !== null, aepSchema)})` : "(RainFocus attendee)"}
          </h2>
          <FieldTree
            label="Target fields"
            rows={tgt}
            selected={null}
            onPick={connect}
            emptyText="No fields match."
            filters={
              <div className="flex gap-3 text-xs" role="radiogroup" aria-label="Show target fields">
                {(["all", "unmapped", "required"] as const).map((v) => (
                  <label key={v} className="flex items-center gap-1">
                    <input type="radio" name="only" checked={onlyOpen === v} onChange={() => setOnlyOpen(v)} />
                    {v === "all" ? "All" : v === "unmapped" ? "Only unmapped" : "Only required unmapped"}
                  </label>
                ))}
              </div>
            }
          />
        </Card>
      </div>
      <Card>
        <div role="tablist" className="flex gap-1 border-b border-zinc-200 px-3 dark:border-zinc-800">
          {(["preview", "versions"] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              onClick={() => setTab(t)}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === t ? "border-brand-600" : "border-transparent text-zinc-500"}`}
            >
              {t === "preview" ? "Preview" : `Versions (${versions.length})`}
            </button>
          ))}
        </div>
        {tab === "preview" ? (
          <PreviewPanel
            preview={preview}
            xdm={xdm}
            endpoint={profile.endpoint.streamingEndpointUrl}
            dataflowId={profile.endpoint.dataflowId}
            destination={profile.direction === "DESTINATION" ? { eventCode: profile.eventCode, identityWarning } : undefined}
            onPickViolation={(t) => {
              setHighlight(t);
              document.querySelector(`[data-target="${CSS.escape(t)}"]`)?.scrollIntoView({ block: "nearest" });
            }}
          />
        ) : (
          <VersionsPanel versions={versions} draftRules={rules} canEdit={canEdit} onRestore={restore} />
        )}
      </Card>
    </div>
  );
}

/** Which schema preview and publish validate against, in the editor's words. */
function schemaLabel(uploaded: boolean, aep: { title: string; fetchedAt: string } | null): string {
  if (uploaded) return "Uploaded schema";
  if (aep)
    return `Schema from AEP: ${aep.title}, fetched ${new Date(aep.fetchedAt).toLocaleString("en-GB", { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" })} UTC`;
  return "Default RainFocus schema";
}
