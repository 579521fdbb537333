import { test, expect, loginViaApi } from "../fixtures";

// Issue 16: the expression editor lists Adobe's whole Data Prep library, grouped as the reference
// groups it, with each function's signature and Adobe's description; a documented expression
// pasted from the reference previews as documented.
test("the expression editor lists every Data Prep function with its signature and description", async ({ page, request, seedUser }) => {
  const ops = await seedUser("OPS");
  const auth = { Authorization: `Bearer ${ops.token}` };
  const { profile } = await (
    await request.post("/api/v1/profiles", { headers: auth, data: { name: `Functions ${Date.now()}`, direction: "SOURCE", eventCode: "fnlist" } })
  ).json();
  await request.patch(`/api/v1/profiles/${profile.id}`, { headers: auth, data: { version: 1, adobe: { adobeAuthMethod: "OAUTH_S2S", tenantId: "acme" } } });
  await loginViaApi(page, ops.email, ops.password);
  await page.goto(`/profiles/${profile.id}/mapping`);
  const sample = {
    transmissionId: "1680309717012001qJP",
    eventType: "SessionScheduled",
    timestamp: "2023-04-01T00:41:57.000Z",
    attendee: { email: "ada@example.com" },
  };
  await page.getByTestId("sample-file").setInputFiles({ name: "s.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(sample)) });

  await page.getByRole("button", { name: "Add calculated field" }).click();
  const list = page.getByTestId("function-list");
  await list.locator("summary").click();
  for (const group of ["String", "URL", "Date and time", "Maps", "User agent", "Analytics"]) {
    await expect(list.getByRole("heading", { name: group, exact: true })).toBeVisible();
  }
  await list.getByLabel("Search functions").fill("split");
  await expect(list.getByText("Relay: Empty parts are dropped; use explode to keep them.")).toBeVisible();
  await list.getByLabel("Search functions").fill("url");
  await expect(list.getByText("get_url_query_str(URL, ANCHOR)")).toBeVisible();
  await expect(list.getByText(/Returns the query string of a given URL as a map/)).toBeVisible();
  await page.screenshot({ path: "test-results/function-list.png", fullPage: false });

  // Paste the reference's example and see its documented output in the preview.
  await list.getByLabel("Search functions").fill("");
  await page.getByLabel("Calculated field target").fill("_acme.site");
  await page.getByLabel("Expression").fill('get_url_host("https://platform.adobe.com/home")');
  await expect(page.getByTestId("expression-error")).toHaveCount(0);
  await page.getByRole("button", { name: "Add calculated field" }).last().click();
  await expect(page.getByTestId("value-_acme.site")).toHaveText("platform.adobe.com");
});
