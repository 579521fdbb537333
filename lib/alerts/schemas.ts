import { z } from "zod";

export const ALERT_KINDS = ["failure_ratio", "queue_age", "auth_failures"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_LABELS: Record<AlertKind, string> = {
  failure_ratio: "Failure ratio",
  queue_age: "Queue age",
  auth_failures: "Inbound authentication failures",
};

const orDefault = <T extends z.ZodType>(d: number, schema: T) => z.preprocess((v) => (v === undefined || v === "" ? d : v), schema);
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** The alert settings form and saveAlertRuleAction parse with this one schema. */
export const AlertRuleSchema = z.object({
  failureEnabled: checkbox,
  failurePercent: z.coerce.number().min(0).max(100),
  failureWindowMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  failureMinDeliveries: z.coerce.number().int().min(1).max(1_000_000),
  queueEnabled: checkbox,
  queueAgeMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
  authFailuresEnabled: checkbox,
  // Added after the first release: callers that do not send them keep the defaults.
  authFailuresPerWindow: orDefault(20, z.coerce.number().int().min(1).max(1_000_000)),
  authFailuresWindowMinutes: orDefault(
    5,
    z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60),
  ),
  webhookUrl: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), z.string().trim().url().max(2000).nullable().default(null)),
});
export type AlertRuleInput = z.infer<typeof AlertRuleSchema>;

export type AlertStatus = {
  kind: AlertKind;
  state: "FIRING" | "RECOVERED";
  message: string;
  since: string;
  /** The filtered delivery log that shows what tripped it. */
  href: string;
};
