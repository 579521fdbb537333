import { describe, expect, it } from "vitest";
import { detectAepProfiles, exitedOnly } from "@/lib/inbound/aep-profile";
import { readAepBody } from "@/lib/inbound/aep-stream";
import { defaultDestinationMapping } from "@/lib/mapping-engine";
import { previewMapping } from "@/lib/mapping-engine/preview";
import { httpApiProfile, sdkProfile } from "@/emulators/adobe/destination-profiles";
import {
  HTTP_API_EXPORTED_DATA,
  HTTP_API_SEGMENT_NAMES,
  SDK_INPUT_PROFILES,
  SDK_RENDERED_RESULT,
  SDK_UPLOAD_NAMESPACE_PROFILE,
} from "./fixtures/aep-destination-docs";

// The bodies AEP documents, read the way the inbound endpoint reads them (streamed, then detected).
const limits = { maxBytes: 64 * 1024 * 1024, maxSkeletonBytes: 1024 * 1024, maxProfileBytes: 1024 * 1024, maxProfiles: 10_000 };
async function* chunked(text: string, size: number) {
  const bytes = Buffer.from(text, "utf8");
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
async function read(text: string, chunk = 7) {
  const body = await readAepBody(chunked(text, chunk), limits);
  if (!body.ok) throw new Error(body.message);
  return detectAepProfiles(body.skeleton, body.profiles);
}

describe("AEP destination bodies as documented", () => {
  it("HTTP API destination: one profile at the root with XDM paths (help/destinations/catalog/streaming/http-destination.md)", async () => {
    const r = await read(HTTP_API_EXPORTED_DATA);
    expect(r).toMatchObject({ ok: true, format: "http-api" });
    if (!r.ok) return;
    expect(r.profiles).toHaveLength(1);
    expect(r.profiles[0]).toEqual(JSON.parse(HTTP_API_EXPORTED_DATA));
    expect((r.profiles[0] as { personalEmail: { address: string } }).personalEmail.address).toBe("john.doe@acme.com");
    expect(exitedOnly(r.profiles[0]!)).toBe(false); // one exited, three realized
  });

  it("HTTP API destination with segment names and timestamps (same page)", async () => {
    const body = JSON.stringify({ ...JSON.parse(HTTP_API_EXPORTED_DATA), segmentMembership: HTTP_API_SEGMENT_NAMES });
    expect(await read(body, 64)).toMatchObject({ ok: true, format: "http-api" });
  });

  it("Destination SDK input profiles, aggregated (help/destinations/destination-sdk/functionality/destination-server/message-format.md)", async () => {
    const r = await read(JSON.stringify({ profiles: [...SDK_INPUT_PROFILES, SDK_UPLOAD_NAMESPACE_PROFILE] }, null, 2), 5);
    expect(r).toMatchObject({ ok: true, format: "sdk-aggregated" });
    if (!r.ok) return;
    expect(r.profiles).toEqual([...SDK_INPUT_PROFILES, SDK_UPLOAD_NAMESPACE_PROFILE]);
  });

  it("Destination SDK one-profile template (`input.profile`) rendered as {profile} (same page)", async () => {
    expect(await read(JSON.stringify({ profile: SDK_INPUT_PROFILES[1] }))).toMatchObject({ ok: true, format: "sdk-single", profiles: [SDK_INPUT_PROFILES[1]] });
  });

  it("Destination SDK rendered result with flattened attributes and a null (same page, 'Result')", async () => {
    const r = await read(SDK_RENDERED_RESULT, 3);
    expect(r).toMatchObject({ ok: true, format: "sdk-aggregated" });
    if (r.ok) expect(r.profiles).toEqual(JSON.parse(SDK_RENDERED_RESULT).profiles);
  });

  it("exits in any audience namespace count (message-format.md: CustomerAudienceUpload)", () => {
    expect(exitedOnly({ segmentMembership: { CustomerAudienceUpload: { a: { status: "exited" } }, ups: { b: { status: "exited" } } } })).toBe(true);
    expect(exitedOnly(SDK_UPLOAD_NAMESPACE_PROFILE)).toBe(false);
  });
});

describe("the default destination mapping reads every format", () => {
  const rules = defaultDestinationMapping();
  it("the documented HTTP API profile (XDM paths at the root)", () => {
    const r = previewMapping({ rules, payload: JSON.parse(HTTP_API_EXPORTED_DATA) });
    expect(r.errors).toEqual([]);
    expect(r.output).toEqual({ email: "john.doe@acme.com", firstname: "John", lastname: "Doe" });
  });
  it("the documented SDK input profile without an email attribute is refused, not guessed", () => {
    const r = previewMapping({ rules, payload: SDK_INPUT_PROFILES[0] });
    expect(r.output).toEqual({ firstname: "Hermione" });
    expect(r.errors).toEqual([{ target: "email", message: "required field is empty" }]);
  });
  it("what the AEP destination simulator sends, in both shapes, maps to the same attendee", () => {
    const a = previewMapping({ rules, payload: httpApiProfile(4, "t") }).output;
    const b = previewMapping({ rules, payload: sdkProfile(4, "t") }).output;
    expect(a.email).toMatch(/@example\.com$/);
    for (const k of ["email", "firstname", "lastname", "city", "zip", "countryid", "phone"]) expect(a[k], k).toBe(b[k]);
  });
});
