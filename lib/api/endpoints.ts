import { z } from "zod";
import { CAN, type Role } from "@/lib/auth/roles";
import { AuditFilterSchema } from "@/lib/audit/schemas";
import { BulkReplaySchema, DeliveryFilterSchema, ListDeliveriesSchema, ReplayOneSchema, SendTestEventSchema } from "@/lib/delivery-log/schemas";
import { MappingPreviewInputSchema } from "@/lib/mapping-engine/preview";
import { PublishSchema, SaveDraftSchema } from "@/lib/mappings/schemas";
import { ProfileFilterSchema } from "@/lib/profiles/queries";
import { CreateProfileSchema, TestConnectionSchema } from "@/lib/profiles/schemas";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One REST endpoint under /api/v1: the roles its route enforces (apiRoute reads them from here)
 * and the zod schemas of its input (the ones its handler or action parses), from which
 * openapi.json is generated (openapi.ts). The id in the path is not part of a body.
 */
export type Endpoint = {
  method: Method;
  /** The OpenAPI path under /api/v1, e.g. /profiles/{id}. */
  path: string;
  roles: readonly Role[];
  summary: string;
  description?: string;
  /** Query parameters: each property of the schema's input. */
  query?: z.ZodType;
  /** The JSON body (its input side: what a caller sends, before defaults and transforms). */
  body?: z.ZodType;
  /** Status → description; 401 and 403 are added to every endpoint. */
  responses: Record<string, string>;
};

