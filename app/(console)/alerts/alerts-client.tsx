"use client";
import { AlertRuleSchema, type AlertRuleInput } from "@/lib/alerts/schemas";
import { saveAlertRuleAction } from "@/lib/alerts/actions";
import { useZodActionForm } from "@/components/forms/use-zod-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { Card } from "@/components/ui/card";

type NumberField =
  | "failurePercent"
  | "failureWindowMinutes"
  | "failureMinDeliveries"
  | "queueAgeMinutes"
  | "authFailuresPerWindow"
  | "authFailuresWindowMinutes";

export function AlertsClient({ rule, canEdit }: { rule: AlertRuleInput; canEdit: boolean }) {
  const { form, submit, errorsOf, pending, error, saved } = useZodActionForm({
    schema: AlertRuleSchema,
    defaultValues: { ...rule, webhookUrl: rule.webhookUrl ?? "" },
    action: saveAlertRuleAction,
  });
  const num = (name: NumberField, label: string, hint: string, step = "1") => (
    <Field id={name} label={label} hint={hint} errors={errorsOf(name)}>
      <TextInput id={name} type="number" min={0} step={step} disabled={!canEdit} invalid={!!errorsOf(name)} {...form.register(name)} />
    </Field>
  );
  const toggle = (name: "failureEnabled" | "queueEnabled" | "authFailuresEnabled", label: string) => (
    <label className="flex items-center gap-2 text-sm font-medium">
      <input type="checkbox" disabled={!canEdit} {...form.register(name)} /> {label}
    </label>
  );

  return (
    <Card className="p-5">
      <form className="space-y-5" onSubmit={submit} noValidate>
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
        <Field
          id="webhookUrl"
          label="Webhook URL (optional)"
          hint="Receives a JSON POST when an alert fires and when it recovers. Must be on the outbound allow-list."
          errors={errorsOf("webhookUrl")}
        >
          <TextInput
            id="webhookUrl"
            type="url"
            disabled={!canEdit}
            invalid={!!errorsOf("webhookUrl")}
            placeholder="https://hooks.example.com/relay"
            {...form.register("webhookUrl")}
          />
        </Field>
        {error ? <Alert tone="error">{error}</Alert> : null}
        {saved ? <Alert tone="success">Alert settings saved.</Alert> : null}
        {canEdit ? (
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save alert settings"}
          </Button>
        ) : null}
      </form>
    </Card>
  );
}
