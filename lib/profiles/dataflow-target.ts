import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { discoverFlowTarget, type AdobeClients, type AdobeCredentials } from "@/lib/adobe";
import { integrationClients, sealKeys } from "@/lib/integrations/config";
import { openAdobeCredentials, type AdobeCredentialRow } from "@/lib/integrations/profile-credentials";

type Row = AdobeCredentialRow & { id: string; dataflowId: string | null };

export type DataflowTargetOutcome = { ok: true; detail: string } | { ok: false; message: string };

/**
 * Reads the dataflow's dataset and schema through Flow Service with the profile's own credentials
 * and stores them on the profile (the worker names them in every XDM envelope). Called on Test
 * connection and after the endpoint is saved. A failure clears nothing: the last good values stay.
 */
/** The profile's Adobe credentials, opened in memory; undefined when incomplete. */
export function adobeCredentialsOf(row: Row): AdobeCredentials | undefined {
  return openAdobeCredentials(row, sealKeys());
}

/** The console's Adobe clients (and token cache), shared with the log's remote status. */
export function consoleAdobeClients(): AdobeClients {
  return integrationClients().adobe;
}

export async function refreshDataflowTarget(row: Row, opts: { adobe?: AdobeClients } = {}): Promise<DataflowTargetOutcome> {
  if (!row.dataflowId) return { ok: false, message: "Save the dataflow ID on the Endpoint page first." };
  const creds = adobeCredentialsOf(row);
  if (!creds) return { ok: false, message: "Adobe credentials are needed to read the dataflow." };
  const adobe = opts.adobe ?? consoleAdobeClients();
  const found = await discoverFlowTarget(adobe.platform(creds), row.dataflowId);
  if (!found.ok) return { ok: false, message: found.message };
  const t = found.target;
  // Only if the dataflow is still the one read (a concurrent endpoint change wins).
  await db.integrationProfile.updateMany({
    where: { id: row.id, dataflowId: row.dataflowId },
    data: { aepDatasetId: t.datasetId, aepSchemaId: t.schemaRef.id, aepSchemaContentType: t.schemaRef.contentType, aepDiscoveredAt: new Date() },
  });
  const dataset = t.datasetName ? `"${t.datasetName}" (${t.datasetId})` : t.datasetId;
  const schema = await fetchAndStoreSchema(adobe, creds, row, t.schemaRef.id);
  return { ok: true, detail: `Dataflow ${t.flowId} writes to dataset ${dataset}, schema ${t.schemaRef.id}. ${schema}` };
}

/**
 * The discovered schema itself, from the Schema Registry, so preview and publish validate against
 * the user's real schema. A failure keeps the last fetched copy (it is only used while its `$id`
 * is still the discovered schema, see lib/mappings/aep-schema.ts); the editor then falls back.
 */
async function fetchAndStoreSchema(adobe: AdobeClients, creds: AdobeCredentials, row: Row, schemaId: string): Promise<string> {
  const got = await adobe.platform(creds).getSchema(schemaId);
  if (!got.ok)
    return `The schema could not be fetched from the Schema Registry (${got.message}); the mapping editor validates against the uploaded or default schema.`;
  await db.integrationProfile.updateMany({
    where: { id: row.id, dataflowId: row.dataflowId, aepSchemaId: schemaId },
    data: { aepSchema: got.data.schema as Prisma.InputJsonValue, aepSchemaTitle: got.data.title.slice(0, 300), aepSchemaFetchedAt: new Date() },
  });
  return `Schema "${got.data.title}" fetched from the Schema Registry.`;
}