export const ENDPOINTS = {
  listProfiles: {
    method: "GET",
    path: "/profiles",
    roles: CAN.viewProfiles,
    summary: "List integration profiles (secrets masked)",
    query: ProfileFilterSchema,
    responses: { "200": "{ profiles }" },
  },
  createProfile: {
    method: "POST",
    path: "/profiles",
    roles: CAN.editProfiles,
    summary: "Create a profile (ADMIN, OPS); the inbound secret is returned once",
    body: CreateProfileSchema,
    responses: { "201": "{ profile, inboundSecret }", "400": "Validation errors with fieldErrors" },
  },
  getProfile: {
    method: "GET",
    path: "/profiles/{id}",
    roles: CAN.viewProfiles,
    summary: "One profile (secrets masked)",
    responses: { "200": "Profile", "404": "Not found" },
  },
  patchProfile: {
    method: "PATCH",
    path: "/profiles/{id}",
    roles: CAN.editProfiles,
    summary: "Update parts of a profile (ADMIN, OPS) with optimistic concurrency",
    description:
      'Body: { version, basics?: {name,eventCode}, adobe?: {adobeAuthMethod,adobeClientId,adobeClientSecret?,…}, rainfocus?: {rainfocusClientId,rainfocusSecret?,rainfocusOrgId,rainfocusEnvironment}, rainfocusSettings?: {writeStyle,tokenGrant,tokenUrl,orgPlacement,apiProfile,apiProfilePlacement} (each "" = the deployment default; all unconfirmed RainFocus contract), endpoint?: {streamingEndpointUrl,dataflowId}, pushTypes?: string[] }. Secrets are replace-only.',
    responses: { "200": "Updated profile", "409": "The version is stale" },
  },
  deleteProfile: {
    method: "DELETE",
    path: "/profiles/{id}",
    roles: CAN.manageUsers,
    summary: "Delete a profile (ADMIN); pass ?confirmName=<exact name>; delivery history is kept",
    query: z.object({ confirmName: z.string() }),
    responses: { "200": "Deleted" },
  },
  activateProfile: {
    method: "POST",
    path: "/profiles/{id}/activate",
    roles: CAN.editProfiles,
    summary: "Activate or resume (refused with the missing checklist items)",
    responses: { "200": "Profile" },
  },
  pauseProfile: {
    method: "POST",
    path: "/profiles/{id}/pause",
    roles: CAN.editProfiles,
    summary: "Pause an active profile: events queue without delivery",
    responses: { "200": "Profile" },
  },
  testConnection: {
    method: "POST",
    path: "/profiles/{id}/test-connection",
    roles: CAN.editProfiles,
    summary: "Test Adobe or RainFocus credentials: body { target: adobe|rainfocus }",
    body: TestConnectionSchema.omit({ profileId: true }),
    responses: { "200": "{ ok, message, warnings?, at }" },
  },
  getMapping: {
    method: "GET",
    path: "/profiles/{id}/mapping",
    roles: CAN.viewProfiles,
    summary: "The mapping draft and published versions",
    responses: { "200": "{ draft: { rules, samples, schema, revision }, versions }" },
  },
  saveMappingDraft: {
    method: "PUT",
    path: "/profiles/{id}/mapping",
    roles: CAN.editProfiles,
    summary: "Replace the draft (ADMIN, OPS): { revision, rules, samples?, schema? }; 409 when the revision is stale",
    body: SaveDraftSchema.omit({ profileId: true }).partial({ samples: true, schema: true }),
    responses: { "200": "The saved draft", "409": "Someone saved since" },
  },
  publishMapping: {
    method: "POST",
    path: "/profiles/{id}/mapping/publish",
    roles: CAN.editProfiles,
    summary: "Publish the draft as the next version after validating every sample: { revision }",
    body: PublishSchema.omit({ profileId: true }),
    responses: { "201": "{ version, publishedAt }", "400": "A sample maps to invalid XDM" },
  },
  listMappingVersions: {
    method: "GET",
    path: "/profiles/{id}/mapping/versions",
    roles: CAN.viewProfiles,
    summary: "Published versions, newest first",
    responses: { "200": "{ versions }" },
  },
  previewMapping: {
    method: "POST",
    path: "/mapping/preview",
    roles: CAN.anySignedIn,
    summary: "Run a mapping on a payload: { rules, payload, schema?, tenantId? } → { output, errors, validation }",
    body: MappingPreviewInputSchema,
    responses: { "200": "Mapped output with transform errors and XDM validation", "400": "Invalid request" },
  },
  me: { method: "GET", path: "/me", roles: CAN.anySignedIn, summary: "The token owner", responses: { "200": "Identity and role" } },
  listUsers: { method: "GET", path: "/users", roles: CAN.manageUsers, summary: "List users (ADMIN)", responses: { "200": "Users without password hashes" } },
  listAudit: {
    method: "GET",
    path: "/audit",
    roles: CAN.viewAudit,
    summary: "List audit events (ADMIN, AUDITOR), newest first",
    query: AuditFilterSchema,
    responses: { "200": "{ items, nextCursor }" },
  },
  listDeliveries: {
    method: "GET",
    path: "/deliveries",
    roles: CAN.viewDeliveries,
    summary: "The delivery log, newest first, keyset-paginated; emails masked for QA and AUDITOR",
    query: ListDeliveriesSchema,
    responses: { "200": "{ items, nextCursor }", "400": "Invalid filter" },
  },
  getDelivery: {
    method: "GET",
    path: "/deliveries/{id}",
    roles: CAN.viewDeliveries,
    summary: "One delivery: payloads, XDM validation, every attempt (headers redacted) with a cURL",
    responses: { "200": "Delivery detail", "404": "Not found" },
  },
  replayDelivery: {
    method: "POST",
    path: "/deliveries/{id}/replay",
    roles: CAN.replay,
    summary: "Replay one delivery (ADMIN, OPS): { useMapping?: original|current }",
    body: ReplayOneSchema.omit({ deliveryId: true }),
    responses: {
      "202": "{ deliveryId, status: QUEUED, previousStatus, mappingVersion }",
      "409": "In flight, pruned, or the original mapping is no longer current",
    },
  },
  bulkReplay: {
    method: "POST",
    path: "/deliveries/replay",
    roles: CAN.replay,
    summary: "Bulk replay by filter (ADMIN, OPS): { filter, useMapping?, dryRun (required), until? }; a dry run only counts",
    body: BulkReplaySchema,
    responses: { "200": "{ dryRun, matched, replayed, skipped, skippedDeleted (of deleted profiles: never replayed), until }" },
  },
  exportDeliveries: {
    method: "GET",
    path: "/deliveries/export",
    roles: CAN.viewDeliveries,
    summary: "The filtered log streamed as CSV or NDJSON: ?format=csv|ndjson plus the list filters",
    query: DeliveryFilterSchema.extend({ format: z.enum(["csv", "ndjson"]).optional() }),
    responses: { "200": "text/csv or application/x-ndjson" },
  },
  sendTestEvent: {
    method: "POST",
    path: "/test-events",
    roles: CAN.sendTestEvents,
    summary: "Send a test event through the real pipeline (ADMIN, OPS, QA): { profileId, pushType, payload?, syntheticAttendee? }; ?timeoutMs= (default 30000)",
    query: z.object({ timeoutMs: z.number().int().min(0).max(120_000).optional() }),
    body: SendTestEventSchema,
    responses: { "200": "{ settled: true, deliveryId, delivery } with its attempts", "202": "{ settled: false, deliveryId, status } when not settled in time" },
  },
} as const satisfies Record<string, Endpoint>;
