import { z } from "zod";
import { DB_DATE_MESSAGE, isDbDate } from "@/lib/db-date-range";

// One filter for every view of the delivery log: the page (through the URL), the REST API, the
// export and bulk replay all parse it with this schema, so "the same filters" is literally true.

export const DELIVERY_STATUSES = ["QUEUED", "DELIVERING", "DELIVERED", "RETRYING", "FAILED", "DEAD"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const TIME_RANGES = { "15m": 15 * 60_000, "1h": 3600_000, "24h": 24 * 3600_000, "7d": 7 * 24 * 3600_000, "30d": 30 * 24 * 3600_000 } as const;
export type TimeRange = keyof typeof TIME_RANGES;

export const HTTP_CLASSES = ["2xx", "3xx", "4xx", "5xx", "none"] as const;

const statusList = z
  .string()
  .max(200)
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim().toUpperCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(DELIVERY_STATUSES)).max(6));

/** A bare date ("2026-11-23") means the start of that day (UTC) as a lower bound, its end as an upper one. */
const isoDate = (end: boolean) =>
  z
    .string()
    .max(40)
    .transform((s) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T${end ? "23:59:59.999" : "00:00:00.000"}Z` : s))
    .refine((d) => !Number.isNaN(d.getTime()), "Invalid date")
    .refine((d) => Number.isNaN(d.getTime()) || isDbDate(d), DB_DATE_MESSAGE);

export const DeliveryFilterSchema = z.object({
  profileId: z.string().max(100).optional(),
  direction: z.enum(["SOURCE", "DESTINATION"]).optional(),
  status: statusList.optional(),
  pushType: z.string().max(100).optional(),
  http: z.enum(HTTP_CLASSES).optional(),
  range: z.enum(Object.keys(TIME_RANGES) as [TimeRange, ...TimeRange[]]).optional(),
  from: isoDate(false).optional(),
  to: isoDate(true).optional(),
  /** "yes": test events only; "no": production only; absent: both. */
  test: z.enum(["yes", "no"]).optional(),
  /** A published version number, or "default" for the direction's built-in mapping. */
  mappingVersion: z.union([z.literal("default"), z.coerce.number().int().min(1)]).optional(),
  /** Deliveries with at least one failed attempt, even if a later attempt succeeded. */
  failedAttempts: z.enum(["1"]).optional(),
  /**
   * Deliveries with an attempt of this outcome made in the time range (range/from/to then bound the
   * attempts, not the receipt): what the dashboard counts. "replayed" = delivered on a replay.
   */
  attempt: z.enum(["delivered", "replayed", "failed"]).optional(),
  /** With `attempt`: the attempt's error is the dashboard's top error with this key (md5 of its first 160 characters). */
  attemptError: z
    .string()
    .regex(/^[0-9a-f]{32}$/, "Not an error key from the dashboard.")
    .optional(),
  /** Transmission id (exact), attendee id, email or error text. */
  q: z.string().trim().max(200).optional(),
  /**
   * One person in both directions: an email (RainFocus pushes by attendee.email, AEP profiles by
   * their email attribute or email_lc_sha256 identity), a RainFocus attendee id, or the hash itself.
   * Not one of the log's URL filters: the attendee timeline page is its own view.
   */
  attendee: z.string().trim().min(1).max(200).optional(),
});
export type DeliveryFilter = z.infer<typeof DeliveryFilterSchema>;

/** The URL/query keys of the filter, in display order. */
export const FILTER_KEYS = [
  "profileId",
  "direction",
  "status",
  "pushType",
  "http",
  "range",
  "from",
  "to",
  "test",
  "mappingVersion",
  "failedAttempts",
  "attempt",
  "attemptError",
  "q",
] as const;

/** Empty strings from forms and URLs mean "no filter". */
export function cleanFilterInput(input: unknown): unknown {
  if (!input || typeof input !== "object") return input;
  return Object.fromEntries(Object.entries(input as Record<string, unknown>).filter(([, v]) => v !== "" && v !== null && v !== undefined));
}

export const ListDeliveriesSchema = z.preprocess(
  cleanFilterInput,
  DeliveryFilterSchema.extend({
    cursor: z.string().max(120).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  }),
);
export type ListDeliveriesInput = z.infer<typeof ListDeliveriesSchema>;

export const DeliveryIdSchema = z.object({ deliveryId: z.string().min(1).max(100) });

export const ReplayModeSchema = z.enum(["original", "current"]);
export type ReplayMode = z.infer<typeof ReplayModeSchema>;

export const ReplayOneSchema = z.object({ deliveryId: z.string().min(1).max(100), useMapping: ReplayModeSchema.default("original") });

export const BulkReplaySchema = z.object({
  filter: z.preprocess(cleanFilterInput, DeliveryFilterSchema),
  useMapping: ReplayModeSchema.default("original"),
  /** Required, never defaulted: an empty body must not replay the whole log. */
  dryRun: z.boolean(),
  /** Freezes the set at the time of the preview so deliveries arriving later are not swept in. */
  until: z.coerce.date().refine(isDbDate, DB_DATE_MESSAGE).optional(),
  /** Keyset position to continue from (the UI replays batch by batch to show progress). */
  cursor: z.string().max(120).optional(),
  batchSize: z.number().int().min(1).max(5000).optional(),
});
export type BulkReplayInput = z.infer<typeof BulkReplaySchema>;

export const SendTestEventSchema = z.object({
  profileId: z.string().min(1).max(100),
  pushType: z.string().min(1).max(100),
  /** The payload to send; absent = the push type's sample. transmissionId and eventType are set by Relay. */
  payload: z.record(z.string(), z.unknown()).optional(),
  syntheticAttendee: z.boolean().optional(),
});
export type SendTestEventInput = z.infer<typeof SendTestEventSchema>;

export const TestSampleSchema = z.object({
  profileId: z.string().min(1).max(100),
  pushType: z.string().min(1).max(100),
  syntheticAttendee: z.boolean().optional(),
});
