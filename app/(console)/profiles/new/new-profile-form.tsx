"use client";
import Link from "next/link";
import { useState } from "react";
import { createProfileAction } from "@/lib/profiles/actions";
import { CreateProfileSchema } from "@/lib/profiles/schemas";
import { useZodActionForm } from "@/components/forms/use-zod-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, TextInput } from "@/components/ui/field";
import { SetupSteps, setupSteps } from "../setup-steps";
import { Alert } from "@/components/ui/alert";
import { SecretReveal } from "../../settings/users/secret-reveal";
import { AepNoAuthUrl } from "@/components/aep-no-auth-url";

const DIRECTIONS = [
  {
    value: "SOURCE",
    title: "RainFocus → AEP (source)",
    text: "RainFocus pushes attendee experience events; Relay maps them to XDM and streams them to your AEP dataflow.",
  },
  {
    value: "DESTINATION",
    title: "AEP → RainFocus (destination)",
    text: "AEP's streaming destination sends audience profiles; Relay upserts them into the event's RainFocus attendee store.",
  },
] as const;

export function NewProfileForm({ baseUrl }: { baseUrl: string }) {
  const [created, setCreated] = useState<{ id: string; secret: string; direction: string } | null>(null);
  const { form, submit, errorsOf, pending, error } = useZodActionForm({
    schema: CreateProfileSchema,
    defaultValues: { name: "", eventCode: "", direction: "SOURCE", rainfocusEnvironment: "prod" },
    action: createProfileAction,
    onSuccess: (data) => setCreated({ id: data.profile.id, secret: data.inboundSecret, direction: data.profile.direction }),
  });
  const direction = form.watch("direction");

  if (created) {
    const url = `${baseUrl}/api/v1/inbound/${created.direction === "SOURCE" ? "rainfocus" : "aep"}/${created.id}`;
    return (
      <Card className="space-y-4 p-6">
        <SetupSteps steps={setupSteps(created.direction as "SOURCE" | "DESTINATION", null, { basics: true }, "credentials")} />
        <Alert tone="success">Profile created as a draft.</Alert>
        <div>
          <p className="text-sm font-medium">{created.direction === "SOURCE" ? "Signed-webhook URL" : "Inbound URL"}</p>
          <code data-testid="inbound-url" className="mt-1 block rounded bg-zinc-100 px-2 py-1 font-mono text-xs break-all dark:bg-zinc-800">
            {url}
          </code>
          <p className="mt-1 text-xs text-zinc-500">
            {created.direction === "SOURCE"
              ? "RainFocus itself posts to the AEP-compatible inlet URL, which the Endpoint step shows. This URL and the secret below are for senders that can sign each push with X-RF-Signature (HMAC-SHA256)."
              : "Use this URL as the AEP destination's HTTP Endpoint, with the secret below as the Bearer token (or as the OAuth 2 client secret; see Destination details)."}
          </p>
        </div>
        <SecretReveal label="Inbound secret" secret={created.secret} onDone={() => {}} />
        {created.direction === "DESTINATION" ? <AepNoAuthUrl endpoint={url} profileId={created.id} secret={created.secret} /> : null}
        <Link
          href={`/profiles/${created.id}/credentials`}
          className="inline-flex h-9 items-center rounded-md bg-brand-600 px-3.5 text-sm font-medium text-white hover:bg-brand-700"
        >
          Continue: credentials
        </Link>
      </Card>
    );
  }

  return (
    <Card className="p-6">
      <div className="mb-5">
        <SetupSteps steps={setupSteps(direction, null, {}, "basics")} />
      </div>
      <form onSubmit={submit} noValidate className="max-w-2xl space-y-5">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <fieldset>
          <legend className="mb-2 text-sm font-medium">Direction</legend>
          <div className="grid gap-3 md:grid-cols-2">
            {DIRECTIONS.map((d) => (
              <label
                key={d.value}
                className={`cursor-pointer rounded-lg border p-4 ${direction === d.value ? "border-brand-500 ring-2 ring-brand-500/30" : "border-zinc-200 dark:border-zinc-700"}`}
              >
                <input type="radio" value={d.value} {...form.register("direction")} className="sr-only" />
                <span className="block text-sm font-semibold">{d.title}</span>
                <span className="mt-1 block text-xs text-zinc-600 dark:text-zinc-400">{d.text}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field id="name" label="Profile name" errors={errorsOf("name")} hint="e.g. Summit 2026 → AEP">
          <TextInput id="name" required maxLength={100} invalid={!!errorsOf("name")} {...form.register("name")} />
        </Field>
        <Field
          id="eventCode"
          label={direction === "SOURCE" ? "RainFocus event code" : "Event ID"}
          errors={errorsOf("eventCode")}
          hint="The RainFocus event code, e.g. summit2026."
        >
          <TextInput id="eventCode" required maxLength={64} invalid={!!errorsOf("eventCode")} {...form.register("eventCode")} />
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create profile"}
        </Button>
      </form>
    </Card>
  );
}
