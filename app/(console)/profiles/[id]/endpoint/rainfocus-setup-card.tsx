"use client";
import { useState } from "react";
import { revealInletAction, rotateInletAction } from "@/lib/profiles/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { useMutation } from "@tanstack/react-query";
import { unwrap } from "@/lib/actions/unwrap";
import { useProfile } from "../profile-context";
import { RotateDialog } from "../rotate-dialog";

/** Step by step, what to paste where in AEP and in RainFocus so RainFocus posts to Relay. */
export function RainfocusSetupCard() {
  const { profile, canEdit, baseUrl, setProfile } = useProfile();
  const [revealed, setRevealed] = useState<{ inletId: string; previousInletId: string | null } | null>(null);
  const [rotating, setRotating] = useState(false);
  const reveal = useMutation({ mutationFn: () => unwrap(revealInletAction({ profileId: profile.id })), onSuccess: setRevealed });
  const rotate = useMutation({
    mutationFn: (v: { graceHours: number; confirm?: true }) => unwrap(rotateInletAction({ profileId: profile.id, version: profile.version, ...v })),
    onSuccess: (p) => {
      setProfile(p);
      setRotating(false);
      setRevealed(null);
    },
  });
  if (profile.direction !== "SOURCE") return null;
  const inletUrl = (id: string) => `${baseUrl}/api/v1/inbound/collection/${id}`;
  const inUse = profile.status === "ACTIVE" || profile.status === "PAUSED";
  const raw = profile.delivery.mode === "RAW";

  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold">Point RainFocus at Relay</h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        RainFocus&apos;s AEP integration profile asks for Adobe credentials, a <b>Streaming endpoint URL</b> and a <b>Dataflow ID</b>, and posts raw JSON there
        as it would to AEP. Give it Relay&apos;s inlet instead: Relay answers as AEP does and delivers to your dataflow.
      </p>
      <ol className="mt-4 list-decimal space-y-4 pl-5 text-sm">
        <li>
          <b>In AEP</b>:{" "}
          {raw
            ? "Sources → Analytics → RainFocus. Upload RainFocus's sample payload (Mapping → Download sample here), map it with Data Prep, pick the dataset and finish."
            : "Sources → HTTP API. Create a dataflow with XDM-compatible data into a dataset of your RainFocus ExperienceEvent schema (no Data Prep mapping: Relay maps)."}{" "}
          Open the dataflow&apos;s <b>Dataflow activity</b> → <b>Properties</b> and copy its Streaming endpoint and Dataflow ID into the form above.
        </li>
        <li>
          <b>In RainFocus</b>: Libraries → Integration Profiles → your <i>Adobe Experience Platform CDP</i> profile:
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
            <dt className="text-zinc-500">Client ID, Client Secret, Technical Account ID, Org ID</dt>
            <dd>Your Adobe credentials, as RainFocus asks (Relay does not read them).</dd>
            <dt className="text-zinc-500">Streaming endpoint URL</dt>
            <dd>
              {!profile.inlet ? (
                <span>No inlet yet{canEdit ? ": create it below." : "."}</span>
              ) : revealed ? (
                <code data-testid="inlet-url" className="block font-mono text-xs break-all">
                  {inletUrl(revealed.inletId)}
                </code>
              ) : (
                <span className="font-mono text-xs">{`${baseUrl}/api/v1/inbound/collection/${profile.inlet.hint}`}</span>
              )}
              {!canEdit && profile.inlet ? <span className="block text-xs text-zinc-500">Admins and event ops can show the full URL.</span> : null}
            </dd>
            <dt className="text-zinc-500">Dataflow ID</dt>
            <dd className="font-mono text-xs" data-testid="setup-dataflow-id">
              {profile.endpoint.dataflowId ?? "save it in the form above first"}
            </dd>
          </dl>
        </li>
        <li>
          <b>In Relay</b>: activate this profile on the Overview. Events RainFocus pushes are then delivered to AEP and listed under Deliveries.
        </li>
      </ol>
      {canEdit ? (
        <div className="mt-5 flex flex-wrap items-center gap-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
          {profile.inlet ? (
            <>
              <Button
                size="sm"
                variant="secondary"
                disabled={reveal.isPending}
                onClick={() => (revealed ? navigator.clipboard?.writeText(inletUrl(revealed.inletId)).catch(() => {}) : reveal.mutate())}
              >
                {revealed ? "Copy URL" : "Show inlet URL"}
              </Button>
              <Button size="sm" variant="secondary" onClick={() => setRotating(true)}>
                Rotate inlet URL
              </Button>
            </>
          ) : (
            <Button size="sm" disabled={rotate.isPending} onClick={() => rotate.mutate({ graceHours: 0 })}>
              Create the inlet
            </Button>
          )}
          {profile.inlet?.previousValidUntil ? (
            <span className="text-xs text-amber-700 dark:text-amber-400">
              The previous inlet URL still works until {new Date(profile.inlet.previousValidUntil).toLocaleString()}.
            </span>
          ) : null}
        </div>
      ) : null}
      {reveal.error ? (
        <div className="mt-3">
          <Alert tone="error">{reveal.error.message}</Alert>
        </div>
      ) : null}
      {!rotating && rotate.error ? (
        <div className="mt-3">
          <Alert tone="error">{rotate.error.message}</Alert>
        </div>
      ) : null}
      <p className="mt-4 text-xs text-zinc-500">
        The inlet URL is a capability, like an unauthenticated AEP inlet: whoever has it can send events. Senders that can sign requests can use the signed
        webhook on the Overview instead.
      </p>
      <RotateDialog
        open={rotating}
        onClose={() => setRotating(false)}
        what="inlet URL"
        inUse={inUse}
        pending={rotate.isPending}
        error={rotate.error?.message ?? null}
        onConfirm={(graceHours) => rotate.mutate({ graceHours, confirm: true })}
      />
    </Card>
  );
}
