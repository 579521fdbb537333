"use client";
import { useState } from "react";
import { setPushTypesAction } from "@/lib/profiles/actions";
import { PushTypesSchema } from "@/lib/profiles/schemas";
import type { PushTypeOption } from "@/lib/push-type-options";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Alert } from "@/components/ui/alert";
import { useZodActionForm } from "@/components/forms/use-zod-action-form";
import { useProfile } from "../profile-context";
import { SamplePayload } from "./sample-payload";
import { CustomPushTypeForm } from "./custom-push-type-form";
import { useHydrated } from "@/components/use-hydrated";

export function PushTypesClient({ catalog }: { catalog: PushTypeOption[] }) {
  const { profile, canEdit, isAdmin, setProfile } = useProfile();
  const [open, setOpen] = useState<string | null>(null);
  const hydrated = useHydrated();
  const { form, submit, errorsOf, pending, error, saved } = useZodActionForm({
    schema: PushTypesSchema,
    defaultValues: { profileId: profile.id, version: profile.version, pushTypes: profile.pushTypes },
    action: setPushTypesAction,
    onSuccess: (p) => {
      setProfile(p);
      // The next save carries the new version; the ticks stay as saved.
      form.reset({ profileId: p.id, version: p.version, pushTypes: p.pushTypes });
    },
  });
  const selected = new Set(form.watch("pushTypes"));
  const dirty = selected.size !== profile.pushTypes.length || profile.pushTypes.some((p) => !selected.has(p));

  function toggle(name: string) {
    const next = new Set(selected);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    form.setValue("pushTypes", [...next], { shouldDirty: true });
  }

  return (
    <div className="space-y-6">
      <Card>
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
          <div>
            <h2 className="text-base font-semibold">Push types</h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              The RainFocus experience events this profile sends to AEP. {selected.size} of {catalog.length} enabled.
            </p>
          </div>
          {canEdit ? (
            <form onSubmit={submit} noValidate>
              <Button type="submit" disabled={!dirty || pending}>
                Save push types
              </Button>
            </form>
          ) : null}
        </div>
        {error ? (
          <div className="px-5 pt-4">
            <Alert tone="error">{[error, ...(errorsOf("pushTypes") ?? [])].join(" ")}</Alert>
          </div>
        ) : null}
        {saved && !dirty ? (
          <div className="px-5 pt-4">
            <Alert tone="success">Push types saved.</Alert>
          </div>
        ) : null}
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {catalog.map((p) => (
            <li key={p.name} className="px-5 py-4" data-testid={`push-type-${p.name}`}>
              <div className="flex flex-wrap items-start gap-3">
                <input
                  id={`pt-${p.name}`}
                  type="checkbox"
                  className="mt-1 h-4 w-4"
                  checked={selected.has(p.name)}
                  disabled={!canEdit}
                  onChange={() => toggle(p.name)}
                />
                <div className="min-w-0 flex-1">
                  <label htmlFor={`pt-${p.name}`} className="flex flex-wrap items-center gap-2 text-sm font-medium">
                    <code className="font-mono">{p.name}</code>
                    <span className="text-zinc-500">{p.label}</span>
                    {p.confirmed ? <Badge tone="green">Documented by RainFocus</Badge> : null}
                    {p.custom ? <Badge tone="blue">Custom</Badge> : null}
                  </label>
                  <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{p.description}</p>
                  <p className="mt-1 text-xs text-zinc-500">Fields: {p.fields.join(", ")}</p>
                  <button
                    type="button"
                    className="mt-2 text-xs font-medium text-brand-600 hover:underline"
                    aria-expanded={open === p.name}
                    onClick={() => setOpen(open === p.name ? null : p.name)}
                    disabled={!hydrated}
                  >
                    {open === p.name ? "Hide sample JSON payload" : "Sample JSON payload"}
                  </button>
                  {open === p.name ? <SamplePayload name={p.name} sample={p.sample} /> : null}
                </div>
              </div>
            </li>
          ))}
        </ul>
      </Card>
      {isAdmin ? <CustomPushTypeForm /> : null}
    </div>
  );
}
