import { test, expect, ADOBE_EMULATOR_URL, loginViaApi } from "../fixtures";
import { activeDemoProfile } from "./helpers";

// QA proves an integration works: a test event through the demo profile's real pipeline to the
// Adobe emulator, its detail with request and response, a 503 that is retried until it succeeds,
// the log filtered to failed attempts, and a CSV export of that view.

test.beforeEach(async ({ request }) => {
  await request.delete(`${ADOBE_EMULATOR_URL}/_emulator/faults`);
});

test("an edited payload survives a change of push type; the new sample waits behind a button", async ({ page, request, seedUser }) => {
  await activeDemoProfile(request);
  const qa = await seedUser("QA");
  await loginViaApi(page, qa.email, qa.password);
  await page.goto("/test-events");
  const editor = page.getByLabel("Payload");
  await expect(editor).toHaveValue(/"eventType": "SessionScheduled"/);
  const mine = JSON.stringify({ eventType: "SessionScheduled", note: "typed by QA" }, null, 2);
  await editor.fill(mine);
  const other = (await page.getByLabel("Push type").locator("option").allTextContents()).find((t) => t !== "SessionScheduled")!;
  await page.getByLabel("Push type").selectOption(other);
  await expect(page.getByText(`the ${other} sample was not loaded over it`)).toBeVisible();
  await expect(editor).toHaveValue(mine);
  await page.getByRole("button", { name: "Load the sample" }).click();
  await expect(editor).toHaveValue(new RegExp(`"eventType": "${other}"`));
  // Untouched, the text follows the push type as before.
  await page.getByLabel("Push type").selectOption("SessionScheduled");
  await expect(editor).toHaveValue(/"eventType": "SessionScheduled"/);
});

test("QA sends a test event, watches it reach DELIVERED and reads the exchange", async ({ page, request, seedUser }) => {
  const demo = await activeDemoProfile(request);
  const qa = await seedUser("QA");
  await loginViaApi(page, qa.email, qa.password);
  await page.goto("/test-events");
  await expect(page.getByLabel("Profile")).toHaveValue(demo.id);
  await expect(page.getByLabel("Payload")).toHaveValue(/"eventType": "SessionScheduled"/);
  // The editor validates as you type.
  const editor = page.getByLabel("Payload");
  const sample = await editor.inputValue();
  await editor.fill(sample.slice(0, -2));
  await expect(page.locator("[data-alert=error]")).toContainText(/line \d+, column \d+|JSON/);
  await expect(page.getByRole("button", { name: "Send test event" })).toBeDisabled();
  await page.getByRole("button", { name: "Reset to sample" }).click();
  await expect(page.getByText("Valid JSON.")).toBeVisible();

  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByTestId("test-status")).toHaveText("Delivered", { timeout: 20_000 });
  const result = page.getByLabel("Test result");
  await expect(result.getByText("valid XDM")).toBeVisible();
  await expect(page.getByLabel("Your test sends").getByRole("link").first()).toContainText("SessionScheduled");

  await result.getByRole("link", { name: "Open delivery" }).click();
  await expect(page).toHaveURL(/\/deliveries\/[a-z0-9]+$/);
  await expect(page.getByTestId("delivery-status")).toHaveText("Delivered");
  await expect(page.getByText("test event", { exact: true })).toBeVisible();
  const request1 = page.getByRole("region", { name: "Request 1" });
  await expect(request1).toContainText(`POST ${ADOBE_EMULATOR_URL}/collection/`);
  await expect(request1).toContainText("x-adobe-flow-id");
  await expect(page.getByLabel("Request body 1")).toContainText('"_id"');
  const response1 = page.getByRole("region", { name: "Response 1" });
  await expect(response1).toContainText("200");
  await expect(page.getByLabel("Response body 1")).toContainText("xactionId");
  await expect(page.getByRole("button", { name: "Copy as cURL" })).toBeVisible();
  // QA may not replay.
  await expect(page.getByRole("button", { name: "Replay" })).toHaveCount(0);
});

test("a test event the mapping refuses shows that nothing was sent, not an empty request", async ({ page, request, seedUser }) => {
  await activeDemoProfile(request);
  const qa = await seedUser("QA");
  await loginViaApi(page, qa.email, qa.password);
  await page.goto("/test-events");
  await expect(page.getByLabel("Payload")).toHaveValue(/"eventType": "SessionScheduled"/);
  await page.getByLabel("Payload").fill("{}");
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByTestId("test-status")).toHaveText("Failed", { timeout: 20_000 });
  const result = page.getByLabel("Test result");
  await expect(result.getByTestId("not-sent")).toContainText("Nothing was sent");
  await expect(result.getByTestId("not-sent")).toContainText(`${ADOBE_EMULATOR_URL}/collection/`);
  await expect(result.getByRole("region", { name: "Request 1" })).toHaveCount(0);
});

