import "server-only";
import { db } from "@/lib/db";
import { PUSH_TYPES } from "@/lib/push-types/catalog";

// The push types a profile can enable: the built-in catalog (lib/push-types/, pure, shared with
// the browser and the emulators) plus the ones admins added (CustomPushType rows). Not about any
// one profile: a profile's own selection is its ProfilePushType rows.

export type PushTypeOption = {
  name: string;
  label: string;
  description: string;
  confirmed: boolean;
  custom: boolean;
  fields: string[];
  sample: unknown;
};

function fieldsOf(value: unknown, prefix = ""): string[] {
  if (!value || typeof value !== "object" || Array.isArray(value)) return prefix ? [prefix] : [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => fieldsOf(v, prefix ? `${prefix}.${k}` : k));
}

/** The built-in catalog plus the push types admins added. */
export async function listPushTypes(): Promise<PushTypeOption[]> {
  const custom = await db.customPushType.findMany({ orderBy: { name: "asc" } });
  return [
    ...PUSH_TYPES.map((p) => ({
      name: p.name,
      label: p.label,
      description: p.description,
      confirmed: p.confirmed,
      custom: false,
      fields: [...p.fields],
      sample: p.samplePayload,
    })),
    ...custom.map((c) => ({
      name: c.name,
      label: c.label,
      description: c.description,
      confirmed: false,
      custom: true,
      fields: fieldsOf(c.sample),
      sample: c.sample,
    })),
  ];
}

export async function knownPushTypeNames(): Promise<Set<string>> {
  return new Set((await listPushTypes()).map((p) => p.name));
}
