import { z } from "zod";
import { DB_DATE_MESSAGE, isDbDate } from "@/lib/db-date-range";

export const AuditFilterSchema = z.object({
  action: z.string().max(100).optional(),
  actor: z.string().max(320).optional(),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(100).optional(),
  from: z.coerce.date().refine(isDbDate, DB_DATE_MESSAGE).optional(),
  // A bare date ("2026-11-23") as the upper bound means the end of that day.
  to: z
    .string()
    .max(40)
    .optional()
    .transform((s) => (s ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T23:59:59.999Z` : s) : undefined))
    .refine((d) => !d || !Number.isNaN(d.getTime()), "Invalid date")
    .refine((d) => !d || Number.isNaN(d.getTime()) || isDbDate(d), DB_DATE_MESSAGE),
  cursor: z.string().max(100).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;
