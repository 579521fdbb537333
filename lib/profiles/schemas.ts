import { z } from "zod";
import type { GRACE_HOURS } from "./rotation";
import { API_PROFILE_PLACEMENTS, ORG_PLACEMENTS, TOKEN_GRANTS, WRITE_STYLES } from "@/lib/rainfocus/settings";
import { describeJsonError } from "@/lib/json-error";

// One schema per form, shared by the browser form and the server action / REST route.
const id = z.string().min(1).max(100);
const version = z.coerce.number().int().positive();
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .optional()
    .transform((s) => s || null);
/** Replace-only secrets: blank means "keep the stored one". */
const replaceSecret = (max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters.`)
    .optional()
    .transform((s) => (s?.trim() ? s.trim() : undefined));

export const DATAFLOW_ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const EVENT_CODE_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** An Adobe DCS collection URL (https://dcs.adobedc.net/collection/{inletId} or a regional dcs host). */
export function checkStreamingEndpoint(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a full URL, e.g. https://dcs.adobedc.net/collection/{inletId}.";
  }
  const loopback = LOOPBACK.has(url.hostname);
  if (url.protocol !== "https:" && !(loopback && url.protocol === "http:")) return "The streaming endpoint must use https.";
  if (!loopback && !/^dcs(-[a-z0-9]+)?\.adobedc\.net$/.test(url.hostname) && !url.hostname.endsWith(".adobedc.net"))
    return "Use the Adobe streaming endpoint host (dcs.adobedc.net or a regional dcs-*.adobedc.net).";
  if (!/^\/collection\/[A-Za-z0-9_-]{8,128}$/.test(url.pathname)) return "The path must be /collection/{inletId}, as shown in the dataflow's Properties panel.";
  if (url.username || url.password) return "The URL must not contain credentials.";
  return null;
}

export const CreateProfileSchema = z.object({
  name: z.string().trim().min(1, "Give the profile a name.").max(100, "At most 100 characters."),
  direction: z.enum(["SOURCE", "DESTINATION"]),
  eventCode: z.string().trim().regex(EVENT_CODE_RE, "Letters, digits, - and _ (the RainFocus event code)."),
  rainfocusEnvironment: z.enum(["dev", "prod"]).default("prod"),
});

export const UpdateBasicsSchema = z.object({ profileId: id, version, name: CreateProfileSchema.shape.name, eventCode: CreateProfileSchema.shape.eventCode });

export const AdobeCredentialsSchema = z.object({
  profileId: id,
  version,
  adobeAuthMethod: z.enum(["OAUTH_S2S", "JWT"]),
  adobeClientId: optionalText(200),
  adobeClientSecret: replaceSecret(500),
  adobeTechnicalAccountId: optionalText(200).refine((s) => !s || /@techacct\.adobe\.com$/.test(s), "Ends with @techacct.adobe.com."),
  adobeOrgId: optionalText(200).refine((s) => !s || /@AdobeOrg$/.test(s), "Ends with @AdobeOrg."),
  adobeSandboxName: optionalText(64).refine((s) => !s || /^[a-z0-9-]+$/.test(s), "Lowercase letters, digits and -."),
  adobeScopes: optionalText(1000),
  tenantId: optionalText(64).refine((s) => !s || /^[a-z0-9_]+$/.test(s), "Your XDM tenant id, e.g. acme (lowercase, no leading _)."),
  adobePrivateKey: replaceSecret(16_000).refine((s) => !s || /-----BEGIN (RSA |ENCRYPTED )?PRIVATE KEY-----/.test(s), "Not a PEM private key."),
});

export const RainfocusCredentialsSchema = z.object({
  profileId: id,
  version,
  rainfocusClientId: optionalText(200),
  rainfocusSecret: replaceSecret(500),
  rainfocusOrgId: optionalText(100),
  rainfocusEnvironment: z.enum(["dev", "prod"]),
});

/** "" = the deployment's value (RAINFOCUS_* env); anything else overrides it for this profile. */
const inherit = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.literal(""), z.enum(values)]).transform((v) => (v === "" ? undefined : (v as T[number])));

export const RainfocusSettingsFormSchema = z.object({
  profileId: id,
  version,
  tokenUrl: z
    .string()
    .trim()
    .max(500, "At most 500 characters.")
    .refine(
      (v) => v === "" || v.startsWith("/") || /^https:\/\/[^\s]+$/.test(v) || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(v),
      "A path such as /oauth/token, or a full https URL.",
    )
    .transform((v) => v || undefined),
  tokenGrant: inherit(TOKEN_GRANTS),
  orgPlacement: inherit(ORG_PLACEMENTS),
  apiProfile: z
    .string()
    .trim()
    .max(200, "At most 200 characters.")
    .regex(/^[A-Za-z0-9._:@-]*$/, "Letters, digits and . _ : @ -.")
    .transform((v) => v || undefined),
  apiProfilePlacement: inherit(API_PROFILE_PLACEMENTS),
  writeStyle: inherit(WRITE_STYLES),
});

export const EndpointSchema = z.object({
  profileId: id,
  version,
  streamingEndpointUrl: z
    .string()
    .trim()
    .max(500)
    .superRefine((v, ctx) => {
      const problem = checkStreamingEndpoint(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  dataflowId: z.string().trim().regex(DATAFLOW_ID_RE, "A dataflow ID looks like 2ad0a1c4-3d4c-4f3b-9c51-a1b2c3d4e5f6."),
});

// GRACE_HOURS of ./rotation, spelled out so the type stays a union of literals.
const graceHours = z.union([z.literal(0), z.literal(1), z.literal(24), z.literal(168)]) satisfies z.ZodType<(typeof GRACE_HOURS)[number]>;
export const RotateSchema = z.object({ profileId: id, version, graceHours: graceHours.default(0), confirm: z.boolean().optional() });

export const DeliveryModeSchema = z.object({ profileId: id, version, deliveryMode: z.enum(["XDM", "RAW"]) });
export const RefreshDataflowSchema = z.object({ profileId: id });

export const PushTypesSchema = z.object({ profileId: id, version, pushTypes: z.array(z.string().max(64)).max(100) });
export const ProfileIdSchema = z.object({ profileId: id });
export const DeleteProfileSchema = z.object({ profileId: id, confirmName: z.string().max(100) });
export const TestConnectionSchema = z.object({ profileId: id, target: z.enum(["adobe", "rainfocus"]) });

export const CustomPushTypeSchema = z.object({
  name: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Za-z0-9]{2,63}$/, "PascalCase, e.g. BadgePrinted."),
  label: z.string().trim().min(1).max(80),
  description: z.string().trim().min(1).max(500),
  sample: z
    .string()
    .max(256_000, "The sample is larger than 256 KB.")
    .transform((s, ctx) => {
      let v: unknown;
      try {
        v = JSON.parse(s);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: `Not valid JSON: ${describeJsonError(s, e)}.` });
        return z.NEVER;
      }
      if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
      ctx.addIssue({ code: "custom", message: "The sample must be a JSON object." });
      return z.NEVER;
    }),
});
