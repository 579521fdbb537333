import "server-only";
import type { AdobeClients, FlowRun, MetricPoint } from "@/lib/adobe";
import type { RainfocusClient, ApiProfileLogEntry } from "@/lib/rainfocus";
import { integrationClients, sealKeys } from "@/lib/integrations/config";
import { openProfileCredentials, type ProfileCredentials } from "@/lib/integrations/profile-credentials";
import { db } from "@/lib/db";

// What the other side says it ingested, read from AEP (dataflow runs, inlet metrics) or RainFocus
// (API-profile logs). Always bounded by a timeout and never thrown: a slow or down remote becomes
// an inline error beside the local log, which is read in parallel and never waits for it.

export const REMOTE_TIMEOUT_MS = 4_000;
const CACHE_MS = 15_000;

type Part<T> = { ok: true; data: T } | { ok: false; error: string };

export type RemoteStatus =
  | { kind: "aep"; profileId: string; dataflowId: string | null; runs: Part<FlowRun[]>; metrics: Part<MetricPoint[]>; at: string }
  | { kind: "rainfocus"; profileId: string; logs: Part<ApiProfileLogEntry[]>; at: string }
  | { kind: "unavailable"; profileId: string; error: string; at: string };

const cache = new Map<string, { at: number; value: Promise<RemoteStatus> }>();

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<Part<T>> {
  let timer: ReturnType<typeof setTimeout>;
  const timeout = new Promise<Part<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: `${what} did not answer within ${ms / 1000} s.` }), ms);
  });
  const run = p.then(
    (data): Part<T> => ({ ok: true, data }),
    (e: unknown): Part<T> => ({ ok: false, error: `${what} failed: ${e instanceof Error ? e.message : String(e)}` }),
  );
  return Promise.race([run, timeout]).finally(() => clearTimeout(timer));
}

/** `{ok:false}` results of the clients become thrown errors, so withTimeout reports them the same way. */
async function orThrow<T>(p: Promise<{ ok: true; data: T } | { ok: false; message: string }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.message);
  return r.data;
}

export function inletIdOf(endpointUrl: string | null): string | null {
  if (!endpointUrl) return null;
  try {
    return new URL(endpointUrl).pathname.match(/\/collection\/(?:batch\/)?([^/]+)$/)?.[1] ?? null;
  } catch {
    return null;
  }
}

/** Cached per profile for a few seconds, so live tail polling does not hammer Adobe or RainFocus. */
export function getRemoteStatus(profileId: string, timeoutMs = REMOTE_TIMEOUT_MS): Promise<RemoteStatus> {
  const hit = cache.get(profileId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const value = readRemoteStatus(profileId, { timeoutMs });
  cache.set(profileId, { at: Date.now(), value });
  if (cache.size > 200) cache.delete(cache.keys().next().value as string);
  return value;
}

/** Uncached; `clients` lets tests point at emulators. */
export async function readRemoteStatus(
  profileId: string,
  opts: { timeoutMs?: number; adobe?: AdobeClients; rainfocus?: RainfocusClient } = {},
): Promise<RemoteStatus> {
  const timeoutMs = opts.timeoutMs ?? REMOTE_TIMEOUT_MS;
  const at = new Date().toISOString();
  const p = await db.integrationProfile.findFirst({ where: { id: profileId, deletedAt: null } });
  if (!p) return { kind: "unavailable", profileId, error: "This profile does not exist or was deleted.", at };
  let creds: ProfileCredentials;
  try {
    creds = openProfileCredentials(p, sealKeys());
  } catch {
    return { kind: "unavailable", profileId, error: "The profile's credentials could not be opened with this server's encryption key.", at };
  }
  if (p.direction === "SOURCE") {
    if (!creds.adobe)
      return { kind: "unavailable", profileId, error: "Enter Adobe credentials on the profile to read its dataflow runs and inlet metrics.", at };
    const platform = (opts.adobe ?? integrationClients().adobe).platform(creds.adobe);
    const to = new Date();
    const from = new Date(to.getTime() - 24 * 3600_000);
    const [runs, metrics] = await Promise.all([
      p.dataflowId
        ? withTimeout(orThrow(platform.listRuns(p.dataflowId, 10)), timeoutMs, "AEP Flow Service")
        : Promise.resolve<Part<FlowRun[]>>({ ok: false, error: "The profile has no dataflow ID." }),
      p.aepDatasetId
        ? withTimeout(orThrow(platform.getMetrics({ datasetId: p.aepDatasetId, from, to })), timeoutMs, "AEP Observability Insights")
        : Promise.resolve<Part<MetricPoint[]>>({
            ok: false,
            error: "Relay has not read the dataflow's dataset yet (Observability V2 filters by dataset): press Test connection on the profile.",
          }),
    ]);
    return { kind: "aep", profileId, dataflowId: p.dataflowId, runs, metrics, at };
  }
  if (!creds.rainfocus) return { kind: "unavailable", profileId, error: "Enter RainFocus API-profile credentials to read its logs.", at };
  const rf = opts.rainfocus ?? integrationClients().rainfocus;
  const logs = await withTimeout(orThrow(rf.listLogs(creds.rainfocus, { limit: 20 })), timeoutMs, "RainFocus API");
  return { kind: "rainfocus", profileId, logs, at };
}
