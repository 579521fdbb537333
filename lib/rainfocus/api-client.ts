import { parseJson, toExchange } from "../http/exchange";
import { httpRequest } from "../http/request";
import type { HttpResult } from "../http/types";
import { responseFailure, transportFailure } from "./failure";
import { joinUrl, RainfocusOAuthClient } from "./oauth-client";
import type {
  ApiProfileLogEntry,
  AttendeeInput,
  RainfocusClientConfig,
  RainfocusCredentials,
  RainfocusResult,
  UpsertedAttendee,
} from "./types";

// UNCONFIRMED paths (RainFocus publishes none for these); see emulators/README.md.
export const ATTENDEE_STORE_PATH = "/api/attendee/store";
export const ATTENDEE_LOOKUP_PATH = "/api/attendee";
export const PROFILE_LOGS_PATH = "/api/apiprofile/logs";

/**
 * Attendee Store and API-profile logs. Every `/api` call carries `apiProfile` (RainFocus answers
 * 400 responseCode 103 without it) and a bearer token; a 401 refreshes the token once.
 */
export class RainfocusClient {
  readonly oauth: RainfocusOAuthClient;

  constructor(private readonly config: RainfocusClientConfig, oauth?: RainfocusOAuthClient) {
    this.oauth = oauth ?? new RainfocusOAuthClient(config);
  }

  /** Creates or updates attendees of one event, matched by email. */
  upsertAttendees(c: RainfocusCredentials, eventCode: string, attendees: AttendeeInput[]): Promise<RainfocusResult<UpsertedAttendee[]>> {
    return this.call(c, "POST", ATTENDEE_STORE_PATH, { event: eventCode }, { attendees }, "Attendee upsert", (b) => {
      const list = (b as { attendees?: unknown })?.attendees;
      return Array.isArray(list) ? (list as UpsertedAttendee[]) : undefined;
    });
  }

  getAttendee(c: RainfocusCredentials, eventCode: string, email: string): Promise<RainfocusResult<Record<string, unknown>>> {
    return this.call(c, "GET", ATTENDEE_LOOKUP_PATH, { event: eventCode, email }, undefined, "Attendee lookup", (b) => {
      const a = (b as { attendee?: unknown })?.attendee;
      return a && typeof a === "object" ? (a as Record<string, unknown>) : undefined;
    });
  }

  /** What RainFocus logged for this API profile, newest first. */
  listLogs(c: RainfocusCredentials, opts: { since?: Date; limit?: number } = {}): Promise<RainfocusResult<ApiProfileLogEntry[]>> {
    const q: Record<string, string> = { limit: String(opts.limit ?? 50) };
    if (opts.since) q.since = opts.since.toISOString();
    return this.call(c, "GET", PROFILE_LOGS_PATH, q, undefined, "Reading API profile logs", (b) => {
      const logs = (b as { logs?: unknown })?.logs;
      return Array.isArray(logs) ? (logs as ApiProfileLogEntry[]) : undefined;
    });
  }

  private async call<T>(
    c: RainfocusCredentials,
    method: "GET" | "POST",
    path: string,
    query: Record<string, string>,
    body: unknown,
    what: string,
    parse: (body: unknown) => T | undefined,
  ): Promise<RainfocusResult<T>> {
    const url = new URL(joinUrl(this.config.apiUrl, path));
    url.searchParams.set("apiProfile", c.apiProfile || c.clientId);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const send = (token: string) =>
      httpRequest({
        method,
        url: url.toString(),
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: "application/json",
          ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        allowList: this.config.allowList,
        timeoutMs: this.config.timeoutMs,
      });

    const t1 = await this.oauth.getToken(c);
    if (!t1.ok) return t1;
    let r: HttpResult = await send(t1.accessToken);
    let refreshed = false;
    if (r.kind === "response" && r.status === 401) {
      // An expired or revoked token: one new token, one more try; the delivery engine owns the rest.
      this.oauth.invalidate(c, t1.accessToken);
      const t2 = await this.oauth.getToken(c);
      if (!t2.ok) return t2;
      r = await send(t2.accessToken);
      refreshed = true;
    }
    if (r.kind === "error") return { ok: false, ...transportFailure(r) };
    if (!r.ok) return { ok: false, ...responseFailure(r, what) };
    const data = parse(parseJson(r.body));
    if (data === undefined) {
      return { ok: false, code: "unexpected", message: `${what}: unexpected answer.`, retryable: false, exchange: toExchange(r) };
    }
    return { ok: true, data, exchange: toExchange(r), refreshed };
  }
}
