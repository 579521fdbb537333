import { parseJson, toExchange } from "../http/exchange";
import { httpRequest } from "../http/request";
import type { Exchange, HttpResult } from "../http/types";
import { responseFailure, transportFailure } from "./failure";
import { joinUrl, RainfocusOAuthClient } from "./oauth-client";
import type { RainfocusSettings } from "./settings";
import type { ApiProfileLogEntry, AttendeeInput, RainfocusClientConfig, RainfocusCredentials, RainfocusResult, UpsertedAttendee } from "./types";

// UNCONFIRMED paths (RainFocus publishes none for these); see emulators/README.md.
export const ATTENDEE_STORE_PATH = "/api/attendee/store";
export const ATTENDEE_LOOKUP_PATH = "/api/attendee";
export const PROFILE_LOGS_PATH = "/api/apiprofile/logs";
/** The only public attendee write (third-party legacy code, API-CONTRACTS.md §7). */
export const attendeeUpdatePath = (orgId: string) => `/api/${encodeURIComponent(orgId)}/v2/attendee/update`;

type Call = { method: "GET" | "POST"; path: string; query: Record<string, string>; body?: unknown; what: string };

/**
 * Attendee Store and API-profile logs. Every `/api` call carries `apiProfile` (RainFocus answers
 * 400 responseCode 103 without it) — in the query or a header — and, unless the token grant is
 * `none`, a bearer token; a 401 refreshes the token once. How each unconfirmed part is sent comes
 * from the settings (lib/rainfocus/settings.ts).
 */
export class RainfocusClient {
  readonly oauth: RainfocusOAuthClient;

  constructor(
    private readonly config: RainfocusClientConfig,
    oauth?: RainfocusOAuthClient,
  ) {
    this.oauth = oauth ?? new RainfocusOAuthClient(config);
  }

  settings(c: RainfocusCredentials): RainfocusSettings {
    return this.oauth.settings(c);
  }

  /** Creates or updates attendees of one event, matched by email, in the configured write style. */
  async upsertAttendees(c: RainfocusCredentials, eventCode: string, attendees: AttendeeInput[]): Promise<RainfocusResult<UpsertedAttendee[]>> {
    if (this.settings(c).writeStyle === "attendee-update") {
      // One attendee per call: the caller sends chunks of one (send-destination.ts); more are sent in turn.
      const out: UpsertedAttendee[] = [];
      let last: { exchange: Exchange; refreshed: boolean } | undefined;
      for (const a of attendees) {
        const r = await this.updateAttendee(c, eventCode, a);
        if (!r.ok) return r;
        out.push(r.data);
        last = r;
      }
      if (!last) return { ok: false, code: "invalid_request", message: "No attendees to write.", retryable: false };
      return { ok: true, data: out, exchange: last.exchange, refreshed: last.refreshed };
    }
    return this.call(c, { method: "POST", path: ATTENDEE_STORE_PATH, query: { event: eventCode }, body: { attendees }, what: "Attendee upsert" }, (b) => {
      const list = (b as { attendees?: unknown })?.attendees;
      return Array.isArray(list) ? (list as UpsertedAttendee[]) : undefined;
    });
  }

  /**
   * `POST /api/{org}/v2/attendee/update` with one flat attendee `{event, email, firstname, …}`,
   * answering `{attendeeId}`. The legacy example spells the country and state `countryId` and
   * `stateId`; the other fields keep the destination's names.
   */
  updateAttendee(c: RainfocusCredentials, eventCode: string, a: AttendeeInput): Promise<RainfocusResult<UpsertedAttendee>> {
    const { countryid, state, ...rest } = a;
    const body = {
      event: eventCode,
      ...rest,
      ...(countryid !== undefined ? { countryId: countryid } : {}),
      ...(state !== undefined ? { stateId: state } : {}),
    };
    return this.call(c, { method: "POST", path: attendeeUpdatePath(c.orgId), query: {}, body, what: "Attendee update" }, (b) => {
      const id = (b as { attendeeId?: unknown })?.attendeeId;
      return typeof id === "string" || typeof id === "number" ? { attendeeId: String(id), email: a.email } : undefined;
    });
  }

