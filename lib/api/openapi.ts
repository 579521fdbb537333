import { z } from "zod";
import { ENDPOINTS, type Endpoint } from "./endpoints";

// The REST API description served at /api/v1/openapi.json, generated from ENDPOINTS: the same zod
// schemas the handlers parse and the roles their routes enforce, so the document cannot drift.

const bearer = [{ bearerAuth: [] }];
const errorRef = { $ref: "#/components/schemas/Error" };
const errors = {
  "401": { description: "Missing, invalid or revoked token", content: { "application/json": { schema: errorRef } } },
  "403": { description: "The token owner's role does not allow this", content: { "application/json": { schema: errorRef } } },
};

/** The input side (what a caller sends); a transform or refinement JSON Schema cannot say is left open. */
function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

function queryParameters(schema: z.ZodType) {
  const object = jsonSchema(schema) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, s]) => ({ name, in: "query", required: object.required?.includes(name) ?? false, schema: s }));
}

function operation(e: Endpoint) {
  return {
    summary: e.summary,
    ...(e.description ? { description: e.description } : {}),
    "x-roles": e.roles,
    security: bearer,
    ...(e.query ? { parameters: queryParameters(e.query) } : {}),
    ...(e.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(e.body) } } } } : {}),
    responses: { ...Object.fromEntries(Object.entries(e.responses).map(([status, description]) => [status, { description }])), ...errors },
  };
}

export function buildOpenApiDocument(endpoints: readonly Endpoint[] = Object.values(ENDPOINTS)) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of endpoints) {
    const item = (paths[e.path] ??= {});
    const names = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    if (names.length) item.parameters = names.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } }));
    item[e.method.toLowerCase()] = operation(e);
  }
  return {
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
    paths,
  };
}

export const openApiDocument = buildOpenApiDocument();
