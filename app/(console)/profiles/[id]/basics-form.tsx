"use client";
import { updateBasicsAction } from "@/lib/profiles/actions";
import { UpdateBasicsSchema } from "@/lib/profiles/schemas";
import { useZodActionForm } from "@/components/forms/use-zod-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, TextInput } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useProfile } from "./profile-context";

/** The profile's name and event code. Mount it keyed by the profile's version: a save starts it afresh. */
export function BasicsForm() {
  const { profile, canEdit, setProfile } = useProfile();
  const { form, submit, errorsOf, pending, error } = useZodActionForm({
    schema: UpdateBasicsSchema,
    defaultValues: { profileId: profile.id, version: profile.version, name: profile.name, eventCode: profile.eventCode },
    action: updateBasicsAction,
    onSuccess: setProfile,
  });
  return (
    <Card className="p-5">
      <h2 className="mb-4 text-base font-semibold">Basics</h2>
      <form onSubmit={submit} noValidate className="grid gap-4 md:grid-cols-2">
        <Field id="basics-name" label="Profile name" errors={errorsOf("name")}>
          <TextInput id="basics-name" disabled={!canEdit} maxLength={100} invalid={!!errorsOf("name")} {...form.register("name")} />
        </Field>
        <Field id="basics-event" label={profile.direction === "SOURCE" ? "RainFocus event code" : "Event ID"} errors={errorsOf("eventCode")}>
          <TextInput id="basics-event" disabled={!canEdit} maxLength={64} invalid={!!errorsOf("eventCode")} {...form.register("eventCode")} />
        </Field>
        {canEdit ? (
          <div className="md:col-span-2">
            <Button type="submit" variant="secondary" disabled={pending}>
              Save basics
            </Button>
          </div>
        ) : null}
      </form>
      {error ? (
        <div className="mt-3">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
    </Card>
  );
}
