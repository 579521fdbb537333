"use client";
import { updateRainfocusCredentialsAction } from "@/lib/profiles/actions";
import { RainfocusCredentialsSchema } from "@/lib/profiles/schemas";
import type { ProfileView } from "@/lib/profiles/view";
import { useZodActionForm } from "@/components/forms/use-zod-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Select, TextInput } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useProfile } from "../profile-context";
import { ConnectionTestPanel } from "./connection-test";

function defaultsOf(profile: ProfileView) {
  const r = profile.rainfocus;
  return {
    profileId: profile.id,
    version: profile.version,
    rainfocusClientId: r.clientId ?? "",
    rainfocusSecret: "",
    rainfocusOrgId: r.orgId ?? "",
    rainfocusEnvironment: r.environment,
  };
}

export function RainfocusCredentialsForm() {
  const { profile, canEdit, setProfile } = useProfile();
  const r = profile.rainfocus;
  const form = useZodActionForm({
    schema: RainfocusCredentialsSchema,
    defaultValues: defaultsOf(profile),
    action: (v) => updateRainfocusCredentialsAction({ ...v, profileId: profile.id, version: profile.version }),
    onSuccess: (saved) => {
      setProfile(saved);
      form.form.reset(defaultsOf(saved));
    },
  });
  const { register } = form.form;
  const e = form.errorsOf;
  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold">RainFocus API profile</h2>
      <p className="mb-4 mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        An API Profile with OAuth (Global) and the Attendee Store endpoint enabled, from RainFocus → Libraries → API Profiles.
        {profile.direction === "SOURCE" ? " Used to read the API-profile logs beside each delivery." : " Used to upsert attendees."}
      </p>
      <form onSubmit={form.submit} noValidate className="grid gap-4 md:grid-cols-2">
        <Field id="rainfocusClientId" label="RainFocus Client ID" errors={e("rainfocusClientId")}>
          <TextInput
            id="rainfocusClientId"
            {...register("rainfocusClientId")}
            invalid={!!e("rainfocusClientId")}
            disabled={!canEdit}
            maxLength={200}
            autoComplete="off"
          />
        </Field>
        <Field
          id="rainfocusSecret"
          label="Client secret"
          hint={r.secret ? `Stored: ${r.secret}. Leave blank to keep it.` : "Not set yet."}
          errors={e("rainfocusSecret")}
        >
          <TextInput
            id="rainfocusSecret"
            type="password"
            {...register("rainfocusSecret")}
            invalid={!!e("rainfocusSecret")}
            placeholder={r.secret ?? ""}
            disabled={!canEdit}
            maxLength={500}
            autoComplete="new-password"
          />
        </Field>
        <Field id="rainfocusEnvironment" label="Environment" errors={e("rainfocusEnvironment")}>
          <Select id="rainfocusEnvironment" {...register("rainfocusEnvironment")} disabled={!canEdit}>
            <option value="prod">prod</option>
            <option value="dev">dev</option>
          </Select>
        </Field>
        <Field id="rainfocusOrgId" label="Org ID" hint="The orgid of your RainFocus organization." errors={e("rainfocusOrgId")}>
          <TextInput id="rainfocusOrgId" {...register("rainfocusOrgId")} invalid={!!e("rainfocusOrgId")} disabled={!canEdit} maxLength={100} />
        </Field>
        {form.error ? (
          <div className="md:col-span-2">
            <Alert tone="error">{form.error}</Alert>
          </div>
        ) : null}
        {form.saved ? (
          <div className="md:col-span-2">
            <Alert tone="success">RainFocus credentials saved. Test the connection to confirm them.</Alert>
          </div>
        ) : null}
        {canEdit ? (
          <div className="md:col-span-2">
            <Button type="submit" disabled={form.pending}>
              Save RainFocus credentials
            </Button>
          </div>
        ) : null}
      </form>
      <div className="mt-4">
        <ConnectionTestPanel target="rainfocus" label="RainFocus" last={profile.tests.rainfocus} />
      </div>
    </Card>
  );
}
