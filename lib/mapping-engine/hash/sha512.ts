import { encodeInto, pad, wordsToHexBE } from "./bytes";

// SHA-512 on 32-bit halves (hi, lo): BigInt would be simpler but ~20× slower.
const K = new Int32Array([
  0x428a2f98, 0xd728ae22, 0x71374491, 0x23ef65cd, 0xb5c0fbcf, 0xec4d3b2f, 0xe9b5dba5, 0x8189dbbc, 0x3956c25b, 0xf348b538, 0x59f111f1, 0xb605d019, 0x923f82a4,
  0xaf194f9b, 0xab1c5ed5, 0xda6d8118, 0xd807aa98, 0xa3030242, 0x12835b01, 0x45706fbe, 0x243185be, 0x4ee4b28c, 0x550c7dc3, 0xd5ffb4e2, 0x72be5d74, 0xf27b896f,
  0x80deb1fe, 0x3b1696b1, 0x9bdc06a7, 0x25c71235, 0xc19bf174, 0xcf692694, 0xe49b69c1, 0x9ef14ad2, 0xefbe4786, 0x384f25e3, 0x0fc19dc6, 0x8b8cd5b5, 0x240ca1cc,
  0x77ac9c65, 0x2de92c6f, 0x592b0275, 0x4a7484aa, 0x6ea6e483, 0x5cb0a9dc, 0xbd41fbd4, 0x76f988da, 0x831153b5, 0x983e5152, 0xee66dfab, 0xa831c66d, 0x2db43210,
  0xb00327c8, 0x98fb213f, 0xbf597fc7, 0xbeef0ee4, 0xc6e00bf3, 0x3da88fc2, 0xd5a79147, 0x930aa725, 0x06ca6351, 0xe003826f, 0x14292967, 0x0a0e6e70, 0x27b70a85,
  0x46d22ffc, 0x2e1b2138, 0x5c26c926, 0x4d2c6dfc, 0x5ac42aed, 0x53380d13, 0x9d95b3df, 0x650a7354, 0x8baf63de, 0x766a0abb, 0x3c77b2a8, 0x81c2c92e, 0x47edaee6,
  0x92722c85, 0x1482353b, 0xa2bfe8a1, 0x4cf10364, 0xa81a664b, 0xbc423001, 0xc24b8b70, 0xd0f89791, 0xc76c51a3, 0x0654be30, 0xd192e819, 0xd6ef5218, 0xd6990624,
  0x5565a910, 0xf40e3585, 0x5771202a, 0x106aa070, 0x32bbd1b8, 0x19a4c116, 0xb8d2d0c8, 0x1e376c08, 0x5141ab53, 0x2748774c, 0xdf8eeb99, 0x34b0bcb5, 0xe19b48a8,
  0x391c0cb3, 0xc5c95a63, 0x4ed8aa4a, 0xe3418acb, 0x5b9cca4f, 0x7763e373, 0x682e6ff3, 0xd6b2b8a3, 0x748f82ee, 0x5defb2fc, 0x78a5636f, 0x43172f60, 0x84c87814,
  0xa1f0ab72, 0x8cc70208, 0x1a6439ec, 0x90befffa, 0x23631e28, 0xa4506ceb, 0xde82bde9, 0xbef9a3f7, 0xb2c67915, 0xc67178f2, 0xe372532b, 0xca273ece, 0xea26619c,
  0xd186b8c7, 0x21c0c207, 0xeada7dd6, 0xcde0eb1e, 0xf57d4f7f, 0xee6ed178, 0x06f067aa, 0x72176fba, 0x0a637dc5, 0xa2c898a6, 0x113f9804, 0xbef90dae, 0x1b710b35,
  0x131c471b, 0x28db77f5, 0x23047d84, 0x32caab7b, 0x40c72493, 0x3c9ebe0a, 0x15c9bebc, 0x431d67c4, 0x9c100d4c, 0x4cc5d4be, 0xcb3e42b6, 0x597f299c, 0xfc657e2a,
  0x5fcb6fab, 0x3ad6faec, 0x6c44198c, 0x4a475817,
]);
const W = new Int32Array(160);
const H = new Int32Array(16);
const IV = [
  0x6a09e667, 0xf3bcc908, 0xbb67ae85, 0x84caa73b, 0x3c6ef372, 0xfe94f82b, 0xa54ff53a, 0x5f1d36f1, 0x510e527f, 0xade682d1, 0x9b05688c, 0x2b3e6c1f, 0x1f83d9ab,
  0xfb41bd6b, 0x5be0cd19, 0x137e2179,
];

