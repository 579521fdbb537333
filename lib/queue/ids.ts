import { randomBytes } from "node:crypto";

let counter = Math.floor(Math.random() * 1679616);
// Random bytes drawn 4 KB at a time: one randomBytes call per row was a visible cost in the settle.
let pool = randomBytes(4096);
let offset = 0;

function random8(): Buffer {
  if (offset + 8 > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  offset += 8;
  return pool.subarray(offset - 8, offset);
}

/**
 * Row ids for rows written with raw SQL, in the shape of Prisma's cuid() defaults (which Prisma
 * fills in client-side, so raw inserts must too): "c", base-36 time, counter, randomness — 25
 * characters, roughly time-ordered, unique across processes.
 */
export function newRowId(): string {
  counter = (counter + 1) % 1679616;
  const time = Date.now().toString(36).padStart(8, "0").slice(-8);
  const count = counter.toString(36).padStart(4, "0");
  const rand = random8().readBigUInt64BE().toString(36).padStart(12, "0").slice(-12);
  return `c${time}${count}${rand}`;
}
