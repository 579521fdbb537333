"use client";
import { useMutation } from "@tanstack/react-query";
import type { AlertRuleInput } from "@/lib/alerts/schemas";
import { saveAlertRuleAction } from "@/lib/alerts/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { Card } from "@/components/ui/page-header";

export function AlertsClient({ rule, canEdit }: { rule: AlertRuleInput; canEdit: boolean }) {
  const save = useMutation({ mutationFn: (form: FormData) => saveAlertRuleAction(Object.fromEntries(form)) });
  const result = save.data;
  const errors = result && !result.ok ? result.fieldErrors ?? {} : {};
  const num = (name: keyof AlertRuleInput, label: string, hint: string, step = "1") => (
    <Field id={name} label={label} hint={hint} errors={errors[name]}>
      <TextInput id={name} name={name} type="number" min={0} step={step} defaultValue={String(rule[name])} disabled={!canEdit} invalid={!!errors[name]} />
    </Field>
  );
  const toggle = (name: "failureEnabled" | "queueEnabled" | "authFailuresEnabled", label: string) => (
    <label className="flex items-center gap-2 text-sm font-medium">
      <input type="checkbox" name={name} defaultChecked={rule[name]} disabled={!canEdit} /> {label}
    </label>
  );

  return (
    <Card className="p-5">
      <form
        className="space-y-5"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(new FormData(e.currentTarget));
        }}
      >
        {!canEdit ? <Alert>Only admins can change the thresholds.</Alert> : null}
        <fieldset className="space-y-3">
          {toggle("failureEnabled", "Failure ratio")}
          <div className="grid gap-4 sm:grid-cols-3">
            {num("failurePercent", "Failed above (%)", "Failed attempts (retried, failed or dead) over all attempts.", "any")}
            {num("failureWindowMinutes", "Window (minutes)", "Attempts made in this window.")}
            {num("failureMinDeliveries", "Minimum attempts", "Fewer attempts in the window never fire.")}
          </div>
        </fieldset>
        <fieldset className="space-y-3">
          {toggle("queueEnabled", "Queue age")}
          <div className="grid gap-4 sm:grid-cols-3">{num("queueAgeMinutes", "Oldest waiting above (minutes)", "Queued, retrying or in flight.")}</div>
        </fieldset>
        <fieldset className="space-y-3">
          {toggle("authFailuresEnabled", "Inbound authentication failures")}
          <div className="grid gap-4 sm:grid-cols-3">
            {num("authFailuresPerWindow", "Refused above", "Inbound requests with a bad signature or token.")}
            {num("authFailuresWindowMinutes", "Window (minutes)", "Refusals counted in this window.")}
          </div>
        </fieldset>
        <Field id="webhookUrl" label="Webhook URL (optional)" hint="Receives a JSON POST when an alert fires and when it recovers. Must be on the outbound allow-list." errors={errors.webhookUrl}>
          <TextInput id="webhookUrl" name="webhookUrl" type="url" defaultValue={rule.webhookUrl ?? ""} disabled={!canEdit} invalid={!!errors.webhookUrl} placeholder="https://hooks.example.com/relay" />
        </Field>
        {result && !result.ok ? <Alert tone="error">{result.error}</Alert> : null}
        {result?.ok ? <Alert tone="success">Alert settings saved.</Alert> : null}
        {save.isError ? <Alert tone="error">Could not save the alert settings.</Alert> : null}
        {canEdit ? (
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save alert settings"}
          </Button>
        ) : null}
      </form>
    </Card>
  );
}
