/** Relative time for tables ("3 min ago"), with the exact time in a title attribute by the caller. */
export function timeAgo(date: Date | string | null | undefined, now = Date.now()): string {
  if (!date) return "—";
  const t = typeof date === "string" ? Date.parse(date) : date.getTime();
  const s = Math.round((now - t) / 1000);
  if (s < 0) return "just now";
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}

export function isoTime(date: Date | string | null | undefined): string {
  if (!date) return "";
  return (typeof date === "string" ? new Date(date) : date).toISOString();
}
