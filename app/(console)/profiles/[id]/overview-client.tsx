"use client";
import { LocalTime, TimeAgo } from "@/components/time-ago";
import Link from "next/link";
import { useState } from "react";
import { activateProfileAction, pauseProfileAction, rotateInboundSecretAction } from "@/lib/profiles/actions";
import { readinessChecklist, readinessInput } from "@/lib/profiles/readiness";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { useMutation } from "@tanstack/react-query";
import { unwrap } from "@/lib/actions/unwrap";
import { SecretReveal } from "../../settings/users/secret-reveal";
import { useProfile } from "./profile-context";
import { RotateDialog } from "./rotate-dialog";
import { AepNoAuthUrl } from "@/components/aep-no-auth-url";
import { BasicsForm } from "./basics-form";
import { DeleteProfileCard } from "./delete-profile-card";

export function OverviewClient() {
  const { profile, canEdit, isAdmin, baseUrl, setProfile } = useProfile();
  const items = readinessChecklist(readinessInput(profile));
  const missing = items.filter((i) => !i.done);
  const lifecycle = useMutation({
    mutationFn: (to: "pause" | "activate") => unwrap((to === "pause" ? pauseProfileAction : activateProfileAction)({ profileId: profile.id })),
    onSuccess: setProfile,
  });
  const [secret, setSecret] = useState<string | null>(null);
  const [rotating, setRotating] = useState(false);
  const rotate = useMutation({
    mutationFn: (graceHours: number) => unwrap(rotateInboundSecretAction({ profileId: profile.id, version: profile.version, graceHours, confirm: true })),
    onSuccess: (d) => {
      setProfile(d.profile);
      setSecret(d.inboundSecret);
      setRotating(false);
    },
  });
  const inbound = `${baseUrl}/api/v1/inbound/${profile.direction === "SOURCE" ? "rainfocus" : "aep"}/${profile.id}`;

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <Card className="p-5">
          <h2 className="text-base font-semibold">Readiness</h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {missing.length === 0
              ? "Everything required is in place."
              : `${missing.length} of ${items.length} still missing before this profile can be activated.`}
          </p>
          <ul aria-label="Readiness checklist" className="mt-4 space-y-2">
            {items.map((i) => (
              <li key={i.key} className="flex items-start gap-3 text-sm" data-done={i.done}>
                <span
                  aria-hidden
                  className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs text-white ${i.done ? "bg-emerald-600" : "bg-zinc-300 dark:bg-zinc-700"}`}
                >
                  {i.done ? "✓" : ""}
                </span>
                <div>
                  <span className={i.done ? "" : "font-medium"}>{i.label}</span>
                  <span className="sr-only">{i.done ? " (done)" : " (missing)"}</span>
                  {!i.done ? (
                    <div className="text-xs text-zinc-500">
                      {i.hint}{" "}
                      <Link
                        className="text-brand-600 underline"
                        href={i.section === "overview" ? `/profiles/${profile.id}` : `/profiles/${profile.id}/${i.section}`}
                      >
                        Go there
                      </Link>
                    </div>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
          {canEdit ? (
            <div className="mt-5 flex flex-wrap items-center gap-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
              {profile.status === "ACTIVE" ? (
                <Button variant="secondary" disabled={lifecycle.isPending} onClick={() => lifecycle.mutate("pause")}>
                  Pause
                </Button>
              ) : (
                <Button disabled={lifecycle.isPending || missing.length > 0} onClick={() => lifecycle.mutate("activate")}>
                  {profile.status === "PAUSED" ? "Resume" : "Activate"}
                </Button>
              )}
              <span className="text-xs text-zinc-500">
                {profile.status === "ACTIVE"
                  ? "Accepting and delivering events."
                  : profile.status === "PAUSED"
                    ? "Events are queued, not delivered; resume to deliver the backlog."
                    : "Only active profiles accept inbound events."}
              </span>
            </div>
          ) : null}
          {lifecycle.error ? (
            <div className="mt-3">
              <Alert tone="error">{lifecycle.error.message}</Alert>
            </div>
          ) : null}
        </Card>

        <BasicsForm key={profile.version} />
      </div>

      <div className="space-y-6">
        <Card className="space-y-3 p-5">
          <h2 className="text-base font-semibold">Inbound</h2>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {profile.direction === "SOURCE"
              ? "Signed webhook, for senders that can sign: POST push events here with X-RF-Signature. RainFocus itself posts to the AEP-compatible inlet shown on the Endpoint page."
              : "AEP's destination posts profiles here: Bearer <inbound secret>, an OAuth 2 token, or the URL for authentication None (Destination details)."}
          </p>
          <code data-testid="inbound-url" className="block rounded bg-zinc-100 px-2 py-1 font-mono text-xs break-all dark:bg-zinc-800">
            {inbound}
          </code>
          <p className="text-xs text-zinc-500">
            Inbound secret:{" "}
            {profile.inbound.configured ? (
              <>
                set
                {profile.inbound.rotatedAt ? (
                  <>
                    , last rotated <TimeAgo date={profile.inbound.rotatedAt} />
                  </>
                ) : null}
              </>
            ) : (
              "not set"
            )}
          </p>
          {profile.inbound.previousValidUntil ? (
            <p className="text-xs text-amber-700 dark:text-amber-400">
              The previous secret is still accepted until <LocalTime date={profile.inbound.previousValidUntil} />.
            </p>
          ) : null}
          {secret ? <SecretReveal label="New inbound secret" secret={secret} onDone={() => setSecret(null)} /> : null}
          {secret && profile.direction === "DESTINATION" ? <AepNoAuthUrl endpoint={inbound} profileId={profile.id} secret={secret} /> : null}
          {canEdit ? (
            <Button size="sm" variant="secondary" onClick={() => setRotating(true)}>
              Rotate inbound secret
            </Button>
          ) : null}
          <RotateDialog
            open={rotating}
            onClose={() => setRotating(false)}
            what="inbound secret"
            inUse={profile.status === "ACTIVE" || profile.status === "PAUSED"}
            pending={rotate.isPending}
            error={rotate.error?.message ?? null}
            onConfirm={(graceHours) => rotate.mutate(graceHours)}
          />
        </Card>
        {isAdmin ? <DeleteProfileCard /> : null}
      </div>
    </div>
  );
}
