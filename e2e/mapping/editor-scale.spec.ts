import { test, expect, loginViaApi } from "../fixtures";

// Measures, does not assert on time: a 500-field sample and a 300-field XDM schema, and how long
// a keystroke in each search box takes to filter (from the input event to the next frame).
function bigSample() {
  const sample: Record<string, Record<string, string>> = {};
  for (let g = 0; g < 50; g++) {
    sample[`group${g}`] = {};
    for (let f = 0; f < 9; f++) sample[`group${g}`][`field${f}`] = `value ${g}.${f}`;
  }
  return sample; // 50 objects + 450 leaves = 500 fields
}

function bigSchema() {
  const groups: Record<string, unknown> = {};
  for (let g = 0; g < 30; g++) {
    const props: Record<string, unknown> = {};
    for (let f = 0; f < 9; f++) props[`attr${f}`] = { type: "string", title: `Attribute ${f}` };
    groups[`section${g}`] = { type: "object", properties: props };
  }
  return {
    title: "Large tenant schema",
    type: "object",
    properties: {
      _id: { type: "string", format: "uri-reference" },
      timestamp: { type: "string", format: "date-time" },
      _acme: { type: "object", properties: groups },
    },
    required: ["_id", "timestamp"],
  };
}

test("the editor stays interactive with a 500-field sample and a 300-field schema", async ({ page, request, seedUser }, testInfo) => {
  const ops = await seedUser("OPS");
  const auth = { Authorization: `Bearer ${ops.token}` };
  const { profile } = await (
    await request.post("/api/v1/profiles", { headers: auth, data: { name: `Scale ${Date.now()}`, direction: "SOURCE", eventCode: "scale1" } })
  ).json();
  await request.put(`/api/v1/profiles/${profile.id}/mapping`, { headers: auth, data: { revision: 0, rules: [] } });
  await loginViaApi(page, ops.email, ops.password);
  await page.goto(`/profiles/${profile.id}/mapping`);
  await page.getByTestId("sample-file").setInputFiles({ name: "big.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bigSample())) });
  await page
    .getByLabel("Upload XDM schema")
    .setInputFiles({ name: "schema.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bigSchema())) });
  const sourceList = page.getByRole("list", { name: "Source fields" });
  const targetList = page.getByRole("list", { name: "Target fields" });
  await expect(sourceList.locator("button[data-path]")).toHaveCount(500);
  await expect(targetList.locator("button[data-path]")).toHaveCount(303); // _id, timestamp, _acme, 30 sections, 270 attributes

  const timings: Record<string, number> = {};
  for (const [label, query] of [
    ["Search source fields", "group17"],
    ["Search target fields", "section21"],
  ] as const) {
    const input = page.getByLabel(label);
    // From the input event (before React handles it) to the next frame after the re-render.
    await input.evaluate((el) => {
      const w = window as unknown as { __filterMs?: number[] };
      w.__filterMs = [];
      el.addEventListener("input", () => {
        const t0 = performance.now();
        requestAnimationFrame(() => w.__filterMs!.push(performance.now() - t0));
      });
    });
    await input.fill(query);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __filterMs: number[] }).__filterMs.length)).toBeGreaterThan(0);
    timings[label] = Math.round((await page.evaluate(() => (window as unknown as { __filterMs: number[] }).__filterMs[0])) * 10) / 10;
  }
  await expect(sourceList.locator("button[data-path]")).toHaveCount(10); // group17 and its 9 fields
  testInfo.annotations.push({ type: "search-filter-ms", description: JSON.stringify(timings) });
  console.log(`editor search filter timings (ms): ${JSON.stringify(timings)}`);
});
