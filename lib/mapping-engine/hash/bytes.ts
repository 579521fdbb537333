// Shared helpers for the pure-JS hashes: UTF-8 encoding into a reusable scratch buffer and hex
// output. Pure JS (no node:crypto, no async WebCrypto) so the same code runs synchronously in the
// browser preview and in the worker.

const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push((i < 16 ? "0" : "") + i.toString(16));

let scratch = new Uint8Array(256);

/** Encodes `s` as UTF-8 (or Latin-1) into a scratch buffer with `extra` spare bytes; returns byte length. */
export function encodeInto(s: string, extra: number, latin1 = false): { buf: Uint8Array; len: number } {
  const max = s.length * (latin1 ? 1 : 3) + extra;
  if (scratch.length < max) scratch = new Uint8Array(Math.max(max, scratch.length * 2));
  const buf = scratch;
  let p = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (latin1) {
      buf[p++] = c > 0xff ? 0x3f : c; // '?' like Java's replacement for unmappable chars
    } else if (c < 0x80) {
      buf[p++] = c;
    } else if (c < 0x800) {
      buf[p++] = 0xc0 | (c >> 6);
      buf[p++] = 0x80 | (c & 63);
    } else {
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          buf[p++] = 0xf0 | (c >> 18);
          buf[p++] = 0x80 | ((c >> 12) & 63);
          buf[p++] = 0x80 | ((c >> 6) & 63);
          buf[p++] = 0x80 | (c & 63);
          continue;
        }
      }
      if (c >= 0xd800 && c < 0xe000) c = 0xfffd; // lone surrogate → U+FFFD, as TextEncoder does
      buf[p++] = 0xe0 | (c >> 12);
      buf[p++] = 0x80 | ((c >> 6) & 63);
      buf[p++] = 0x80 | (c & 63);
    }
  }
  return { buf, len: p };
}

/** Big-endian 32-bit words to lowercase hex. */
export function wordsToHexBE(words: ArrayLike<number>, count: number): string {
  let out = "";
  for (let i = 0; i < count; i++) {
    const w = words[i];
    out += HEX[(w >>> 24) & 255] + HEX[(w >>> 16) & 255] + HEX[(w >>> 8) & 255] + HEX[w & 255];
  }
  return out;
}

/** Little-endian 32-bit words to lowercase hex (MD5). */
export function wordsToHexLE(words: ArrayLike<number>, count: number): string {
  let out = "";
  for (let i = 0; i < count; i++) {
    const w = words[i];
    out += HEX[w & 255] + HEX[(w >>> 8) & 255] + HEX[(w >>> 16) & 255] + HEX[(w >>> 24) & 255];
  }
  return out;
}

/** Appends the 0x80 terminator, zero padding and the bit length (big- or little-endian 64-bit). */
export function pad(buf: Uint8Array, len: number, block: number, lenBytes: number, littleEndian: boolean): number {
  const total = Math.ceil((len + 1 + lenBytes) / block) * block;
  buf[len] = 0x80;
  buf.fill(0, len + 1, total);
  const bitsHi = Math.floor(len / 0x20000000);
  const bitsLo = (len * 8) >>> 0;
  if (littleEndian) {
    const o = total - 8;
    buf[o] = bitsLo & 255;
    buf[o + 1] = (bitsLo >>> 8) & 255;
    buf[o + 2] = (bitsLo >>> 16) & 255;
    buf[o + 3] = bitsLo >>> 24;
    buf[o + 4] = bitsHi & 255;
    buf[o + 5] = (bitsHi >>> 8) & 255;
    buf[o + 6] = (bitsHi >>> 16) & 255;
    buf[o + 7] = bitsHi >>> 24;
  } else {
    const o = total - 4;
    buf[o] = bitsLo >>> 24;
    buf[o + 1] = (bitsLo >>> 16) & 255;
    buf[o + 2] = (bitsLo >>> 8) & 255;
    buf[o + 3] = bitsLo & 255;
    buf[o - 4] = bitsHi >>> 24;
    buf[o - 3] = (bitsHi >>> 16) & 255;
    buf[o - 2] = (bitsHi >>> 8) & 255;
    buf[o - 1] = bitsHi & 255;
  }
  return total;
}
