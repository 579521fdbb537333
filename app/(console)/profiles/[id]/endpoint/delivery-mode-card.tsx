"use client";
import { refreshDataflowAction, setDeliveryModeAction } from "@/lib/profiles/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { useMutation } from "@tanstack/react-query";
import { unwrap } from "@/lib/actions/unwrap";
import { useProfile } from "../profile-context";
import { DataPrepExport } from "./data-prep-export";

const MODES = [
  {
    value: "XDM",
    title: "Relay maps (XDM-compliant dataflow)",
    body: "In AEP, the dataflow is an HTTP API source with XDM-compliant data. Relay maps each RainFocus push with the mapping published here, validates it against the schema, and sends Adobe's XDM envelope naming the dataflow's dataset and schema. Recommended: what you preview in Relay is what lands in AEP.",
  },
  {
    value: "RAW",
    title: "AEP maps (raw dataflow, as RainFocus does today)",
    body: "Use the dataflow RainFocus's own AEP source creates (Sources → RainFocus, mapped with Data Prep in AEP). Relay forwards each push unchanged, with the dataflow's ID in x-adobe-flow-id, one request per event; AEP's Data Prep does the mapping: export Relay's mapping to it as a Data Prep mapping set below.",
  },
] as const;

export function DeliveryModeCard() {
  const { profile, canEdit, setProfile } = useProfile();
  const mode = useMutation({
    mutationFn: (deliveryMode: "XDM" | "RAW") => unwrap(setDeliveryModeAction({ profileId: profile.id, version: profile.version, deliveryMode })),
    onSuccess: setProfile,
  });
  const refresh = useMutation({ mutationFn: () => unwrap(refreshDataflowAction({ profileId: profile.id })), onSuccess: setProfile });
  if (profile.direction !== "SOURCE") return null;
  const found = profile.delivery.discovered;
  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold">Delivery mode</h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        How Relay talks to your AEP dataflow. Pick the one that matches how the dataflow was created in AEP.
      </p>
      <fieldset className="mt-4 grid gap-3 md:grid-cols-2" disabled={!canEdit || mode.isPending} aria-label="Delivery mode">
        {MODES.map((m) => (
          <label
            key={m.value}
            className={`flex cursor-pointer gap-3 rounded-lg border p-4 text-sm ${profile.delivery.mode === m.value ? "border-brand-500 bg-brand-50/50 dark:bg-brand-950/30" : "border-zinc-200 dark:border-zinc-800"}`}
          >
            <input
              type="radio"
              name="deliveryMode"
              value={m.value}
              checked={profile.delivery.mode === m.value}
              onChange={() => mode.mutate(m.value)}
              className="mt-1"
            />
            <span>
              <span className="block font-medium">{m.title}</span>
              <span className="mt-1 block text-zinc-600 dark:text-zinc-400">{m.body}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {mode.error ? (
        <div className="mt-3">
          <Alert tone="error">{mode.error.message}</Alert>
        </div>
      ) : null}
      {profile.delivery.mode === "XDM" ? (
        <div className="mt-5 border-t border-zinc-200 pt-4 text-sm dark:border-zinc-800">
          <h3 className="font-medium">Dataset and schema of the dataflow</h3>
          {found ? (
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" aria-label="Discovered dataflow target">
              <dt className="text-zinc-500">Dataset ID</dt>
              <dd className="font-mono text-xs break-all" data-testid="discovered-dataset">
                {found.datasetId}
              </dd>
              <dt className="text-zinc-500">Schema</dt>
              <dd className="font-mono text-xs break-all" data-testid="discovered-schema">
                {found.schemaId}
              </dd>
              <dt className="text-zinc-500">Read from AEP</dt>
              <dd>{found.at ? new Date(found.at).toLocaleString() : "—"}</dd>
            </dl>
          ) : (
            <p className="mt-1 text-zinc-600 dark:text-zinc-400">
              Not read yet. Relay reads them from the dataflow through Flow Service with this profile&apos;s Adobe credentials: save the dataflow ID below, then
              press Test connection (or the button here).
            </p>
          )}
          {canEdit ? (
            <Button
              className="mt-3"
              variant="secondary"
              size="sm"
              disabled={refresh.isPending || !profile.endpoint.dataflowId}
              onClick={() => refresh.mutate()}
            >
              {refresh.isPending ? "Reading…" : "Read again from AEP"}
            </Button>
          ) : null}
          {refresh.error ? (
            <div className="mt-3">
              <Alert tone="error">{refresh.error.message}</Alert>
            </div>
          ) : null}
        </div>
      ) : (
        <DataPrepExport profileId={profile.id} canEdit={canEdit} />
      )}
    </Card>
  );
}
