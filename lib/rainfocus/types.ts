import type { AllowList } from "../outbound/allow-list";
import type { Exchange } from "../http/types";
import type { TokenCache, TokenRequestListener } from "../http/token-cache";
import type { RainfocusSettings, RainfocusSettingsOverride } from "./settings";

export type RainfocusEnvironment = "dev" | "prod";

/** A RainFocus API Profile with OAuth (Global) and the Attendee Store endpoint enabled. */
export interface RainfocusCredentials {
  clientId: string;
  clientSecret: string;
  orgId: string;
  environment: RainfocusEnvironment;
  /**
   * The `apiProfile` query value. UNCONFIRMED publicly; we default it to the client id (see
   * emulators/README.md) and let a profile override it.
   */
  apiProfile?: string;
  /** This profile's overrides of the deployment's unconfirmed settings (lib/rainfocus/settings.ts). */
  settings?: RainfocusSettingsOverride;
}

export interface RainfocusClientConfig {
  /** e.g. https://api.rainfocus.com */
  apiUrl: string;
  allowList: AllowList;
  timeoutMs?: number;
  /** UNCONFIRMED in public docs; default `/oauth/token` relative to apiUrl. May be absolute. Superseded by settings.tokenUrl. */
  tokenPath?: string;
  /** The deployment's settings (RAINFOCUS_* env); a credential's `settings` override them. */
  settings?: Partial<RainfocusSettings>;
  tokenCache?: TokenCache;
  /** Called after each request to the token endpoint (the token-refresh metric). */
  onTokenRequest?: TokenRequestListener;
}

/** The Attendee Store fields the AEP destination can map to. */
export const ATTENDEE_FIELDS = [
  "address1",
  "address2",
  "city",
  "companyname",
  "countryid",
  "email",
  "firstname",
  "lastname",
  "jobtitle",
  "phone",
  "state",
  "zip",
] as const;

export type AttendeeField = (typeof ATTENDEE_FIELDS)[number];
export type AttendeeInput = Partial<Record<AttendeeField, string>> & { email: string };

export type RainfocusErrorCode =
  | "bad_credentials"
  | "invalid_request"
  | "not_found"
  | "rate_limited"
  | "unavailable"
  | "network"
  | "timeout"
  | "not_allowed"
  | "redirect"
  | "too_large"
  | "unexpected";

export interface RainfocusFailure {
  code: RainfocusErrorCode;
  message: string;
  retryable: boolean;
  retryAfterMs?: number;
  status?: number;
  /** RainFocus's own `responseCode` ("103" = required parameter missing) or OAuth `error`. */
  responseCode?: string;
  exchange?: Exchange;
}

export type RainfocusResult<T> = { ok: true; data: T; exchange: Exchange; refreshed: boolean } | ({ ok: false } & RainfocusFailure);

export interface UpsertedAttendee {
  attendeeId: string;
  email: string;
  /** Unknown in the attendee-update style (it answers only {attendeeId}). */
  created?: boolean;
}

export interface ApiProfileLogEntry {
  id: string;
  at: string;
  method: string;
  path: string;
  status: number;
  responseCode?: string;
  event?: string;
  message?: string;
}
