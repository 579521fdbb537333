import { describe, expect, it } from "vitest";
import { formatBytes } from "./format-bytes";

describe("formatBytes", () => {
  it("says 1 MB for AEP's limit, never 1048576 bytes", () => {
    expect(formatBytes(1024 * 1024)).toBe("1 MB");
    expect(formatBytes(5 * 1024 * 1024)).toBe("5 MB");
    expect(formatBytes(1_572_864)).toBe("1.5 MB");
    expect(formatBytes(16 * 1024)).toBe("16 KB");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(900)).toBe("900 bytes");
  });
});
