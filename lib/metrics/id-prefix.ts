/**
 * The base-36 time prefix of row ids minted at `ms` (lib/queue/ids.ts and Prisma's cuid() both
 * start "c" + 8 base-36 digits of the creation time), so `id >= prefix` selects rows made since.
 */
export function idTimePrefix(ms: number): string {
  return "c" + ms.toString(36).padStart(8, "0").slice(-8);
}
