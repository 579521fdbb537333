import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAdobeClients, type AdobeClients } from "@/lib/adobe";
import { DEMO_ADOBE, type RunningEmulators } from "@/emulators/index";
import { adobeCreds, allowLoopback, received, reset, startForTests } from "./helpers";

// Schema Registry lookup, transcribed from help/xdm/api/schemas.md ("Look up a schema") and the
// error bodies of help/xdm/troubleshooting-guide.md ("Object not found", "Accept header errors").

let emu: RunningEmulators;
let adobe: AdobeClients;

beforeAll(async () => {
  emu = await startForTests();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await reset(emu.adobeUrl);
  adobe = createAdobeClients({ imsUrl: emu.adobeUrl, platformUrl: emu.adobeUrl, allowList: allowLoopback, timeoutMs: 2000 });
});

describe("Schema Registry: look up a schema", () => {
  it("GETs /tenant/schemas/{URL-encoded $id} with a versioned xed-full Accept and the gateway headers; answers the documented fields", async () => {
    const r = await adobe.platform(adobeCreds).getSchema(DEMO_ADOBE.schemaId);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // The documented response's identifying fields.
    expect(r.data.schema).toMatchObject({ $id: DEMO_ADOBE.schemaId, "meta:resourceType": "schemas", type: "object", "meta:containerId": "tenant" });
    expect(r.data.schema["meta:altId"]).toBe(`_demotenant.schemas.${DEMO_ADOBE.schemaId.split("/").pop()}`);
    expect(r.data.title).toBe("RainFocus events (demo)");
    const [req] = await received(emu.adobeUrl, "schemaregistry.schemas");
    expect(req!.headers.accept).toBe("application/vnd.adobe.xed-full+json; version=1");
    expect(req!.headers["x-api-key"]).toBe(DEMO_ADOBE.clientId);
    expect(req!.headers["x-gw-ims-org-id"]).toBe(DEMO_ADOBE.orgId);
    expect(req!.headers["x-sandbox-name"]).toBe("prod");
    expect(req!.headers.authorization).toMatch(/^Bearer \S+/);
  });

  it("the documented request by meta:altId works too; an unknown id is 404 with the documented NotFoundError body", async () => {
    const token = await adobe.ims.getToken(adobeCreds);
    if (!token.ok) throw new Error(token.message);
    const headers = {
      Authorization: `Bearer ${token.accessToken}`,
      "x-api-key": DEMO_ADOBE.clientId,
      "x-gw-ims-org-id": DEMO_ADOBE.orgId,
      "x-sandbox-name": "prod",
    };
    const base = `${emu.adobeUrl}/data/foundation/schemaregistry/tenant/schemas`;
    const altId = `_demotenant.schemas.${DEMO_ADOBE.schemaId.split("/").pop()}`;
    const ok = await fetch(`${base}/${altId}`, { headers: { ...headers, Accept: "application/vnd.adobe.xed+json; version=1" } });
    expect(ok.status).toBe(200);
    const missing = "https://ns.adobe.com/incorrectTenantId/schemas/ee067e31b08514d21e2b82577813409d";
    const nf = await fetch(`${base}/${encodeURIComponent(missing)}`, { headers: { ...headers, Accept: "application/vnd.adobe.xed-full+json; version=1" } });
    expect(nf.status).toBe(404);
    expect(await nf.json()).toEqual({
      type: "/placeholder/type/uri",
      status: 404,
      title: "NotFoundError",
      detail: `Object ${missing} with version 1 not found`,
    });
    const noVersion = await fetch(`${base}/${altId}`, { headers: { ...headers, Accept: "application/vnd.adobe.xed-full+json" } });
    expect(noVersion.status).toBe(400);
    expect(await noVersion.json()).toMatchObject({ status: 400, title: "BadRequestError" });
    const noToken = await fetch(`${base}/${altId}`, { headers: { Accept: "application/vnd.adobe.xed-full+json; version=1" } });
    expect(noToken.status).toBe(401);
  });

  it("the client reports a 404 as not found", async () => {
    expect(await adobe.platform(adobeCreds).getSchema("https://ns.adobe.com/demotenant/schemas/nope")).toMatchObject({
      ok: false,
      code: "not_found",
      status: 404,
    });
  });
});
