"use client";
import { useRouter } from "next/navigation";
import { createCustomPushTypeAction } from "@/lib/profiles/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/page-header";
import { Field, TextInput, inputClass } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useActionForm } from "@/components/use-action-form";

/** ADMIN: add a push type beside the built-in catalog (RainFocus's dictionary is not published). */
export function CustomPushTypeForm() {
  const router = useRouter();
  // The catalog is server-rendered from the database: reload it once a type is added.
  const form = useActionForm(() => router.refresh());
  const e = form.fieldErrors;
  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold">Add a custom push type</h2>
      <p className="mb-4 mt-1 text-sm text-zinc-600 dark:text-zinc-400">For push types your RainFocus account sends that are not in the catalog. Available to every profile.</p>
      <form action={(f) => form.run(() => createCustomPushTypeAction({ name: f.get("name"), label: f.get("label"), description: f.get("description"), sample: f.get("sample") }))} className="grid gap-4 md:grid-cols-2">
        <Field id="cpt-name" label="Name" hint="As RainFocus sends it in eventType, e.g. BadgePrinted." errors={e.name}><TextInput id="cpt-name" name="name" maxLength={64} /></Field>
        <Field id="cpt-label" label="Label" errors={e.label}><TextInput id="cpt-label" name="label" maxLength={80} /></Field>
        <div className="md:col-span-2"><Field id="cpt-description" label="Description" errors={e.description}><TextInput id="cpt-description" name="description" maxLength={500} /></Field></div>
        <div className="md:col-span-2">
          <Field id="cpt-sample" label="Sample payload (JSON)" hint="A realistic example; it seeds the mapping editor." errors={e.sample}>
            <textarea id="cpt-sample" name="sample" rows={6} className={`${inputClass} font-mono text-xs`} maxLength={256_000} />
          </Field>
        </div>
        {form.error ? <div className="md:col-span-2"><Alert tone="error">{form.error}</Alert></div> : null}
        <div className="md:col-span-2"><Button type="submit" variant="secondary" disabled={form.pending}>Add push type</Button></div>
      </form>
    </Card>
  );
}
