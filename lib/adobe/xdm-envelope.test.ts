import { describe, expect, it } from "vitest";
import { buildEnvelope, entityOfEnvelope, XDM_FULL_CONTENT_TYPE } from "./xdm-envelope";

describe("buildEnvelope", () => {
  const target = {
    schemaRef: { id: "https://ns.adobe.com/acme/schemas/abc", contentType: XDM_FULL_CONTENT_TYPE },
    datasetId: "ds1",
    flowId: "f1",
    imsOrgId: "ORG@AdobeOrg",
  };

  it("has the documented keys: header.{schemaRef,imsOrgId,datasetId,flowId}, body.{xdmMeta.schemaRef,xdmEntity}", () => {
    const e = buildEnvelope({ _id: "x", timestamp: "2024-01-01T00:00:00Z" }, target);
    expect(e.header).toMatchObject({ schemaRef: target.schemaRef, imsOrgId: "ORG@AdobeOrg", datasetId: "ds1", flowId: "f1" });
    expect(e.body.xdmMeta.schemaRef).toEqual(target.schemaRef);
    expect(e.body.xdmEntity).toEqual({ _id: "x", timestamp: "2024-01-01T00:00:00Z" });
    expect(entityOfEnvelope(e)).toBe(e.body.xdmEntity);
  });

  it("leaves imsOrgId out when unknown (DCCS fills it in) and defaults the content type", () => {
    const e = buildEnvelope({ _id: "x" }, { ...target, imsOrgId: undefined, schemaRef: { id: "s", contentType: "" } });
    expect("imsOrgId" in e.header).toBe(false);
    expect(e.header.schemaRef.contentType).toBe(XDM_FULL_CONTENT_TYPE);
    expect(entityOfEnvelope({ _id: "bare" })).toBeUndefined();
  });
});