test("a 503 at the inlet is retried until it succeeds; the failed-attempt view exports as CSV", async ({ page, request, seedUser }) => {
  const demo = await activeDemoProfile(request);
  const qa = await seedUser("QA");
  const fault = await request.post(`${ADOBE_EMULATOR_URL}/_emulator/faults`, { data: { route: "dcs", status: 503, times: 2 } });
  expect(fault.ok()).toBe(true);
  await loginViaApi(page, qa.email, qa.password);
  await page.goto("/test-events");
  await expect(page.getByLabel("Payload")).toHaveValue(/SessionScheduled/);
  await page.getByRole("button", { name: "Send test event" }).click();
  const status = page.getByTestId("test-status");
  // The first answers are 503s: the result follows the retries live until the third attempt lands.
  await expect(page.getByLabel("Test result").getByTestId("attempt").first()).toContainText("503", { timeout: 15_000 });
  await expect(status).toHaveText("Delivered", { timeout: 40_000 });
  const attempts = page.getByLabel("Test result").getByTestId("attempt");
  await expect(attempts).toHaveCount(3);
  await expect(attempts.nth(0)).toContainText("503");
  await expect(attempts.nth(2)).toContainText("200");

  // The log, filtered to deliveries with a failed attempt, through the URL like a shared link.
  await page.goto(`/deliveries?profileId=${demo.id}&failedAttempts=1&test=yes&range=1h`);
  const table = page.getByRole("table", { name: "Deliveries" });
  await expect(table.getByRole("row").nth(1)).toContainText("Delivered");
  await expect(table.getByRole("row").nth(1)).toContainText("3");
  await expect(page.getByLabel("Attempts")).toHaveValue("1");
  // Remote status from AEP beside the local log.
  await expect(page.getByLabel("Remote status")).toContainText("AEP dataflow runs");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^deliveries-.*\.csv$/);
  const csv = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString("utf8"));
  const lines = csv.trim().split("\n");
  expect(lines[0]).toContain("id,receivedAt,deliveredAt,profileId");
  expect(lines.length).toBeGreaterThanOrEqual(2);
  for (const l of lines.slice(1)) expect(l).toContain(demo.id);
  expect(lines.slice(1).filter((l) => l.includes(",DELIVERED,")).length, csv).toBeGreaterThanOrEqual(1);
});

test("an auditor reads the log and a delivery read-only, with attendee emails masked", async ({ page, request, seedUser }) => {
  await activeDemoProfile(request);
  const ops = await seedUser("OPS");
  const sent = await request.post("/api/v1/test-events?timeoutMs=20000", {
    headers: { Authorization: `Bearer ${ops.token}` },
    data: { profileId: (await activeDemoProfile(request)).id, pushType: "SessionScheduled" },
  });
  expect(sent.status()).toBe(200);
  const body = await sent.json();
  expect(body).toMatchObject({ settled: true, delivery: { status: "DELIVERED", test: true } });
  expect(body.delivery.attemptLog[0].responseStatus).toBe(200);
  const email: string = body.delivery.sourcePayload.attendee.email;
  expect(email).toMatch(/@/);

  const auditor = await seedUser("AUDITOR");
  await loginViaApi(page, auditor.email, auditor.password);
  await page.goto(`/deliveries?q=${encodeURIComponent(body.delivery.transmissionId)}`);
  const row = page.getByRole("table", { name: "Deliveries" }).getByRole("row").nth(1);
  await expect(row).toContainText("•••");
  await expect(page.getByText("Attendee emails are masked for your role.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Replay these…" })).toHaveCount(0);
  expect(await page.content()).not.toContain(email);
  await row.getByRole("link").click();
  await expect(page.getByTestId("delivery-status")).toHaveText("Delivered");
  await expect(page.getByRole("button", { name: "Replay" })).toHaveCount(0);
  await expect(page.getByLabel("Source payload")).toContainText("•••");
  expect(await page.content()).not.toContain(email);
  // And the API refuses what the role may not do.
  const replay = await request.post(`/api/v1/deliveries/${body.deliveryId}/replay`, { headers: { Authorization: `Bearer ${auditor.token}` } });
  expect(replay.status()).toBe(403);
  const testSend = await request.post("/api/v1/test-events", { headers: { Authorization: `Bearer ${auditor.token}` }, data: {} });
  expect(testSend.status()).toBe(403);
  const listed = await (
    await request.get(`/api/v1/deliveries?q=${body.delivery.transmissionId}`, { headers: { Authorization: `Bearer ${auditor.token}` } })
  ).json();
  expect(listed.items[0].email).toContain("•••");
});

test('"Your test sends" keeps following a send that is still retrying, after a reload', async ({ page, request, seedUser }) => {
  await activeDemoProfile(request);
  const qa = await seedUser("QA");
  // The inlet answers 503 until the spec lifts the fault, so the send is still retrying after the
  // reload however slow the machine is (two 503s were over before a loaded reload finished).
  await request.post(`${ADOBE_EMULATOR_URL}/_emulator/faults`, { data: { route: "dcs", status: 503 } });
  await loginViaApi(page, qa.email, qa.password);
  await page.goto("/test-events");
  await expect(page.getByLabel("Payload")).toHaveValue(/SessionScheduled/);
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByLabel("Test result").getByTestId("attempt").first()).toContainText("503", { timeout: 15_000 });
  // Nothing is selected after a reload: the list itself must poll while a send is on its way.
  await page.reload();
  const mine = page.getByLabel("Your test sends").getByRole("listitem").first();
  await expect(mine).toContainText(/Retrying|Queued|Delivering/);
  await request.delete(`${ADOBE_EMULATOR_URL}/_emulator/faults`);
  await expect(mine).toContainText("Delivered", { timeout: 40_000 });
});
