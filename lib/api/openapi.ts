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
  },
} as const;
