/**
 * Sizes in one unit family, as people read them: "1 MB", "512 KB", "900 bytes". Binary multiples
 * (1 MB = 1,048,576 bytes), the unit AEP's 1 MB limits are counted in.
 */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Number((n / (1024 * 1024)).toFixed(1))} MB`;
  if (n >= 1024) return `${Number((n / 1024).toFixed(n < 10 * 1024 ? 1 : 0))} KB`;
  return `${n} ${n === 1 ? "byte" : "bytes"}`;
}
