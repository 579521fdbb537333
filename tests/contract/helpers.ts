import { createAllowList, DEFAULT_OUTBOUND_HOSTS } from "@/lib/outbound";
import { DEMO_ADOBE, DEMO_RAINFOCUS, startEmulators, type RunningEmulators } from "@/emulators/index";
import type { AdobeCredentials } from "@/lib/adobe";
import type { RainfocusCredentials } from "@/lib/rainfocus";

// Shared by the contract tests: emulators on free ports, a loopback-enabled allow-list, demo
// credentials and small helpers for the control API.

export const allowLoopback = createAllowList({ hosts: DEFAULT_OUTBOUND_HOSTS, allowLoopback: true });
export const strictList = createAllowList({ hosts: DEFAULT_OUTBOUND_HOSTS, allowLoopback: false });

export const adobeCreds: AdobeCredentials = {
  authMethod: "OAUTH_S2S",
  clientId: DEMO_ADOBE.clientId,
  clientSecret: DEMO_ADOBE.clientSecret,
  orgId: DEMO_ADOBE.orgId,
  sandboxName: DEMO_ADOBE.sandboxName,
};

export const rfCreds: RainfocusCredentials = {
  clientId: DEMO_RAINFOCUS.clientId,
  clientSecret: DEMO_RAINFOCUS.clientSecret,
  orgId: DEMO_RAINFOCUS.orgId,
  environment: "dev",
};

export function startForTests(): Promise<RunningEmulators> {
  return startEmulators({ adobePort: 0, rainfocusPort: 0, seed: 42 });
}

export async function control<T = Record<string, unknown>>(baseUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}/_emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 400) throw new Error(`control ${method} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? {} : await res.json()) as T;
}

export const reset = (baseUrl: string, seed = 42) => control(baseUrl, "POST", "reset", { seed });
export const addFault = (baseUrl: string, rule: Record<string, unknown>) => control(baseUrl, "POST", "faults", rule);

export async function received(
  baseUrl: string,
  route?: string,
): Promise<{ route: string; headers: Record<string, string>; body: string; query: Record<string, string> }[]> {
  const r = await control<{ requests: { route: string; headers: Record<string, string>; body: string; query: Record<string, string> }[] }>(
    baseUrl,
    "GET",
    `requests${route ? `?route=${route}` : ""}`,
  );
  return r.requests;
}

/** A valid XDM ExperienceEvent for the demo tenant's default RainFocus schema. */
export function xdmEvent(i: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    _id: `evt-${i}`,
    timestamp: "2024-03-22T10:00:00Z",
    eventType: "SessionScheduled",
    identityMap: { Email: [{ id: `user${i}@example.com`, primary: true }] },
    _demotenant: { attendee: { email: `user${i}@example.com` }, session: { code: "GS3", title: "Keynote" } },
    ...overrides,
  };
}

export function xdmEnvelope(entity: unknown, orgId: string = DEMO_ADOBE.orgId): Record<string, unknown> {
  const schemaRef = { id: DEMO_ADOBE.schemaId, contentType: "application/vnd.adobe.xed-full+json;version=1" };
  return {
    header: { schemaRef, imsOrgId: orgId, datasetId: DEMO_ADOBE.datasetId, source: { name: "rf-aep-console" } },
    body: { xdmMeta: { schemaRef }, xdmEntity: entity },
  };
}
