import { md5Hex as md5Bytes, sha1Hex as sha1Bytes } from "./sha1-md5";
import { sha256Hex as sha256Bytes } from "./sha256";
import { sha512Hex as sha512Bytes } from "./sha512";

// Charsets for the hashing functions: functions.md lists UTF-8, UTF-16, ISO-8859-1 and US-ASCII,
// encoded as Java's String.getBytes(charset) does. The digests are the hand-written, vector- and
// fuzz-tested ones in this folder (see "Why not @noble/hashes" below), which read a string either
// as UTF-8 or as one byte per character; the other charsets are turned into such a byte string.
//
// Why not @noble/hashes: the worker and the server run under tsx, which loads noble's ES modules
// through its CommonJS transform; there noble's sha256 ran 8–10× slower than the hand-written one
// (≈60k vs ≈800k short hashes/s) and bench:mapping fell from ~160k to ~29k events/s. The issue
// allows keeping the hand-written hashes when the library costs more than 10%.

const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push((i < 16 ? "0" : "") + i.toString(16));

export type Charset = "UTF-8" | "UTF-16" | "UTF-16BE" | "UTF-16LE" | "ISO-8859-1" | "US-ASCII";

const utf8 = new TextEncoder();

/** Java's getBytes: unmappable characters become '?'; "UTF-16" writes a big-endian BOM first. */
export function encode(s: string, charset: Charset = "UTF-8"): Uint8Array {
  switch (charset) {
    case "UTF-8":
      return utf8.encode(s);
    case "ISO-8859-1":
    case "US-ASCII": {
      const max = charset === "US-ASCII" ? 0x7f : 0xff;
      const out = new Uint8Array(s.length);
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        out[i] = c > max ? 0x3f : c;
      }
      return out;
    }
    default: {
      const bom = charset === "UTF-16" ? 2 : 0,
        le = charset === "UTF-16LE";
      const out = new Uint8Array(bom + s.length * 2);
      if (bom) {
        out[0] = 0xfe;
        out[1] = 0xff;
      }
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i),
          p = bom + i * 2;
        out[p] = le ? c & 0xff : c >> 8;
        out[p + 1] = le ? c >> 8 : c & 0xff;
      }
      return out;
    }
  }
}

const CRC_TABLE = new Int32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLE[n] = c;
}

/**
 * CRC-32 (IEEE 802.3) written as its four bytes least-significant first, in hex. That is what
 * functions.md prints: crc32("my text", "UTF-8") → 8df92e80, where the CRC value is 0x802ef98d.
 */
export function crc32(bytes: Uint8Array): string {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  const v = (c ^ -1) >>> 0;
  return HEX[v & 0xff] + HEX[(v >>> 8) & 0xff] + HEX[(v >>> 16) & 0xff] + HEX[v >>> 24];
}

/** The input as a one-byte-per-character string in `charset`, or null for UTF-8 (hashed natively). */
function byteString(s: string, charset: Charset): string | null {
  if (charset === "UTF-8") return null;
  if (charset === "ISO-8859-1") return s; // the digests map > 0xff to '?' themselves
  const bytes = encode(s, charset);
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

const digest =
  (f: (s: string, latin1: boolean) => string) =>
  (s: string, charset: Charset = "UTF-8"): string => {
    const b = byteString(s, charset);
    return b === null ? f(s, false) : f(b, true);
  };

export const sha1Hex = digest(sha1Bytes);
export const sha256Hex = digest(sha256Bytes);
export const sha512Hex = digest(sha512Bytes);
export const md5Hex = digest(md5Bytes);
export const crc32Hex = (s: string, charset?: Charset) => crc32(encode(s, charset));
