"use client";
import { TimeAgo } from "@/components/time-ago";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getDeliveryAction, listMyTestSendsAction, sendTestEventAction, testEventSampleAction } from "@/lib/delivery-log/actions";
import { unwrap } from "@/lib/actions/unwrap";
import { deliveryKeys, testEventKeys } from "@/lib/query-keys";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/page-header";
import { Field, Select } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { DeliveryStatusBadge, HttpStatus, JsonBlock } from "@/components/ui/delivery-status";
import { AttemptTimeline } from "../deliveries/[id]/attempt-timeline";
import { JsonEditor, jsonError } from "./json-editor";

type Target = { id: string; name: string; status: string; demo: boolean; direction: "SOURCE" | "DESTINATION"; pushTypes: string[] };
/** DESTINATION profiles test with a synthetic AEP profile in one of the shapes AEP exports. */
const AEP_FORMAT_LABELS: Record<string, string> = { "aep:http-api": "HTTP API destination profile", "aep:sdk": "Destination SDK profile" };
const SETTLED = ["DELIVERED", "FAILED", "DEAD"];

function LiveResult({ id }: { id: string }) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: deliveryKeys.detail(id),
    queryFn: () => unwrap(getDeliveryAction({ deliveryId: id })),
    refetchInterval: (query) => (query.state.data && SETTLED.includes(query.state.data.status) ? false : 700),
  });
  const d = q.data;
  const settled = !!d && SETTLED.includes(d.status);
  // "Your test sends" shows the same delivery: once it settles here, it settles there.
  useEffect(() => {
    if (settled) void qc.invalidateQueries({ queryKey: testEventKeys.history() });
  }, [settled, qc]);
  if (q.error) return <Alert tone="error">{q.error.message}</Alert>;
  if (!d) return <p className="text-sm text-zinc-500">Stored; waiting for the worker…</p>;
  return (
    <div role="region" className="space-y-4" aria-label="Test result">
      <div className="flex flex-wrap items-center gap-3">
        <span data-testid="test-status">
          <DeliveryStatusBadge status={d.status} />
        </span>
        <span className="text-sm">
          {d.attempts} attempt{d.attempts === 1 ? "" : "s"} · last HTTP <HttpStatus code={d.lastStatusCode} />
        </span>
        {!SETTLED.includes(d.status) ? <span className="text-xs text-zinc-500">following live…</span> : null}
        <Link href={`/deliveries/${d.id}`} className="ml-auto text-sm text-brand-600 hover:underline">
          Open delivery
        </Link>
      </div>
      {d.lastError ? <Alert tone={d.status === "DELIVERED" ? "info" : d.status === "RETRYING" ? "warning" : "error"}>{d.lastError}</Alert> : null}
      <div className="space-y-2">
        <div className="flex items-center gap-2">
          <h3 className="text-sm font-semibold">{d.direction === "DESTINATION" ? "Mapped attendee" : "Mapped XDM"}</h3>
          {d.validation.kind === "xdm" ? (
            <Badge tone={d.validation.ok ? "green" : "red"}>{d.validation.ok ? "valid XDM" : `${d.validation.errors.length} XDM errors`}</Badge>
          ) : null}
        </div>
        <JsonBlock value={d.mappedPayload} label={d.direction === "DESTINATION" ? "Mapped attendee" : "Mapped XDM"} className="max-h-64" />
      </div>
      <div>
        <h3 className="mb-3 text-sm font-semibold">HTTP exchange</h3>
        <AttemptTimeline attempts={d.attemptLog} nextAttemptAt={d.nextAttemptAt} />
      </div>
    </div>
  );
}

