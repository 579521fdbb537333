// The REST API description served at /api/v1/openapi.json. Each route adds its entry here.
const bearer = [{ bearerAuth: [] }];
const errorRef = { $ref: "#/components/schemas/Error" };
const errors = {
  "401": { description: "Missing, invalid or revoked token", content: { "application/json": { schema: errorRef } } },
  "403": { description: "The token owner's role does not allow this", content: { "application/json": { schema: errorRef } } },
};

export const openApiDocument = {
  openapi: "3.1.0",
  info: { title: "Relay console API", version: "1", description: "RainFocus ⇄ Adobe Experience Platform integration console." },
  servers: [{ url: "/api/v1" }],
  components: {
    securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "Personal API token from Settings → API tokens" } },
    schemas: {
      Error: {
        type: "object",
        properties: { error: { type: "object", properties: { code: { type: "string" }, message: { type: "string" } }, required: ["code", "message"] } },
      },
      Role: { type: "string", enum: ["ADMIN", "OPS", "QA", "AUDITOR"] },
    },
  },
  paths: {
    "/profiles": {
      get: {
        summary: "List integration profiles (secrets masked)",
        security: bearer,
        parameters: ["q", "direction", "status"].map((name) => ({ name, in: "query", schema: { type: "string" } })),
        responses: { "200": { description: "{ profiles }" }, ...errors },
      },
      post: {
        summary: "Create a profile (ADMIN, OPS); the inbound secret is returned once",
        security: bearer,
        requestBody: { content: { "application/json": { schema: { type: "object", required: ["name", "direction", "eventCode"], properties: { name: { type: "string" }, direction: { enum: ["SOURCE", "DESTINATION"] }, eventCode: { type: "string" }, rainfocusEnvironment: { enum: ["dev", "prod"] } } } } } },
        responses: { "201": { description: "{ profile, inboundSecret }" }, "400": { description: "Validation errors with fieldErrors" }, ...errors },
      },
    },
    "/profiles/{id}": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      get: { summary: "One profile (secrets masked)", security: bearer, responses: { "200": { description: "Profile" }, "404": { description: "Not found" }, ...errors } },
      patch: {
        summary: "Update parts of a profile (ADMIN, OPS) with optimistic concurrency",
        description: "Body: { version, basics?: {name,eventCode}, adobe?: {adobeAuthMethod,adobeClientId,adobeClientSecret?,…}, rainfocus?: {rainfocusClientId,rainfocusSecret?,rainfocusOrgId,rainfocusEnvironment}, rainfocusSettings?: {writeStyle,tokenGrant,tokenUrl,orgPlacement,apiProfile,apiProfilePlacement} (each \"\" = the deployment default; all unconfirmed RainFocus contract), endpoint?: {streamingEndpointUrl,dataflowId}, pushTypes?: string[] }. Secrets are replace-only.",
        security: bearer,
        responses: { "200": { description: "Updated profile" }, "409": { description: "The version is stale" }, ...errors },
      },
      delete: { summary: "Delete a profile (ADMIN); pass ?confirmName=<exact name>; delivery history is kept", security: bearer, responses: { "200": { description: "Deleted" }, ...errors } },
    },
    "/profiles/{id}/activate": { post: { summary: "Activate or resume (refused with the missing checklist items)", security: bearer, responses: { "200": { description: "Profile" }, ...errors } } },
    "/profiles/{id}/pause": { post: { summary: "Pause an active profile: events queue without delivery", security: bearer, responses: { "200": { description: "Profile" }, ...errors } } },
    "/profiles/{id}/test-connection": { post: { summary: "Test Adobe or RainFocus credentials: body { target: adobe|rainfocus }", security: bearer, responses: { "200": { description: "{ ok, message, warnings?, at }" }, ...errors } } },
    "/profiles/{id}/mapping": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      get: { summary: "The mapping draft and published versions", security: bearer, responses: { "200": { description: "{ draft: { rules, samples, schema, revision }, versions }" }, ...errors } },
      put: { summary: "Replace the draft (ADMIN, OPS): { revision, rules, samples?, schema? }; 409 when the revision is stale", security: bearer, responses: { "200": { description: "The saved draft" }, "409": { description: "Someone saved since" }, ...errors } },
    },
    "/profiles/{id}/mapping/publish": { post: { summary: "Publish the draft as the next version after validating every sample: { revision }", security: bearer, responses: { "201": { description: "{ version, publishedAt }" }, "400": { description: "A sample maps to invalid XDM" }, ...errors } } },
    "/profiles/{id}/mapping/versions": { get: { summary: "Published versions, newest first", security: bearer, responses: { "200": { description: "{ versions }" }, ...errors } } },
    "/mapping/preview": {
      post: {
        summary: "Run a mapping on a payload: { rules, payload, schema?, tenantId? } → { output, errors, validation }",
        security: bearer,
        responses: { "200": { description: "Mapped output with transform errors and XDM validation" }, "400": { description: "Invalid request" }, ...errors },
      },
    },
    "/me": {
      get: { summary: "The token owner", security: bearer, responses: { "200": { description: "Identity and role" }, ...errors } },
    },
    "/users": {
      get: { summary: "List users (ADMIN)", security: bearer, responses: { "200": { description: "Users without password hashes" }, ...errors } },
    },
    "/audit": {
      get: {
        summary: "List audit events (ADMIN, AUDITOR), newest first",
        security: bearer,
        parameters: ["action", "actor", "targetType", "targetId", "from", "to", "cursor"].map((name) => ({ name, in: "query", schema: { type: "string" } })),
        responses: { "200": { description: "{ items, nextCursor }" }, ...errors },
      },
    },
    "/deliveries": {
      get: {
        summary: "The delivery log, newest first, keyset-paginated; emails masked for QA and AUDITOR",
        security: bearer,
        parameters: ["profileId", "direction", "status", "pushType", "http", "range", "from", "to", "test", "mappingVersion", "failedAttempts", "attempt", "attemptError", "q", "cursor", "limit"].map((name) => ({ name, in: "query", schema: { type: "string" } })),
        responses: { "200": { description: "{ items, nextCursor }" }, "400": { description: "Invalid filter" }, ...errors },
      },
    },
    "/deliveries/{id}": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      get: { summary: "One delivery: payloads, XDM validation, every attempt (headers redacted) with a cURL", security: bearer, responses: { "200": { description: "Delivery detail" }, "404": { description: "Not found" }, ...errors } },
    },
    "/deliveries/{id}/replay": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      post: { summary: "Replay one delivery (ADMIN, OPS): { useMapping?: original|current }", security: bearer, responses: { "202": { description: "{ deliveryId, status: QUEUED, previousStatus, mappingVersion }" }, "409": { description: "In flight, pruned, or the original mapping is no longer current" }, ...errors } },
    },
    "/deliveries/replay": {
      post: { summary: "Bulk replay by filter (ADMIN, OPS): { filter, useMapping?, dryRun (required), until? }; a dry run only counts", security: bearer, responses: { "200": { description: "{ dryRun, matched, replayed, skipped, skippedDeleted (of deleted profiles: never replayed), until }" }, ...errors } },
    },
    "/deliveries/export": {
      get: { summary: "The filtered log streamed as CSV or NDJSON: ?format=csv|ndjson plus the list filters", security: bearer, responses: { "200": { description: "text/csv or application/x-ndjson" }, ...errors } },
    },
    "/test-events": {
      post: {
        summary: "Send a test event through the real pipeline (ADMIN, OPS, QA): { profileId, pushType, payload?, syntheticAttendee? }; ?timeoutMs= (default 30000)",
        security: bearer,
        responses: { "200": { description: "{ settled: true, deliveryId, delivery } with its attempts" }, "202": { description: "{ settled: false, deliveryId, status } when not settled in time" }, ...errors },
      },
    },
  },
} as const;
