import { test, expect } from "../fixtures";

// An operator's Prometheus scrapes /api/metrics with METRICS_TOKEN (playwright.config.ts sets it on
// the e2e server); without it, or with another one, the answer is 401.
const METRICS_TOKEN = "e2e-metrics-token-0123456789";

type Family = { type: string; samples: { name: string; labels: Record<string, string>; value: number }[] };

/** A small parser of the text exposition format: families by name, samples with their labels. */
function parseExposition(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const family = (name: string) => families.get(name) ?? families.set(name, { type: "untyped", samples: [] }).get(name)!;
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) family(type[1]!).type = type[2]!;
    if (line.startsWith("#")) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    expect(m, `exposition line: ${line}`).not.toBeNull();
    const [, name, rawLabels, value] = m!;
    const labels: Record<string, string> = {};
    for (const l of (rawLabels ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    const base = [...families.keys()].find(
      (f) => name === f || (families.get(f)!.type === "histogram" && /^_(bucket|sum|count)$/.test(name!.slice(f.length)) && name!.startsWith(f)),
    );
    family(base ?? name!).samples.push({ name: name!, labels, value: value === "+Inf" ? Infinity : Number(value) });
  }
  return families;
}

test("metrics: 401 without the token, Prometheus families with it", async ({ request }) => {
  expect((await request.get("/api/metrics")).status()).toBe(401);
  expect((await request.get("/api/metrics", { headers: { Authorization: "Bearer not-the-token" } })).status()).toBe(401);

  // A refused push shows up as an inbound reject.
  expect((await request.post("/api/v1/inbound/rainfocus/nonexistent", { data: { transmissionId: "x", eventType: "SessionScheduled" } })).status()).toBe(404);

  const res = await request.get("/api/metrics", { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/plain; version=0.0.4");
  const families = parseExposition(await res.text());
  expect(families.get("relay_deliveries")?.type).toBe("gauge");
  expect(families.get("relay_queue_depth")?.samples[0]?.value).toBeGreaterThanOrEqual(0);
  expect(families.get("relay_queue_oldest_due_age_seconds")?.type).toBe("gauge");
  const latency = families.get("relay_attempt_duration_seconds")!;
  expect(latency.type).toBe("histogram");
  const inf = latency.samples.find((s) => s.labels.le === "+Inf")!.value;
  expect(latency.samples.find((s) => s.name.endsWith("_count"))!.value).toBe(inf);
  const rejects = families.get("relay_inbound_rejects_total")!;
  expect(rejects.type).toBe("counter");
  expect(rejects.samples.find((s) => s.labels.endpoint === "rainfocus" && s.labels.code === "not_found")?.value).toBeGreaterThanOrEqual(1);
});