export function TestEventsClient({ targets }: { targets: Target[] }) {
  const qc = useQueryClient();
  const initial = targets.find((t) => t.status === "ACTIVE" && t.demo) ?? targets.find((t) => t.status === "ACTIVE") ?? targets[0];
  const [profileId, setProfileId] = useState(initial?.id ?? "");
  const target = targets.find((t) => t.id === profileId);
  const [pushType, setPushType] = useState(target?.pushTypes.includes("SessionScheduled") ? "SessionScheduled" : (target?.pushTypes[0] ?? ""));
  const [synthetic, setSynthetic] = useState(false);
  const [text, setText] = useState("");
  const [sentId, setSentId] = useState<string | null>(null);

  const sample = useQuery({
    queryKey: testEventKeys.sample(profileId, pushType),
    queryFn: () => unwrap(testEventSampleAction({ profileId, pushType })),
    enabled: !!profileId && !!pushType,
    staleTime: Infinity,
  });
  // The editor starts from the sample and is then the user's own text, so it lives in state. A new
  // sample (another push type or profile) replaces the text only while it is the sample it started
  // from: an edited payload is kept, and the new sample waits behind a button.
  const sampleText = useMemo(() => (sample.data ? JSON.stringify(sample.data.payload, null, 2) : null), [sample.data]);
  const startedFrom = useRef<string | null>(null);
  const [heldSample, setHeldSample] = useState<string | null>(null);
  const loadSample = (next: string) => {
    startedFrom.current = next;
    setText(next);
    setHeldSample(null);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: reacts to a new sample only; the text is read as it is then.
  useEffect(() => {
    if (sampleText === null) return;
    if (text === "" || text === startedFrom.current) loadSample(sampleText);
    else if (sampleText !== text) setHeldSample(sampleText);
  }, [sampleText]);

  // Polls while any of the list is still on its way, so no status stays "Queued" after it settled.
  const history = useQuery({
    queryKey: testEventKeys.history(),
    queryFn: () => unwrap(listMyTestSendsAction({})),
    refetchInterval: (query) => (query.state.data?.some((h) => !SETTLED.includes(h.status)) ? 2000 : false),
  });
  const send = useMutation({
    mutationFn: (input: { profileId: string; pushType: string; payload?: Record<string, unknown>; syntheticAttendee?: boolean }) =>
      unwrap(sendTestEventAction(input)),
    onSuccess: async (r) => {
      setSentId(r.deliveryId);
      await qc.invalidateQueries({ queryKey: testEventKeys.history() });
    },
  });
  const resend = useMutation({
    mutationFn: async (id: string) => {
      const d = await unwrap(getDeliveryAction({ deliveryId: id }));
      const pushType = d.pushType ?? (d.inboundFormat === "http-api" ? "aep:http-api" : "aep:sdk");
      return unwrap(sendTestEventAction({ profileId: d.profile.id, pushType, payload: d.sourcePayload as Record<string, unknown> }));
    },
    onSuccess: async (r) => {
      setSentId(r.deliveryId);
      await qc.invalidateQueries({ queryKey: testEventKeys.history() });
    },
  });

  if (targets.length === 0) {
    return (
      <Card>
        <EmptyState title="No profile yet">Create and activate a profile first; test events go through its real pipeline.</EmptyState>
      </Card>
    );
  }
  const invalid = !!jsonError(text);
  const inactive = target && target.status !== "ACTIVE";
  const destination = target?.direction === "DESTINATION";
  return (
    <div className="grid gap-5 xl:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
      <div className="space-y-5">
        <Card className="space-y-4 p-4">
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="te-profile" label="Profile">
              <Select
                id="te-profile"
                value={profileId}
                onChange={(e) => {
                  setProfileId(e.target.value);
                  const t = targets.find((x) => x.id === e.target.value);
                  setPushType(t?.pushTypes[0] ?? "");
                }}
              >
                {targets.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                    {t.status !== "ACTIVE" ? ` (${t.status.toLowerCase()})` : ""}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="te-push-type" label={destination ? "AEP format" : "Push type"}>
              <Select id="te-push-type" value={pushType} onChange={(e) => setPushType(e.target.value)} disabled={!target?.pushTypes.length}>
                {target?.pushTypes.length ? (
                  target.pushTypes.map((p) => (
                    <option key={p} value={p}>
                      {AEP_FORMAT_LABELS[p] ?? p}
                    </option>
                  ))
                ) : (
                  <option value="">No push type enabled</option>
                )}
              </Select>
            </Field>
          </div>
          {inactive ? <Alert tone="warning">This profile is {target!.status.toLowerCase()}: activate it to send test events through it.</Alert> : null}
          {sample.error ? <Alert tone="error">{sample.error.message}</Alert> : null}
          {heldSample ? (
            <Alert tone="info">
              <span className="flex flex-wrap items-center justify-between gap-2">
                Your edited payload is kept; the {AEP_FORMAT_LABELS[pushType] ?? pushType} sample was not loaded over it.
                <Button variant="secondary" size="sm" onClick={() => loadSample(heldSample)}>
                  Load the sample
                </Button>
              </span>
            </Alert>
          ) : null}
          <JsonEditor
            label="Payload"
            value={text}
            onChange={setText}
            {...(destination ? { validHint: "Valid JSON: one AEP profile, sent as a test delivery." } : {})}
          />
          <div className="flex flex-wrap items-center justify-between gap-3">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={synthetic} onChange={(e) => setSynthetic(e.target.checked)} />
              {destination ? "Give it a synthetic test email (qa.…@relay-test.example.com)" : "Generate a synthetic attendee (qa.…@relay-test.example.com)"}
            </label>
            <div className="flex gap-2">
              <Button variant="ghost" size="sm" onClick={() => sampleText !== null && loadSample(sampleText)}>
                Reset to sample
              </Button>
              <Button
                disabled={invalid || !pushType || !!inactive || send.isPending}
                onClick={() => send.mutate({ profileId, pushType, payload: JSON.parse(text), syntheticAttendee: synthetic })}
              >
                {send.isPending ? "Sending…" : "Send test event"}
              </Button>
            </div>
          </div>
          {send.error ? <Alert tone="error">{send.error.message}</Alert> : null}
        </Card>
        <Card>
          <h2 className="border-b border-zinc-200 px-4 py-2.5 text-sm font-semibold dark:border-zinc-800">Your test sends</h2>
          {history.data?.length ? (
            <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Your test sends">
              {history.data.map((h) => (
                <li key={h.id} className="flex items-center gap-3 px-4 py-2 text-sm">
                  <DeliveryStatusBadge status={h.status} />
                  <Link href={`/deliveries/${h.id}`} className="min-w-0 flex-1 truncate hover:underline">
                    {h.pushType ?? "AEP profile"} · {h.profile.name}
                  </Link>
                  <TimeAgo date={h.receivedAt} className="text-xs text-zinc-500" />
                  <Button size="sm" variant="ghost" onClick={() => resend.mutate(h.id)} disabled={resend.isPending}>
                    Resend
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="px-4 py-6 text-center text-sm text-zinc-500">Nothing sent yet.</p>
          )}
          {resend.error ? (
            <div className="p-3">
              <Alert tone="error">{resend.error.message}</Alert>
            </div>
          ) : null}
        </Card>
      </div>
      <Card className="min-w-0 p-4">
        <h2 className="mb-3 text-sm font-semibold">Result</h2>
        {sentId ? (
          <LiveResult key={sentId} id={sentId} />
        ) : (
          <p className="text-sm text-zinc-500">
            Send a test event to see what the worker mapped (XDM for AEP, the attendee for RainFocus), the request it sent, the answer, and the final status,
            live.
          </p>
        )}
      </Card>
    </div>
  );
}