  /**
   * Test connection's write probe: the configured write call with no attendee in it, which a
   * RainFocus that accepts the path, apiProfile, token and org refuses as a bad request — proving
   * everything but the attendee data without writing anything.
   */
  probeWrite(c: RainfocusCredentials, eventCode: string): Promise<RainfocusResult<unknown>> {
    const update = this.settings(c).writeStyle === "attendee-update";
    return this.call(
      c,
      update
        ? { method: "POST", path: attendeeUpdatePath(c.orgId), query: {}, body: { event: eventCode }, what: "Attendee update (empty probe)" }
        : { method: "POST", path: ATTENDEE_STORE_PATH, query: { event: eventCode }, body: { attendees: [] }, what: "Attendee upsert (empty probe)" },
      (b) => b ?? {},
    );
  }

  getAttendee(c: RainfocusCredentials, eventCode: string, email: string): Promise<RainfocusResult<Record<string, unknown>>> {
    return this.call(c, { method: "GET", path: ATTENDEE_LOOKUP_PATH, query: { event: eventCode, email }, what: "Attendee lookup" }, (b) => {
      const a = (b as { attendee?: unknown })?.attendee;
      return a && typeof a === "object" ? (a as Record<string, unknown>) : undefined;
    });
  }

  /** What RainFocus logged for this API profile, newest first. */
  listLogs(c: RainfocusCredentials, opts: { since?: Date; limit?: number } = {}): Promise<RainfocusResult<ApiProfileLogEntry[]>> {
    const q: Record<string, string> = { limit: String(opts.limit ?? 50) };
    if (opts.since) q.since = opts.since.toISOString();
    return this.call(c, { method: "GET", path: PROFILE_LOGS_PATH, query: q, what: "Reading API profile logs" }, (b) => {
      const logs = (b as { logs?: unknown })?.logs;
      return Array.isArray(logs) ? (logs as ApiProfileLogEntry[]) : undefined;
    });
  }

  private async call<T>(c: RainfocusCredentials, req: Call, parse: (body: unknown) => T | undefined): Promise<RainfocusResult<T>> {
    const s = this.settings(c);
    const url = new URL(joinUrl(this.config.apiUrl, req.path));
    const apiProfile = s.apiProfile || c.apiProfile || c.clientId;
    const headers: Record<string, string> = { Accept: "application/json", ...(req.body !== undefined ? { "Content-Type": "application/json" } : {}) };
    if (s.apiProfilePlacement === "header") headers.apiProfile = apiProfile;
    else url.searchParams.set("apiProfile", apiProfile);
    if (s.orgPlacement === "query") {
      url.searchParams.set("orgid", c.orgId);
      url.searchParams.set("environment", c.environment);
    } else if (s.orgPlacement === "header") {
      headers.orgid = c.orgId;
      headers.environment = c.environment;
    }
    for (const [k, v] of Object.entries(req.query)) url.searchParams.set(k, v);
    const send = (token: string | null) =>
      httpRequest({
        method: req.method,
        url: url.toString(),
        headers: { ...headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
        allowList: this.config.allowList,
        timeoutMs: this.config.timeoutMs,
      });

    let r: HttpResult;
    let refreshed = false;
    if (s.tokenGrant === "none") {
      r = await send(null);
    } else {
      const t1 = await this.oauth.getToken(c);
      if (!t1.ok) return t1;
      r = await send(t1.accessToken);
      if (r.kind === "response" && r.status === 401) {
        // An expired or revoked token: one new token, one more try; the delivery engine owns the rest.
        this.oauth.invalidate(c, t1.accessToken);
        const t2 = await this.oauth.getToken(c);
        if (!t2.ok) return t2;
        r = await send(t2.accessToken);
        refreshed = true;
      }
    }
    if (r.kind === "error") return { ok: false, ...transportFailure(r) };
    if (!r.ok) return { ok: false, ...responseFailure(r, req.what) };
    const data = parse(parseJson(r.body));
    if (data === undefined) {
      return { ok: false, code: "unexpected", message: `${req.what}: unexpected answer.`, retryable: false, exchange: toExchange(r) };
    }
    return { ok: true, data, exchange: toExchange(r), refreshed };
  }
}
