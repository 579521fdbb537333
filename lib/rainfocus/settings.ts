import { z } from "zod";

// The parts of the RainFocus API that are NOT published (API-CONTRACTS.md §7 and its corrections):
// every one is a setting, per deployment (env) and overridable per integration profile. The
// defaults are what Relay has always sent; none of them is confirmed by RainFocus. Pure; shared
// by lib/env.ts and the worker process.

export const WRITE_STYLES = ["batch-store", "attendee-update"] as const;
export const TOKEN_GRANTS = ["client_credentials", "client_credentials_basic", "none"] as const;
export const ORG_PLACEMENTS = ["token-form", "query", "header"] as const;
export const API_PROFILE_PLACEMENTS = ["query", "header"] as const;

export const RainfocusSettingsSchema = z.object({
  /** Token endpoint, absolute or relative to RAINFOCUS_API_URL. UNCONFIRMED (no client_credentials endpoint is published). */
  tokenUrl: z.string().trim().min(1).max(500),
  /** client_credentials with the client in the form body, or in a Basic header; `none` = no token, the apiProfile key alone (the legacy public example). */
  tokenGrant: z.enum(TOKEN_GRANTS),
  /** How `orgid` and `environment` travel: token-request form fields, query parameters of every API call, or headers of every API call. UNCONFIRMED. */
  orgPlacement: z.enum(ORG_PLACEMENTS),
  /** The `apiProfile` value; empty = the API profile's client ID. UNCONFIRMED. */
  apiProfile: z.string().trim().max(200),
  /** `apiProfile` as a query parameter (the only probed form: 400 responseCode 103 without it) or a header. */
  apiProfilePlacement: z.enum(API_PROFILE_PLACEMENTS),
  /**
   * `batch-store`: POST /api/attendee/store?event= with {attendees:[…]} (Relay's historical guess);
   * `attendee-update`: POST /api/{org}/v2/attendee/update with one flat attendee {event, email, …}
   * returning {attendeeId} (the only public example, third-party legacy code). Both UNCONFIRMED.
   */
  writeStyle: z.enum(WRITE_STYLES),
});
export type RainfocusSettings = z.infer<typeof RainfocusSettingsSchema>;

/** A profile's overrides: any subset; absent = the deployment's value. */
export const RainfocusSettingsOverrideSchema = RainfocusSettingsSchema.partial();
export type RainfocusSettingsOverride = z.infer<typeof RainfocusSettingsOverrideSchema>;

export const DEFAULT_RAINFOCUS_SETTINGS: RainfocusSettings = {
  tokenUrl: "/oauth/token",
  tokenGrant: "client_credentials",
  orgPlacement: "token-form",
  apiProfile: "",
  apiProfilePlacement: "query",
  writeStyle: "batch-store",
};

export const RainfocusEnvShape = {
  RAINFOCUS_TOKEN_URL: z.string().trim().min(1).default(DEFAULT_RAINFOCUS_SETTINGS.tokenUrl),
  RAINFOCUS_TOKEN_GRANT: z.enum(TOKEN_GRANTS).default(DEFAULT_RAINFOCUS_SETTINGS.tokenGrant),
  RAINFOCUS_ORG_PLACEMENT: z.enum(ORG_PLACEMENTS).default(DEFAULT_RAINFOCUS_SETTINGS.orgPlacement),
  RAINFOCUS_API_PROFILE: z.string().trim().default(DEFAULT_RAINFOCUS_SETTINGS.apiProfile),
  RAINFOCUS_API_PROFILE_PLACEMENT: z.enum(API_PROFILE_PLACEMENTS).default(DEFAULT_RAINFOCUS_SETTINGS.apiProfilePlacement),
  RAINFOCUS_WRITE_STYLE: z.enum(WRITE_STYLES).default(DEFAULT_RAINFOCUS_SETTINGS.writeStyle),
};

const RainfocusEnvSchema = z.object(RainfocusEnvShape);

/** The deployment's settings, from process.env-like values (lib/env.ts's or the worker's); throws on an invalid value. */
export function rainfocusSettingsFromEnv(raw: Record<string, unknown>): RainfocusSettings {
  const e = RainfocusEnvSchema.parse(raw);
  return {
    tokenUrl: e.RAINFOCUS_TOKEN_URL,
    tokenGrant: e.RAINFOCUS_TOKEN_GRANT,
    orgPlacement: e.RAINFOCUS_ORG_PLACEMENT,
    apiProfile: e.RAINFOCUS_API_PROFILE,
    apiProfilePlacement: e.RAINFOCUS_API_PROFILE_PLACEMENT,
    writeStyle: e.RAINFOCUS_WRITE_STYLE,
  };
}

/** The deployment's settings with a profile's overrides (a stored JSON value, validated here). */
export function effectiveRainfocusSettings(base: RainfocusSettings, override: unknown): RainfocusSettings {
  const parsed = RainfocusSettingsOverrideSchema.safeParse(override ?? {});
  if (!parsed.success) return base;
  const o = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  return { ...base, ...o };
}

/** A profile's stored overrides as the `settings` of its credentials (nothing when none are valid). */
export function rainfocusOverrides(stored: unknown): { settings?: RainfocusSettingsOverride } {
  const parsed = RainfocusSettingsOverrideSchema.safeParse(stored ?? {});
  if (!parsed.success) return {};
  const o = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as RainfocusSettingsOverride;
  return Object.keys(o).length ? { settings: o } : {};
}

/**
 * The deployment's settings as the browser may see them (the Credentials page's defaults): the
 * apiProfile value is the only RainFocus credential with the token grant "none", so viewers get
 * its last 4 characters, as for every other secret.
 */
export function rainfocusSettingsForBrowser(s: RainfocusSettings): RainfocusSettings {
  const key = s.apiProfile;
  return { ...s, apiProfile: !key ? "" : key.length <= 8 ? "••••" : `••••${key.slice(-4)}` };
}
