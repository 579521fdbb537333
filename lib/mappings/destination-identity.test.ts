import { describe, expect, it } from "vitest";
import { emailLcSha256, identityHashesOf } from "@/app/(console)/profiles/[id]/mapping/use-destination-identity";
import { compileExpression, DESTINATION_IDENTITY_EXPRESSION } from "@/lib/mapping-engine";
import { DESTINATION_SAMPLES } from "./default-samples";

describe("the destination editor's email_lc_sha256 check", () => {
  it("hashes as AEP does (trim, lower-case, SHA-256, lowercase hex), like the mapping engine's identity expression", async () => {
    const email = "  Ada@Example.com ";
    expect(await emailLcSha256(email)).toBe(compileExpression(DESTINATION_IDENTITY_EXPRESSION).evaluate({ email }, []));
  });
  it("the default samples' identities are made from their emails", async () => {
    const emails = ["grace.hopper@example.com", " Ada@Example.com "];
    for (const [i, s] of DESTINATION_SAMPLES.entries()) expect(identityHashesOf(s.payload)).toEqual([await emailLcSha256(emails[i]!)]);
  });
});
