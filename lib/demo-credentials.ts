// Credentials the emulators accept out of the box. They are fake and public on purpose: the seeded
// demo profile (lib/seed) uses them so `npm start` can "Test connection" green without any Adobe
// account. Pure, so both the emulators and the seed import this one definition.
export const DEMO_ADOBE = {
  clientId: "demo-adobe-client-id",
  clientSecret: "demo-adobe-client-secret",
  orgId: "DEMO0000000000000000000@AdobeOrg",
  technicalAccountId: "DEMO0000000000000000000@techacct.adobe.com",
  sandboxName: "prod",
  inletId: "demo-inlet-0000000000000000000000000000000000000000000000000000",
  flowId: "d3a0f100-0000-4000-8000-000000000001", // Adobe UUID form, as the profile form requires
  datasetId: "demodataset000000000000001",
  /** The demo dataset's schema (Catalog `schemaRef.id`), which XDM envelopes must name. */
  schemaId: "https://ns.adobe.com/demotenant/schemas/5e1c0a9b2f3d4c6e8a7b9c0d1e2f3a4b",
  tenantId: "demotenant",
  /** A second demo dataflow with raw data (AEP maps with Data Prep), as RainFocus's own source uses. */
  rawInletId: "demo-raw-inlet-00000000000000000000000000000000000000000000000",
  rawFlowId: "d3a0f100-0000-4000-8000-000000000002",
} as const;

export const DEMO_RAINFOCUS = {
  clientId: "demo-rainfocus-client-id",
  clientSecret: "demo-rainfocus-client-secret",
  orgId: "demo-org",
  eventCode: "demo2026",
} as const;

/** Streaming endpoint of the demo raw dataflow's inlet. */
export function demoRawStreamingEndpoint(adobeUrl: string): string {
  return `${adobeUrl}/collection/${DEMO_ADOBE.rawInletId}`;
}

/** Streaming endpoint of the demo inlet on an emulator running at `adobeUrl`. */
export function demoStreamingEndpoint(adobeUrl: string): string {
  return `${adobeUrl}/collection/${DEMO_ADOBE.inletId}`;
}
