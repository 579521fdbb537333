import type { ProfileView } from "./view";

// Pure: what a profile still needs before it can go live. The Overview shows this list, the
// lifecycle uses it to move DRAFT ⇄ READY and to refuse activation.
export type ReadinessInput = {
  direction: "SOURCE" | "DESTINATION";
  name: string;
  eventCode: string;
  adobe: {
    authMethod: "OAUTH_S2S" | "JWT";
    clientId: string | null;
    hasSecret: boolean;
    orgId: string | null;
    technicalAccountId: string | null;
    hasPrivateKey: boolean;
  };
  rainfocus: { clientId: string | null; hasSecret: boolean; orgId: string | null };
  endpoint: { streamingEndpointUrl: string | null; dataflowId: string | null };
  tests: { adobe: { ok: boolean } | null; rainfocus: { ok: boolean } | null };
  pushTypes: string[];
  /** The latest published mapping version; null = never published. */
  publishedMappingVersion: number | null;
};

export type ChecklistItem = { key: string; label: string; done: boolean; section: string; hint: string };

export function readinessChecklist(p: ReadinessInput): ChecklistItem[] {
  const adobeComplete =
    !!p.adobe.clientId &&
    p.adobe.hasSecret &&
    !!p.adobe.orgId &&
    (p.adobe.authMethod === "OAUTH_S2S" || (!!p.adobe.technicalAccountId && p.adobe.hasPrivateKey));
  const rainfocusComplete = !!p.rainfocus.clientId && p.rainfocus.hasSecret && !!p.rainfocus.orgId;
  const items: ChecklistItem[] = [
    {
      key: "basics",
      label: "Name and RainFocus event code",
      done: !!p.name && !!p.eventCode,
      section: "overview",
      hint: "Set on creation; editable on the Overview.",
    },
  ];
  const rainfocus: ChecklistItem[] = [
    {
      key: "rainfocus-credentials",
      label: "RainFocus API profile credentials",
      done: rainfocusComplete,
      section: "credentials",
      hint: "Client ID, Client secret and Org ID of an API Profile with OAuth (Global).",
    },
    {
      key: "rainfocus-test",
      label: "RainFocus connection tested",
      done: rainfocusComplete && !!p.tests.rainfocus?.ok,
      section: "credentials",
      hint: "Use Test connection after saving the credentials.",
    },
  ];
  // Without a published mapping a profile would deliver with the built-in default nobody reviewed.
  const mapping: ChecklistItem = {
    key: "mapping-published",
    label: "Mapping published",
    done: p.publishedMappingVersion !== null,
    section: "mapping",
    hint: "Review the mapping and publish it: deliveries use the latest published version.",
  };
  if (p.direction === "SOURCE") {
    items.push(
      {
        key: "adobe-credentials",
        label: "Adobe credentials",
        done: adobeComplete,
        section: "credentials",
        hint:
          p.adobe.authMethod === "JWT"
            ? "Client ID, Client Secret, Technical Account ID, Organization ID and the private key."
            : "Client ID, Client Secret and Organization ID from the Adobe Developer Console.",
      },
      {
        key: "adobe-test",
        label: "Adobe connection tested",
        done: adobeComplete && !!p.tests.adobe?.ok,
        section: "credentials",
        hint: "Use Test connection after saving the credentials.",
      },
      ...rainfocus,
      {
        key: "push-types",
        label: "At least one push type enabled",
        done: p.pushTypes.length > 0,
        section: "push-types",
        hint: "Pick the RainFocus experience events to send.",
      },
      {
        key: "endpoint",
        label: "Streaming endpoint URL and Dataflow ID",
        done: !!p.endpoint.streamingEndpointUrl && !!p.endpoint.dataflowId,
        section: "endpoint",
        hint: "In AEP: Sources → your dataflow → Properties.",
      },
      mapping,
    );
  } else {
    items.push(...rainfocus, mapping);
  }
  return items;
}

export function isReady(p: ReadinessInput): boolean {
  return readinessChecklist(p).every((i) => i.done);
}

type ProfileStatus = "DRAFT" | "READY" | "ACTIVE" | "PAUSED";

/** DRAFT ⇄ READY follows the checklist; ACTIVE and PAUSED are chosen by people and stay as they are. */
export function statusAfterChecklist<S extends ProfileStatus>(status: S, ready: boolean): S | "DRAFT" | "READY" {
  if (status === "DRAFT" && ready) return "READY";
  if (status === "READY" && !ready) return "DRAFT";
  return status;
}

/** The checklist's input from the profile view (works on both sides: ProfileView is a type only). */
export function readinessInput(v: ProfileView): ReadinessInput {
  return {
    direction: v.direction,
    name: v.name,
    eventCode: v.eventCode,
    adobe: {
      authMethod: v.adobe.authMethod,
      clientId: v.adobe.clientId,
      hasSecret: !!v.adobe.clientSecret,
      orgId: v.adobe.orgId,
      technicalAccountId: v.adobe.technicalAccountId,
      hasPrivateKey: !!v.adobe.privateKey,
    },
    rainfocus: { clientId: v.rainfocus.clientId, hasSecret: !!v.rainfocus.secret, orgId: v.rainfocus.orgId },
    endpoint: v.endpoint,
    tests: { adobe: v.tests.adobe, rainfocus: v.tests.rainfocus },
    pushTypes: v.pushTypes,
    publishedMappingVersion: v.mapping.publishedVersion,
  };
}
