"use client";
import { useState } from "react";
import { updateAdobeCredentialsAction } from "@/lib/profiles/actions";
import { AdobeCredentialsSchema } from "@/lib/profiles/schemas";
import type { ProfileView } from "@/lib/profiles/view";
import { useZodActionForm } from "@/components/forms/use-zod-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, TextInput } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { useProfile } from "../profile-context";
import { ConnectionTestPanel } from "./connection-test";

const MAX_PEM_BYTES = 16_000;

/** What the form shows for a saved profile: stored values, secrets blank (blank keeps them). */
function defaultsOf(profile: ProfileView) {
  const a = profile.adobe;
  return {
    profileId: profile.id,
    version: profile.version,
    adobeAuthMethod: a.authMethod,
    adobeClientId: a.clientId ?? "",
    adobeClientSecret: "",
    adobeTechnicalAccountId: a.technicalAccountId ?? "",
    adobeOrgId: a.orgId ?? "",
    adobeSandboxName: a.sandboxName ?? "prod",
    adobeScopes: a.scopes ?? "",
    tenantId: profile.tenantId ?? "",
    adobePrivateKey: "",
  };
}

export function AdobeCredentialsForm() {
  const { profile, canEdit, setProfile } = useProfile();
  const a = profile.adobe;
  const [pemError, setPemError] = useState<string | null>(null);
  const form = useZodActionForm({
    schema: AdobeCredentialsSchema,
    defaultValues: defaultsOf(profile),
    // The version is the profile's current one (another section may have saved since).
    action: (v) =>
      updateAdobeCredentialsAction({
        ...v,
        profileId: profile.id,
        version: profile.version,
        adobePrivateKey: v.adobeAuthMethod === "JWT" ? v.adobePrivateKey : "",
      }),
    onSuccess: (saved) => {
      setProfile(saved);
      form.form.reset(defaultsOf(saved));
    },
  });
  const { register } = form.form;
  const method = form.form.watch("adobeAuthMethod");
  const e = form.errorsOf;

  async function onKeyFile(file: File | undefined) {
    form.form.setValue("adobePrivateKey", "");
    setPemError(null);
    if (!file) return;
    if (file.size > MAX_PEM_BYTES) return setPemError(`The key file is ${Math.round(file.size / 1024)} KB; a PEM private key is under 16 KB.`);
    const text = await file.text();
    if (!/-----BEGIN (RSA |ENCRYPTED )?PRIVATE KEY-----/.test(text)) return setPemError("This file is not a PEM private key (-----BEGIN PRIVATE KEY-----).");
    form.form.setValue("adobePrivateKey", text);
    form.form.clearErrors("adobePrivateKey");
  }

  const secretHint = (mask: string | null) => (mask ? `Stored: ${mask}. Leave blank to keep it; type a new one to replace it.` : "Not set yet.");
  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold">Adobe Experience Platform</h2>
      <p className="mb-4 mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        From your Adobe Developer Console project with the Experience Platform API (Credentials → OAuth Server-to-Server).
      </p>
      <form onSubmit={form.submit} noValidate className="grid gap-4 md:grid-cols-2">
        <fieldset className="md:col-span-2">
          <legend className="mb-2 text-sm font-medium">Authentication</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" value="OAUTH_S2S" {...register("adobeAuthMethod")} disabled={!canEdit} /> OAuth Server-to-Server
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" value="JWT" {...register("adobeAuthMethod")} disabled={!canEdit} /> Service Account (JWT){" "}
              <Badge tone="amber">Deprecated</Badge>
            </label>
          </div>
          {method === "JWT" ? (
            <div className="mt-2">
              <Alert tone="warning">
                JWT credentials reached end of life on 2025-06-30 and stop working when their certificate expires or on 2026-03-01. They are accepted for
                existing integrations; migrate to OAuth Server-to-Server.
              </Alert>
            </div>
          ) : null}
        </fieldset>
        <Field id="adobeClientId" label="Client ID" errors={e("adobeClientId")}>
          <TextInput id="adobeClientId" {...register("adobeClientId")} invalid={!!e("adobeClientId")} disabled={!canEdit} maxLength={200} autoComplete="off" />
        </Field>
        <Field id="adobeClientSecret" label="Client Secret" hint={secretHint(a.clientSecret)} errors={e("adobeClientSecret")}>
          <TextInput
            id="adobeClientSecret"
            type="password"
            {...register("adobeClientSecret")}
            invalid={!!e("adobeClientSecret")}
            placeholder={a.clientSecret ?? ""}
            disabled={!canEdit}
            maxLength={500}
            autoComplete="new-password"
          />
        </Field>
        <Field id="adobeTechnicalAccountId" label="Technical Account ID" hint="…@techacct.adobe.com" errors={e("adobeTechnicalAccountId")}>
          <TextInput
            id="adobeTechnicalAccountId"
            {...register("adobeTechnicalAccountId")}
            invalid={!!e("adobeTechnicalAccountId")}
            disabled={!canEdit}
            maxLength={200}
          />
        </Field>
        <Field id="adobeOrgId" label="Organization ID" hint="…@AdobeOrg" errors={e("adobeOrgId")}>
          <TextInput id="adobeOrgId" {...register("adobeOrgId")} invalid={!!e("adobeOrgId")} disabled={!canEdit} maxLength={200} />
        </Field>
        <Field id="adobeSandboxName" label="Sandbox name" hint="prod unless your dataflow lives in another sandbox." errors={e("adobeSandboxName")}>
          <TextInput id="adobeSandboxName" {...register("adobeSandboxName")} invalid={!!e("adobeSandboxName")} disabled={!canEdit} maxLength={64} />
        </Field>
        <Field id="tenantId" label="XDM tenant ID" hint="Your tenant namespace, e.g. acme for _acme fields." errors={e("tenantId")}>
          <TextInput id="tenantId" {...register("tenantId")} invalid={!!e("tenantId")} disabled={!canEdit} maxLength={64} />
        </Field>
        <div className="md:col-span-2">
          <Field
            id="adobeScopes"
            label="Scopes"
            hint="Comma-separated, copied from the Developer Console. Blank uses the usual AEP set."
            errors={e("adobeScopes")}
          >
            <TextInput id="adobeScopes" {...register("adobeScopes")} invalid={!!e("adobeScopes")} disabled={!canEdit} maxLength={1000} />
          </Field>
        </div>
        {method === "JWT" ? (
          <div className="md:col-span-2">
            <Field
              id="adobePrivateKey"
              label="Private key (.pem)"
              hint={a.privateKey ? `${a.privateKey}. Upload a new file to replace it.` : "The private key of the certificate attached to the integration."}
              errors={pemError ? [pemError] : e("adobePrivateKey")}
            >
              <input
                id="adobePrivateKey"
                type="file"
                accept=".pem,.key,application/x-pem-file"
                disabled={!canEdit}
                onChange={(ev) => onKeyFile(ev.target.files?.[0])}
                className="block text-sm"
              />
            </Field>
          </div>
        ) : null}
        {form.error ? (
          <div className="md:col-span-2">
            <Alert tone="error">{form.error}</Alert>
          </div>
        ) : null}
        {form.saved ? (
          <div className="md:col-span-2">
            <Alert tone="success">Adobe credentials saved. Test the connection to confirm them.</Alert>
          </div>
        ) : null}
        {canEdit ? (
          <div className="md:col-span-2">
            <Button type="submit" disabled={form.pending || !!pemError}>
              Save Adobe credentials
            </Button>
          </div>
        ) : null}
      </form>
      <div className="mt-4">
        <ConnectionTestPanel target="adobe" label="Adobe" last={profile.tests.adobe} />
      </div>
    </Card>
  );
}
