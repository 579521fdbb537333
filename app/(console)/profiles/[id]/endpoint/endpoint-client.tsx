"use client";
import { updateEndpointAction } from "@/lib/profiles/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/page-header";
import { Field, TextInput } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useActionForm } from "@/components/use-action-form";
import { useProfile } from "../profile-context";

export function EndpointClient() {
  const { profile, canEdit, setProfile } = useProfile();
  const form = useActionForm(setProfile);
  const e = form.fieldErrors;
  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold">AEP streaming endpoint</h2>
      <div className="mb-4 mt-2"><Alert tone="info">
        In Adobe Experience Platform: <b>Sources</b> → your RainFocus dataflow → <b>Dataflow activity</b> → <b>Properties</b> panel.
        Copy the <b>Streaming endpoint</b> and the <b>Dataflow ID</b> from there. After creating or changing a dataflow, Adobe
        needs about 5 minutes before it accepts data.
      </Alert></div>
      <form key={profile.version} action={(f) => form.run(() => updateEndpointAction({ profileId: profile.id, version: profile.version, streamingEndpointUrl: f.get("streamingEndpointUrl"), dataflowId: f.get("dataflowId") }))} className="max-w-2xl space-y-4">
        <Field id="streamingEndpointUrl" label="Streaming endpoint URL" hint="https://dcs.adobedc.net/collection/{inletId}" errors={e.streamingEndpointUrl}>
          <TextInput id="streamingEndpointUrl" name="streamingEndpointUrl" type="url" defaultValue={profile.endpoint.streamingEndpointUrl ?? ""} disabled={!canEdit} maxLength={500} invalid={!!e.streamingEndpointUrl} />
        </Field>
        <Field id="dataflowId" label="Dataflow ID" hint="A UUID, e.g. 2ad0a1c4-3d4c-4f3b-9c51-a1b2c3d4e5f6; sent as x-adobe-flow-id." errors={e.dataflowId}>
          <TextInput id="dataflowId" name="dataflowId" defaultValue={profile.endpoint.dataflowId ?? ""} disabled={!canEdit} maxLength={36} invalid={!!e.dataflowId} />
        </Field>
        {form.error ? <Alert tone="error">{form.error}</Alert> : null}
        {form.saved ? <Alert tone="success">Endpoint saved.</Alert> : null}
        {canEdit ? <Button type="submit" disabled={form.pending}>Save endpoint</Button> : null}
      </form>
    </Card>
  );
}
