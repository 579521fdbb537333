"use client";
import { useRouter } from "next/navigation";
import { createCustomPushTypeAction } from "@/lib/profiles/actions";
import { CustomPushTypeSchema } from "@/lib/profiles/schemas";
import { useZodActionForm } from "@/components/forms/use-zod-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, TextInput, inputClass } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";

const EMPTY = { name: "", label: "", description: "", sample: "" };

/** ADMIN: add a push type beside the built-in catalog (RainFocus's dictionary is not published). */
export function CustomPushTypeForm() {
  const router = useRouter();
  const { form, submit, errorsOf, pending, error } = useZodActionForm({
    schema: CustomPushTypeSchema,
    defaultValues: EMPTY,
    action: createCustomPushTypeAction,
    // The catalog is server-rendered from the database: reload it once a type is added.
    onSuccess: () => {
      form.reset(EMPTY);
      router.refresh();
    },
  });
  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold">Add a custom push type</h2>
      <p className="mb-4 mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        For push types your RainFocus account sends that are not in the catalog. Available to every profile.
      </p>
      <form onSubmit={submit} noValidate className="grid gap-4 md:grid-cols-2">
        <Field id="cpt-name" label="Name" hint="As RainFocus sends it in eventType, e.g. BadgePrinted." errors={errorsOf("name")}>
          <TextInput id="cpt-name" maxLength={64} invalid={!!errorsOf("name")} {...form.register("name")} />
        </Field>
        <Field id="cpt-label" label="Label" errors={errorsOf("label")}>
          <TextInput id="cpt-label" maxLength={80} invalid={!!errorsOf("label")} {...form.register("label")} />
        </Field>
        <div className="md:col-span-2">
          <Field id="cpt-description" label="Description" errors={errorsOf("description")}>
            <TextInput id="cpt-description" maxLength={500} invalid={!!errorsOf("description")} {...form.register("description")} />
          </Field>
        </div>
        <div className="md:col-span-2">
          <Field id="cpt-sample" label="Sample payload (JSON)" hint="A realistic example; it seeds the mapping editor." errors={errorsOf("sample")}>
            <textarea id="cpt-sample" rows={6} className={`${inputClass} font-mono text-xs`} maxLength={256_000} {...form.register("sample")} />
          </Field>
        </div>
        {error ? (
          <div className="md:col-span-2">
            <Alert tone="error">{error}</Alert>
          </div>
        ) : null}
        <div className="md:col-span-2">
          <Button type="submit" variant="secondary" disabled={pending}>
            Add push type
          </Button>
        </div>
      </form>
    </Card>
  );
}