// 64-bit add of (ah,al)+(bh,bl): returns hi, low word left in `lo`.
let lo = 0;
function add(ah: number, al: number, bh: number, bl: number): number {
  const l = (al >>> 0) + (bl >>> 0);
  lo = l | 0;
  return (ah + bh + ((l / 0x100000000) | 0)) | 0;
}
// Rotate right of (h,l) by n (n < 32): hi part and lo part.
const rotrH = (h: number, l: number, n: number) => (h >>> n) | (l << (32 - n));
const rotrL = (h: number, l: number, n: number) => (l >>> n) | (h << (32 - n));

export function sha512Hex(input: string, latin1 = false): string {
  const { buf, len } = encodeInto(input, 144, latin1);
  const total = pad(buf, len, 128, 16, false);
  for (let i = 0; i < 16; i++) H[i] = IV[i];
  for (let off = 0; off < total; off += 128) {
    for (let i = 0; i < 32; i++) {
      const j = off + i * 4;
      W[i] = (buf[j] << 24) | (buf[j + 1] << 16) | (buf[j + 2] << 8) | buf[j + 3];
    }
    for (let i = 16; i < 80; i++) {
      const xh = W[(i - 15) * 2],
        xl = W[(i - 15) * 2 + 1];
      const s0h = rotrH(xh, xl, 1) ^ rotrH(xh, xl, 8) ^ (xh >>> 7);
      const s0l = rotrL(xh, xl, 1) ^ rotrL(xh, xl, 8) ^ ((xl >>> 7) | (xh << 25));
      const yh = W[(i - 2) * 2],
        yl = W[(i - 2) * 2 + 1];
      // rotr 61 = rotl 3 = swap halves then rotr 29
      const s1h = rotrH(yh, yl, 19) ^ rotrL(yh, yl, 29) ^ (yh >>> 6);
      const s1l = rotrL(yh, yl, 19) ^ rotrH(yh, yl, 29) ^ ((yl >>> 6) | (yh << 26));
      let h = add(s0h, s0l, s1h, s1l);
      let l = lo;
      h = add(h, l, W[(i - 7) * 2], W[(i - 7) * 2 + 1]);
      l = lo;
      h = add(h, l, W[(i - 16) * 2], W[(i - 16) * 2 + 1]);
      l = lo;
      W[i * 2] = h;
      W[i * 2 + 1] = l;
    }
    let ah = H[0],
      al = H[1],
      bh = H[2],
      bl = H[3],
      ch = H[4],
      cl = H[5],
      dh = H[6],
      dl = H[7];
    let eh = H[8],
      el = H[9],
      fh = H[10],
      fl = H[11],
      gh = H[12],
      gl = H[13],
      hh = H[14],
      hl = H[15];
    for (let i = 0; i < 80; i++) {
      // Σ1(e) = rotr14 ^ rotr18 ^ rotr41 ; rotr41 = rotr(9) of swapped halves
      const S1h = rotrH(eh, el, 14) ^ rotrH(eh, el, 18) ^ rotrL(eh, el, 9);
      const S1l = rotrL(eh, el, 14) ^ rotrL(eh, el, 18) ^ rotrH(eh, el, 9);
      const chh = (eh & fh) ^ (~eh & gh),
        chl = (el & fl) ^ (~el & gl);
      let t1h = add(hh, hl, S1h, S1l);
      let t1l = lo;
      t1h = add(t1h, t1l, chh, chl);
      t1l = lo;
      t1h = add(t1h, t1l, K[i * 2], K[i * 2 + 1]);
      t1l = lo;
      t1h = add(t1h, t1l, W[i * 2], W[i * 2 + 1]);
      t1l = lo;
      // Σ0(a) = rotr28 ^ rotr34 ^ rotr39 ; rotr34 = rotr2 swapped, rotr39 = rotr7 swapped
      const S0h = rotrH(ah, al, 28) ^ rotrL(ah, al, 2) ^ rotrL(ah, al, 7);
      const S0l = rotrL(ah, al, 28) ^ rotrH(ah, al, 2) ^ rotrH(ah, al, 7);
      const mh = (ah & bh) ^ (ah & ch) ^ (bh & ch),
        ml = (al & bl) ^ (al & cl) ^ (bl & cl);
      const t2h = add(S0h, S0l, mh, ml);
      const t2l = lo;
      hh = gh;
      hl = gl;
      gh = fh;
      gl = fl;
      fh = eh;
      fl = el;
      eh = add(dh, dl, t1h, t1l);
      el = lo;
      dh = ch;
      dl = cl;
      ch = bh;
      cl = bl;
      bh = ah;
      bl = al;
      ah = add(t1h, t1l, t2h, t2l);
      al = lo;
    }
    const st = [ah, al, bh, bl, ch, cl, dh, dl, eh, el, fh, fl, gh, gl, hh, hl];
    for (let i = 0; i < 16; i += 2) {
      H[i] = add(H[i], H[i + 1], st[i], st[i + 1]);
      H[i + 1] = lo;
    }
  }
  return wordsToHexBE(H, 16);
}
