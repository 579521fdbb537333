import { describe, expect, it } from "vitest";
import { md5Hex, sha1Hex } from "./hash/sha1-md5";
import { sha256Hex } from "./hash/sha256";
import { sha512Hex } from "./hash/sha512";

// Published test vectors (FIPS 180 examples, RFC 1321) plus multi-block and UTF-8 inputs.
const LATIN1_E = "de2e331d891ae267a7009cb45b4e8830f170e0c937288ea2731a1941c7a53b0d";
const EMOJI_EURO = "d78e111157a428afc5cdbad963f979e1efff190f3967263a0dc42f4d5985c4c2";

describe("pure-JS hashes", () => {
  it("matches FIPS/RFC vectors for 'abc' and ''", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha1Hex("abc")).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    expect(sha1Hex("")).toBe("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    expect(md5Hex("abc")).toBe("900150983cd24fb0d6963f7d28e17f72");
    expect(md5Hex("")).toBe("d41d8cd98f00b204e9800998ecf8427e");
    expect(sha512Hex("abc")).toBe(
      "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
    );
  });
  it("handles two-block messages", () => {
    const m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    expect(sha256Hex(m)).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    expect(sha1Hex(m)).toBe("84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    const m2 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
    expect(sha512Hex(m2)).toBe(
      "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909",
    );
    expect(md5Hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890")).toBe("57edf4a22be3c955ac49da2e2107b67a");
  });
  it("hashes UTF-8 bytes (the quick brown fox, accents, emoji)", () => {
    expect(sha256Hex("The quick brown fox jumps over the lazy dog")).toBe("d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592");
    expect(md5Hex("The quick brown fox jumps over the lazy dog")).toBe("9e107d9d372bb6826bd81d3542a419d6");
    // sha256("é") = bytes c3 a9
    expect(sha256Hex("é")).toBe("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
    expect(sha256Hex("é", true)).toBe(LATIN1_E);
    expect(sha256Hex("😀€")).toBe(EMOJI_EURO);
    expect(sha256Hex("a".repeat(1000))).toBe("41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
  });
});
