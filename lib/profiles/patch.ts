import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/roles";
import type { AuditAction } from "@/lib/audit/write-audit";
import { DomainError, fieldErrorsOf } from "@/lib/errors";
import * as S from "./schemas";
import {
  adobeChange,
  basicsChange,
  deliveryModeChange,
  endpointChange,
  mergeChanges,
  pushTypesChange,
  rainfocusChange,
  rainfocusSettingsChange,
  type ProfileChange,
} from "./changes";
import { getProfileOrThrow } from "./service";
import { changeProfile } from "./change-profile";

type Part = { schema: z.ZodType; change: (input: never) => ProfileChange | Promise<ProfileChange>; audit: AuditAction };

// The sections of PATCH /api/v1/profiles/{id}, each with the schema and checks of its UI form.
const PARTS: Record<string, Part> = {
  basics: { schema: S.UpdateBasicsSchema, change: basicsChange, audit: "profile.update" },
  adobe: { schema: S.AdobeCredentialsSchema, change: adobeChange, audit: "profile.credentials.adobe" },
  rainfocus: { schema: S.RainfocusCredentialsSchema, change: rainfocusChange, audit: "profile.credentials.rainfocus" },
  rainfocusSettings: { schema: S.RainfocusSettingsFormSchema, change: rainfocusSettingsChange, audit: "profile.settings.rainfocus" },
  endpoint: { schema: S.EndpointSchema, change: endpointChange, audit: "profile.endpoint" },
  pushTypes: { schema: S.PushTypesSchema, change: pushTypesChange, audit: "profile.pushTypes" },
  delivery: { schema: S.DeliveryModeSchema, change: deliveryModeChange, audit: "profile.deliveryMode" },
};

/**
 * PATCH { version, basics?, adobe?, rainfocus?, rainfocusSettings?, endpoint?, pushTypes?, delivery? }: every part is parsed and
 * checked first, then all are saved in one transaction with one audit event. A refused part saves
 * nothing (it used to save the parts before it and answer with `appliedParts`).
 */
export async function patchProfile(profileId: string, body: unknown, ctx: { actor: Actor; ip: string | null }) {
  if (!body || typeof body !== "object" || Array.isArray(body) || typeof (body as { version?: unknown }).version !== "number") {
    throw new DomainError("Send { version, …parts } with the profile's current version.", "invalid");
  }
  const { version, ...rest } = body as Record<string, unknown> & { version: number };
  const unknownParts = Object.keys(rest).filter((k) => !Object.hasOwn(PARTS, k));
  if (unknownParts.length) throw new DomainError(`Unknown fields: ${unknownParts.join(", ")}.`, "invalid");
  const names = Object.keys(rest);
  if (!names.length) return getProfileOrThrow(profileId);

  const changes: ProfileChange[] = [];
  for (const name of names) {
    const part = PARTS[name];
    const value = name === "pushTypes" ? { pushTypes: rest.pushTypes } : rest[name];
    if (!value || typeof value !== "object" || Array.isArray(value)) throw new DomainError(`"${name}" must be an object.`, "invalid");
    const parsed = part.schema.safeParse({ ...value, profileId, version });
    if (!parsed.success) throw new DomainError("Please correct the highlighted fields.", "invalid", fieldErrorsOf(parsed.error));
    const { profileId: _id, version: _v, ...input } = parsed.data as Record<string, unknown>;
    changes.push(await part.change(input as never));
  }
  const audit = names.length === 1 ? PARTS[names[0]].audit : "profile.update";
  return changeProfile(profileId, { version, ...mergeChanges(changes), audit }, ctx);
}
