"use client";
import { updateRainfocusSettingsAction } from "@/lib/profiles/actions";
import { RainfocusSettingsFormSchema } from "@/lib/profiles/schemas";
import type { ProfileView } from "@/lib/profiles/view";
import type { z } from "zod";
import type { RainfocusSettings, RainfocusSettingsOverride } from "@/lib/rainfocus/settings";
import { useZodActionForm } from "@/components/forms/use-zod-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Select, TextInput } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useProfile } from "../profile-context";

const LABELS = {
  tokenGrant: {
    client_credentials: "Client credentials, client in the form",
    client_credentials_basic: "Client credentials, client in a Basic header",
    none: "None: the apiProfile key alone",
  },
  orgPlacement: { "token-form": "Token request form (orgid, environment)", query: "Query parameters of every call", header: "Headers of every call" },
  apiProfilePlacement: { query: "Query parameter apiProfile", header: "Header apiProfile" },
  writeStyle: { "batch-store": "Batch: Attendee Store, many per call", "attendee-update": "One attendee per call: /api/{org}/v2/attendee/update" },
} as const;

function defaultsOf(profile: ProfileView): z.input<typeof RainfocusSettingsFormSchema> {
  const s: RainfocusSettingsOverride = profile.rainfocus.settings;
  return {
    profileId: profile.id,
    version: profile.version,
    tokenUrl: s.tokenUrl ?? "",
    tokenGrant: s.tokenGrant ?? "",
    orgPlacement: s.orgPlacement ?? "",
    apiProfile: s.apiProfile ?? "",
    apiProfilePlacement: s.apiProfilePlacement ?? "",
    writeStyle: s.writeStyle ?? "",
  };
}

/**
 * How Relay talks to RainFocus where RainFocus publishes nothing. Each field defaults to this
 * deployment's value (RAINFOCUS_* settings); none of them is confirmed by RainFocus.
 */
export function RainfocusSettingsForm({ deployment }: { deployment: RainfocusSettings }) {
  const { profile, canEdit, setProfile } = useProfile();
  const form = useZodActionForm({
    schema: RainfocusSettingsFormSchema,
    defaultValues: defaultsOf(profile),
    action: (v) => updateRainfocusSettingsAction({ ...v, profileId: profile.id, version: profile.version }),
    onSuccess: (saved) => {
      setProfile(saved);
      form.form.reset(defaultsOf(saved));
    },
  });
  const { register } = form.form;
  const e = form.errorsOf;
  const choice = <K extends keyof typeof LABELS>(name: K, label: string) => {
    const options = LABELS[name] as Record<string, string>;
    return (
      <Field id={`rf-${name}`} label={label} errors={e(name)}>
        <Select id={`rf-${name}`} {...register(name)} disabled={!canEdit}>
          <option value="">Deployment default: {options[deployment[name]]}</option>
          {Object.entries(options).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </Select>
      </Field>
    );
  };
  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold">How Relay calls RainFocus</h2>
      <p className="mb-4 mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        RainFocus publishes no token URL, write path or request shape for the Attendee Store. Each choice below is
        <strong> unconfirmed</strong>; leave a field on its deployment default unless RainFocus told you otherwise. Test the connection after a change.
      </p>
      <form onSubmit={form.submit} noValidate className="grid gap-4 md:grid-cols-2">
        {choice("writeStyle", "Write style")}
        {choice("tokenGrant", "Token grant")}
        <Field id="rf-tokenUrl" label="Token URL" hint={`Blank: ${deployment.tokenUrl} (a path is relative to the RainFocus API URL).`} errors={e("tokenUrl")}>
          <TextInput
            id="rf-tokenUrl"
            {...register("tokenUrl")}
            invalid={!!e("tokenUrl")}
            placeholder={deployment.tokenUrl}
            disabled={!canEdit}
            maxLength={500}
          />
        </Field>
        {choice("orgPlacement", "Where orgid and environment are sent")}
        <Field id="rf-apiProfile" label="apiProfile value" hint={`Blank: ${deployment.apiProfile || "the Client ID"}.`} errors={e("apiProfile")}>
          <TextInput
            id="rf-apiProfile"
            {...register("apiProfile")}
            invalid={!!e("apiProfile")}
            placeholder={deployment.apiProfile || "the Client ID"}
            disabled={!canEdit}
            maxLength={200}
            autoComplete="off"
          />
        </Field>
        {choice("apiProfilePlacement", "apiProfile placement")}
        {form.error ? (
          <div className="md:col-span-2">
            <Alert tone="error">{form.error}</Alert>
          </div>
        ) : null}
        {form.saved ? (
          <div className="md:col-span-2">
            <Alert tone="success">RainFocus settings saved. Test the connection to confirm them.</Alert>
          </div>
        ) : null}
        {canEdit ? (
          <div className="md:col-span-2">
            <Button type="submit" disabled={form.pending}>
              Save RainFocus settings
            </Button>
          </div>
        ) : null}
      </form>
    </Card>
  );
}
