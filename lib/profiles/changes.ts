import "server-only";
import { createPrivateKey } from "node:crypto";
import type { z } from "zod";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { RAINFOCUS_HOSTS, hostMatches } from "@/lib/outbound";
import { knownPushTypeNames } from "@/lib/push-type-options";
import { sealIfGiven } from "./service";
import type * as S from "./schemas";

/**
 * What each section of a profile changes, checked but not saved: the UI's per-section actions and
 * the REST PATCH (several sections at once) both build their change here and save it with one
 * changeProfile call, so a PATCH that one check refuses saves nothing.
 */
export type ProfileChange = { data: Prisma.IntegrationProfileUpdateManyMutationInput; pushTypes?: string[]; retest?: Retest };

/**
 * A connection test's result column and the fields it was made with: when the change gives one of
 * them a new value, the result is cleared and the profile must be tested again before activation.
 * Saving a form unchanged keeps the result (it used to clear it, and an Active profile's overview
 * then said a required step was missing).
 */
export type Retest = Partial<Record<"adobeTest" | "rainfocusTest", string[]>>;

type In<T extends z.ZodType> = Omit<z.output<T>, "profileId" | "version">;

export function basicsChange(input: In<typeof S.UpdateBasicsSchema>): ProfileChange {
  return { data: { name: input.name, eventCode: input.eventCode } };
}

export function adobeChange({ adobeClientSecret, adobePrivateKey, ...rest }: In<typeof S.AdobeCredentialsSchema>): ProfileChange {
  if (adobePrivateKey) {
    try {
      createPrivateKey(adobePrivateKey);
    } catch {
      throw new DomainError("The private key is not a valid PEM key.", "invalid", { adobePrivateKey: ["Not a valid PEM private key."] });
    }
  }
  // New credentials must be tested again before the profile can be activated.
  const data = { ...rest, adobeClientSecretSealed: sealIfGiven(adobeClientSecret), adobePrivateKeySealed: sealIfGiven(adobePrivateKey) };
  return { data, retest: { adobeTest: Object.keys(data) } };
}

export function rainfocusChange({ rainfocusSecret, ...rest }: In<typeof S.RainfocusCredentialsSchema>): ProfileChange {
  const data = { ...rest, rainfocusSecretSealed: sealIfGiven(rainfocusSecret) };
  return { data, retest: { rainfocusTest: Object.keys(data) } };
}

/** Overrides of the deployment's RainFocus settings; all blank = none. A token URL must be allow-listed. */
export async function rainfocusSettingsChange(settings: In<typeof S.RainfocusSettingsFormSchema>): Promise<ProfileChange> {
  if (settings.tokenUrl && /^https?:\/\//.test(settings.tokenUrl)) {
    const { outboundAllowList, integrationConfig } = await import("@/lib/integrations/config");
    if (!outboundAllowList().isAllowed(settings.tokenUrl)) {
      throw new DomainError("This host is not on the outbound allow-list.", "invalid", { tokenUrl: ["This host is not on the outbound allow-list."] });
    }
    // The client secret goes to this URL: only a RainFocus host or the RainFocus API's own origin,
    // never another allow-listed host (Adobe's, or another loopback port while the emulators run).
    if (!isRainfocusTokenUrl(settings.tokenUrl, integrationConfig().rainfocus.apiUrl)) {
      throw new DomainError("The token URL must be on a RainFocus host.", "invalid", {
        tokenUrl: ["The token URL must be on a RainFocus host (or the RainFocus API URL's own host)."],
      });
    }
  }
  const overrides = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
  // A changed way of talking to RainFocus must be tested again, like changed credentials.
  return { data: { rainfocusSettings: Object.keys(overrides).length ? overrides : Prisma.DbNull }, retest: { rainfocusTest: ["rainfocusSettings"] } };
}

export async function endpointChange({ streamingEndpointUrl, dataflowId }: In<typeof S.EndpointSchema>): Promise<ProfileChange> {
  const { outboundAllowList } = await import("@/lib/integrations/config");
  if (!outboundAllowList().isAllowed(streamingEndpointUrl)) {
    throw new DomainError("This host is not on the outbound allow-list.", "invalid", {
      streamingEndpointUrl: ["This host is not on the outbound allow-list."],
    });
  }
  // Loopback is open only for the local Adobe emulator, never for other services on this machine.
  const url = new URL(streamingEndpointUrl);
  if (["127.0.0.1", "localhost", "[::1]"].includes(url.hostname) && Number(url.port) !== env().ADOBE_EMULATOR_PORT) {
    throw new DomainError("Only the local Adobe emulator's port is allowed on this machine.", "invalid", {
      streamingEndpointUrl: [`Use port ${env().ADOBE_EMULATOR_PORT} (the Adobe emulator).`],
    });
  }
  // The dataset and schema were read from the dataflow saved before: read again after this change.
  const forgetTarget = { aepDatasetId: null, aepSchemaId: null, aepSchemaContentType: null, aepDiscoveredAt: null };
  return { data: { streamingEndpointUrl, dataflowId: dataflowId.toLowerCase(), ...forgetTarget } };
}

export function deliveryModeChange({ deliveryMode }: In<typeof S.DeliveryModeSchema>): ProfileChange {
  return { data: { deliveryMode } };
}

export async function pushTypesChange({ pushTypes }: In<typeof S.PushTypesSchema>): Promise<ProfileChange> {
  const known = await knownPushTypeNames();
  const unknown = pushTypes.filter((p) => !known.has(p));
  if (unknown.length) throw new DomainError(`Unknown push type: ${unknown.join(", ")}.`, "invalid", { pushTypes: [`Unknown: ${unknown.join(", ")}`] });
  return { data: {}, pushTypes: [...new Set(pushTypes)] };
}

/** Several sections' changes as one (the PATCH route); the push types of the last that sets them. */
export function mergeChanges(changes: ProfileChange[]): ProfileChange {
  const merged: ProfileChange = { data: {} };
  for (const c of changes) {
    Object.assign(merged.data, c.data);
    if (c.pushTypes) merged.pushTypes = c.pushTypes;
    for (const [test, fields] of Object.entries(c.retest ?? {}) as [keyof Retest, string[]][]) {
      merged.retest = { ...merged.retest, [test]: [...(merged.retest?.[test] ?? []), ...fields] };
    }
  }
  return merged;
}

function isRainfocusTokenUrl(tokenUrl: string, apiUrl: string): boolean {
  const url = new URL(tokenUrl);
  const api = new URL(apiUrl);
  if (url.host === api.host) return true;
  return url.protocol === "https:" && !url.port && RAINFOCUS_HOSTS.some((p) => hostMatches(url.hostname, p));
}
