// The XDM envelope of an HTTP API dataflow with XDM-compliant data. Pure.
//
// Shape: AdobeDocs/experience-platform.en help/sources/tutorials/api/create/streaming/http.md
// ("Ingest data": header.schemaRef, header.imsOrgId, header.datasetId, header.flowId;
// body.xdmMeta.schemaRef, body.xdmEntity) and help/ingestion/tutorials/streaming-multiple-messages.md
// (the same envelope per message of /collection/batch).

/** Full XDM content type the docs use in `schemaRef.contentType`. */
export const XDM_FULL_CONTENT_TYPE = "application/vnd.adobe.xed-full+json;version=1";

export interface SchemaRef {
  id: string;
  contentType: string;
}

/** Where an XDM dataflow writes, as discovered from Flow Service (see flow-target.ts). */
export interface XdmTarget {
  schemaRef: SchemaRef;
  datasetId: string;
  flowId: string;
  /** Optional: DCCS fills it in when absent (streaming-multiple-messages.md). */
  imsOrgId?: string;
}

export interface XdmEnvelope {
  header: { schemaRef: SchemaRef; imsOrgId?: string; datasetId: string; flowId: string; source?: { name: string } };
  body: { xdmMeta: { schemaRef: SchemaRef }; xdmEntity: Record<string, unknown> };
}

/** Wraps one mapped XDM record; the same envelope goes to /collection and into /collection/batch messages. */
export function buildEnvelope(entity: Record<string, unknown>, target: XdmTarget): XdmEnvelope {
  const schemaRef = { id: target.schemaRef.id, contentType: target.schemaRef.contentType || XDM_FULL_CONTENT_TYPE };
  return {
    header: {
      schemaRef,
      ...(target.imsOrgId ? { imsOrgId: target.imsOrgId } : {}),
      datasetId: target.datasetId,
      flowId: target.flowId,
      source: { name: "Relay" },
    },
    body: { xdmMeta: { schemaRef }, xdmEntity: entity },
  };
}

/** The XDM record inside an envelope, or undefined when the message is not one. */
export function entityOfEnvelope(message: unknown): Record<string, unknown> | undefined {
  const e = (message as { body?: { xdmEntity?: unknown } } | null)?.body?.xdmEntity;
  return e && typeof e === "object" && !Array.isArray(e) ? (e as Record<string, unknown>) : undefined;
}
