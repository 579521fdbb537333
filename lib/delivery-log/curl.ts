import { redactHeaders } from "@/lib/redact";

// "Copy as cURL" for an attempt. Pure. The headers were redacted when the attempt was recorded;
// they are redacted again here so a header that slipped through can never reach a clipboard.

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function buildCurl(a: { method?: string; requestUrl: string; requestHeaders: unknown; requestBody: unknown }): string {
  const headers = redactHeaders(Object.fromEntries(Object.entries((a.requestHeaders ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)])));
  const method = a.method ?? (a.requestBody !== null && a.requestBody !== undefined ? "POST" : "GET");
  const lines = [`curl -X ${method} ${q(a.requestUrl)}`];
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() !== "content-length") lines.push(`  -H ${q(`${k}: ${v}`)}`);
  if (a.requestBody !== null && a.requestBody !== undefined) {
    lines.push(`  --data-raw ${q(typeof a.requestBody === "string" ? a.requestBody : JSON.stringify(a.requestBody))}`);
  }
  return lines.join(" \\\n");
}
