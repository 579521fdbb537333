"use client";
import { updateEndpointAction } from "@/lib/profiles/actions";
import { EndpointSchema } from "@/lib/profiles/schemas";
import type { ProfileView } from "@/lib/profiles/view";
import { useZodActionForm } from "@/components/forms/use-zod-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, TextInput } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useProfile } from "../profile-context";

function defaultsOf(profile: ProfileView) {
  return {
    profileId: profile.id,
    version: profile.version,
    streamingEndpointUrl: profile.endpoint.streamingEndpointUrl ?? "",
    dataflowId: profile.endpoint.dataflowId ?? "",
  };
}

export function EndpointClient() {
  const { profile, canEdit, setProfile } = useProfile();
  const form = useZodActionForm({
    schema: EndpointSchema,
    defaultValues: defaultsOf(profile),
    action: (v) => updateEndpointAction({ ...v, profileId: profile.id, version: profile.version }),
    onSuccess: (saved) => {
      setProfile(saved);
      form.form.reset(defaultsOf(saved));
    },
  });
  const { register } = form.form;
  const e = form.errorsOf;
  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold">AEP streaming endpoint</h2>
      <div className="mb-4 mt-2">
        <Alert tone="info">
          In Adobe Experience Platform: <b>Sources</b> → your RainFocus dataflow → <b>Dataflow activity</b> → <b>Properties</b> panel. Copy the{" "}
          <b>Streaming endpoint</b> and the <b>Dataflow ID</b> from there. After creating or changing a dataflow, Adobe needs about 5 minutes before it accepts
          data.
        </Alert>
      </div>
      <form onSubmit={form.submit} noValidate className="max-w-2xl space-y-4">
        <Field id="streamingEndpointUrl" label="Streaming endpoint URL" hint="https://dcs.adobedc.net/collection/{inletId}" errors={e("streamingEndpointUrl")}>
          <TextInput
            id="streamingEndpointUrl"
            type="url"
            {...register("streamingEndpointUrl")}
            disabled={!canEdit}
            maxLength={500}
            invalid={!!e("streamingEndpointUrl")}
          />
        </Field>
        <Field id="dataflowId" label="Dataflow ID" hint="A UUID, e.g. 2ad0a1c4-3d4c-4f3b-9c51-a1b2c3d4e5f6; sent as x-adobe-flow-id." errors={e("dataflowId")}>
          <TextInput id="dataflowId" {...register("dataflowId")} disabled={!canEdit} maxLength={36} invalid={!!e("dataflowId")} />
        </Field>
        {form.error ? <Alert tone="error">{form.error}</Alert> : null}
        {form.saved ? <Alert tone="success">Endpoint saved.</Alert> : null}
        {canEdit ? (
          <Button type="submit" disabled={form.pending}>
            Save endpoint
          </Button>
        ) : null}
      </form>
    </Card>
  );
}
