import { describe, expect, it } from "vitest";
import { buildCurl } from "./curl";

describe("copy as cURL", () => {
  it("quotes the URL, headers and body for a POSIX shell and never carries a secret", () => {
    const curl = buildCurl({
      requestUrl: "https://dcs.adobedc.net/collection/abc",
      requestHeaders: { Authorization: "Bearer eyJsecret", "Content-Type": "application/json", "x-adobe-flow-id": "f1", "content-length": "12" },
      requestBody: { note: "it's here" },
    });
    expect(curl).toBe(
      [
        "curl -X POST 'https://dcs.adobedc.net/collection/abc'",
        "  -H 'Authorization: Bearer [REDACTED]'",
        "  -H 'Content-Type: application/json'",
        "  -H 'x-adobe-flow-id: f1'",
        `  --data-raw '{"note":"it'\\''s here"}'`,
      ].join(" \\\n"),
    );
    expect(curl).not.toContain("eyJsecret");
  });

  it("uses GET without a body", () => {
    expect(buildCurl({ requestUrl: "https://x.test/a", requestHeaders: {}, requestBody: null })).toBe("curl -X GET 'https://x.test/a'");
  });
});
