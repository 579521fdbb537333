// "Test connection", the part that talks to the vendors: a fresh token from Adobe IMS or RainFocus
// with the credentials given, explained in words. No database: index.ts loads the profile and
// stores the result; contract tests call this against the emulators.
import { ImsClient } from "../../adobe/ims-client";
import type { AdobeClientConfig, AdobeCredentials } from "../../adobe/types";
import { RainfocusClient } from "../../rainfocus/api-client";
import type { RainfocusClientConfig, RainfocusCredentials } from "../../rainfocus/types";
import { TokenCache } from "../../http/token-cache";

export type ConnectionErrorCode = "bad_credentials" | "unreachable" | "not_allowed" | "timeout" | "unexpected";

export type ConnectionTestResult = { ok: true; detail: string; warnings: string[] } | { ok: false; code: ConnectionErrorCode; message: string };

interface Failure {
  code: string;
  message: string;
  status?: number;
}

export type AdobeTestConfig = Pick<AdobeClientConfig, "imsUrl" | "allowList" | "timeoutMs" | "scope" | "onTokenRequest"> & {
  /** When given, also checks that the profile's streaming endpoint is allowed. */
  streamingEndpointUrl?: string;
};

/**
 * "Test connection" on a profile: asks IMS for a fresh token (never the cached one, so a changed
 * secret is really tested) and explains the outcome in words. Messages never include secrets.
 */
export async function testAdobeConnection(creds: AdobeCredentials, config: AdobeTestConfig): Promise<ConnectionTestResult> {
  const host = hostOf(config.imsUrl);
  if (config.streamingEndpointUrl) {
    try {
      config.allowList.assertAllowed(config.streamingEndpointUrl);
    } catch (e) {
      return { ok: false, code: "not_allowed", message: `The streaming endpoint is refused: ${(e as Error).message}` };
    }
  }
  const ims = new ImsClient({ ...config, tokenCache: new TokenCache() });
  const r = await ims.requestToken(creds);
  if (r.ok) {
    const warnings =
      creds.authMethod === "JWT"
        ? ["JWT (Service Account) credentials reached end of life on 2025-06-30 and stop working by 2026-03-01. Move this profile to OAuth Server-to-Server."]
        : [];
    return { ok: true, detail: `Adobe IMS at ${host} issued an access token valid for ${lifetime(r.expiresAt - r.obtainedAt)}.`, warnings };
  }
  return explain(
    r,
    "Adobe IMS",
    host,
    "Check the client ID, client secret" + (creds.authMethod === "JWT" ? ", technical account ID and private key." : " and scopes."),
  );
}

export async function testRainfocusConnection(
  creds: RainfocusCredentials,
  config: Pick<RainfocusClientConfig, "apiUrl" | "allowList" | "timeoutMs" | "tokenPath" | "onTokenRequest" | "settings">,
  eventCode?: string,
): Promise<ConnectionTestResult> {
  const client = new RainfocusClient({ ...config, tokenCache: new TokenCache() });
  const s = client.settings(creds);
  const tokenHost = hostOf(client.oauth.tokenUrl(creds));
  let tokenDetail = "No token requested (token grant: none; the apiProfile key alone).";
  if (s.tokenGrant !== "none") {
    const r = await client.oauth.getToken(creds);
    if (!r.ok) return explain(r, "RainFocus", tokenHost, "Check the API profile's client ID, client secret, org ID and environment, and the token settings.");
    tokenDetail = `RainFocus (${creds.environment}) at ${tokenHost} issued an access token valid for ${lifetime(r.expiresAt - r.obtainedAt)}.`;
  }
  if (!eventCode) return { ok: true, detail: tokenDetail, warnings: [] };
  // The chosen write style, exercised without writing: an empty write, which RainFocus refuses as
  // a bad request once it has accepted the path, apiProfile, token and org.
  const style = s.writeStyle === "attendee-update" ? "one attendee per call (attendee/update)" : "batch Attendee Store";
  const w = await client.probeWrite(creds, eventCode);
  const host = hostOf(config.apiUrl);
  if (w.ok) return { ok: true, detail: `${tokenDetail} The ${style} write endpoint at ${host} answered ${w.exchange.response?.status ?? 200}.`, warnings: [] };
  if (w.code === "invalid_request" && w.responseCode !== "104" && !/apiProfile/i.test(w.message)) {
    return {
      ok: true,
      detail: `${tokenDetail} The ${style} write endpoint at ${host} accepted the credentials and refused the empty probe as a bad request, as expected (${w.message}).`,
      warnings: [],
    };
  }
  if (w.code === "not_found")
    return {
      ok: false,
      code: "unexpected",
      message: `RainFocus at ${host} has no ${style} endpoint at that path (HTTP 404). Check the write style and RAINFOCUS_API_URL.`,
    };
  if (w.code === "invalid_request")
    return {
      ok: false,
      code: "bad_credentials",
      message: `RainFocus refused the ${style} call: ${w.message}. Check the event code, org ID and the apiProfile setting.`,
    };
  return explain(w, "RainFocus", host, `Check the API profile's credentials and that its ${style} endpoint is enabled.`);
}

function explain(f: Failure, service: string, host: string, hint: string): ConnectionTestResult {
  switch (f.code) {
    case "bad_credentials":
      return { ok: false, code: "bad_credentials", message: `${service} rejected these credentials. ${hint} (${f.message})` };
    case "not_allowed":
      return {
        ok: false,
        code: "not_allowed",
        message: `${host} is not an allowed destination: ${f.message} An administrator can add hosts to the outbound allow-list.`,
      };
    case "network":
      return { ok: false, code: "unreachable", message: `Could not reach ${service} at ${host}: ${f.message}` };
    case "timeout":
      return { ok: false, code: "timeout", message: `${service} at ${host} did not answer in time. Try again later.` };
    case "rate_limited":
      return { ok: false, code: "unexpected", message: `${service} is throttling token requests right now. Try again in a few minutes.` };
    case "unavailable":
      return { ok: false, code: "unreachable", message: `${service} at ${host} is temporarily unavailable (HTTP ${f.status ?? "5xx"}). Try again later.` };
    default:
      return { ok: false, code: "unexpected", message: `${service} answered unexpectedly: ${f.message}` };
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 80);
  }
}

function lifetime(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 120) return `${min} min`;
  return `${Math.round(min / 60)} h`;
}
