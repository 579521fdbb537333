import { encodeInto, pad, wordsToHexBE, wordsToHexLE } from "./bytes";

// SHA-1 and MD5 are broken for security, but Data Prep offers them for matching legacy ids, so we do too.

const W = new Int32Array(80);
const H = new Int32Array(5);

export function sha1Hex(input: string, latin1 = false): string {
  const { buf, len } = encodeInto(input, 72, latin1);
  const total = pad(buf, len, 64, 8, false);
  H[0] = 0x67452301;
  H[1] = 0xefcdab89;
  H[2] = 0x98badcfe;
  H[3] = 0x10325476;
  H[4] = 0xc3d2e1f0;
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i++) {
      const j = off + i * 4;
      W[i] = (buf[j] << 24) | (buf[j + 1] << 16) | (buf[j + 2] << 8) | buf[j + 3];
    }
    for (let i = 16; i < 80; i++) {
      const x = W[i - 3] ^ W[i - 8] ^ W[i - 14] ^ W[i - 16];
      W[i] = (x << 1) | (x >>> 31);
    }
    let a = H[0],
      b = H[1],
      c = H[2],
      d = H[3],
      e = H[4];
    for (let i = 0; i < 80; i++) {
      let f: number, k: number;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5a827999;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ed9eba1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8f1bbcdc;
      } else {
        f = b ^ c ^ d;
        k = 0xca62c1d6;
      }
      const t = (((a << 5) | (a >>> 27)) + f + e + k + W[i]) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    H[0] = (H[0] + a) | 0;
    H[1] = (H[1] + b) | 0;
    H[2] = (H[2] + c) | 0;
    H[3] = (H[3] + d) | 0;
    H[4] = (H[4] + e) | 0;
  }
  return wordsToHexBE(H, 5);
}

const S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const T = new Int32Array(64);
for (let i = 0; i < 64; i++) T[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 0x100000000) | 0;
const M = new Int32Array(16);
const D = new Int32Array(4);

export function md5Hex(input: string, latin1 = false): string {
  const { buf, len } = encodeInto(input, 72, latin1);
  const total = pad(buf, len, 64, 8, true);
  D[0] = 0x67452301;
  D[1] = 0xefcdab89;
  D[2] = 0x98badcfe;
  D[3] = 0x10325476;
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i++) {
      const j = off + i * 4;
      M[i] = buf[j] | (buf[j + 1] << 8) | (buf[j + 2] << 16) | (buf[j + 3] << 24);
    }
    let a = D[0],
      b = D[1],
      c = D[2],
      d = D[3];
    for (let i = 0; i < 64; i++) {
      let f: number, g: number;
      const round = i >> 4;
      if (round === 0) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (round === 1) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) & 15;
      } else if (round === 2) {
        f = b ^ c ^ d;
        g = (3 * i + 5) & 15;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) & 15;
      }
      const s = S[round * 4 + (i & 3)];
      const x = (a + f + T[i] + M[g]) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((x << s) | (x >>> (32 - s)))) | 0;
    }
    D[0] = (D[0] + a) | 0;
    D[1] = (D[1] + b) | 0;
    D[2] = (D[2] + c) | 0;
    D[3] = (D[3] + d) | 0;
  }
  return wordsToHexLE(D, 4);
}
