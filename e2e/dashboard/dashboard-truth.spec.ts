import { test, expect, ADMIN, ADOBE_EMULATOR_URL, RAINFOCUS_EMULATOR_URL, SEEDED_TOKEN, loginViaApi } from "../fixtures";
import { activeDemoProfile } from "../deliveries/helpers";

const admin = { Authorization: `Bearer ${SEEDED_TOKEN}` };

test("a replayed outage stays on the dashboard as failed attempts, the replay shows as a replay, and live health shows what AEP answered", async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const demo = await activeDemoProfile(request);
  await loginViaApi(page, ADMIN.email, ADMIN.password);
  await page.goto(`/profiles/${demo.id}`);
  await page.getByRole("button", { name: "Rotate inbound secret" }).click();
  await page.getByRole("button", { name: "Rotate now" }).click();
  const secret = (await page.getByTestId("revealed-secret").textContent())!.trim();
  // The rotation time updates without a reload.
  await expect(page.getByText(/last rotated (\d+s ago|just now)/)).toBeVisible();

  // An "outage": AEP refuses three production pushes (400: failed, no retries).
  await request.delete(`${ADOBE_EMULATOR_URL}/_emulator/faults`);
  await request.post(`${ADOBE_EMULATOR_URL}/_emulator/faults`, { data: { route: "dcs", status: 400, times: 3 } });
  const pushed = await (
    await request.post(`${RAINFOCUS_EMULATOR_URL}/_emulator/push`, {
      data: { targetUrl: `${baseURL}/api/v1/inbound/rainfocus/${demo.id}`, secret, pushType: "SessionScheduled", count: 3, startIndex: 7800 },
    })
  ).json();
  const tids: string[] = pushed.results.map((r: { transmissionId: string }) => r.transmissionId);
  const mine = async (status: string) => {
    const body = await (await request.get(`/api/v1/deliveries?profileId=${demo.id}&status=${status}&test=no&limit=200`, { headers: admin })).json();
    return (body.items as { id: string; transmissionId: string }[]).filter((d) => tids.includes(d.transmissionId));
  };
  await expect.poll(async () => (await mine("FAILED")).length, { timeout: 30_000 }).toBe(3);
  await request.delete(`${ADOBE_EMULATOR_URL}/_emulator/faults`);

  // Live health: the Adobe cell says what AEP answered, beside the (still OK) connection test.
  await page.goto(`/dashboard?range=1h&profileId=${demo.id}`);
  const adobe = page.getByRole("table", { name: "Profile health" }).getByTestId("health-adobe");
  await expect(adobe).toContainText(/\d+ of \d+ failed · 15 min/);
  await expect(adobe).toContainText("test: OK");

  // Replay them: every one is delivered now.
  for (const d of await mine("FAILED")) expect((await request.post(`/api/v1/deliveries/${d.id}/replay`, { headers: admin, data: {} })).status()).toBe(202);
  await expect.poll(async () => (await mine("DELIVERED")).length, { timeout: 30_000 }).toBe(3);

  // The window still shows the failed attempts (not "100%, no errors") and the replays as replays.
  await page.goto(`/dashboard?range=1h&profileId=${demo.id}`);
  await expect(page.getByTestId("tile-success")).not.toHaveText("100.0%");
  await expect(page.locator("a", { has: page.getByTestId("tile-success") })).toContainText(/[1-9]\d* of \d+ attempts failed · [1-9]\d* were replays/);
  await expect(page.locator("a", { has: page.getByTestId("tile-delivered") })).toContainText(/[1-9]\d* more on replay/);
  const topErrors = page.getByRole("list", { name: "Top errors" });
  await expect(topErrors).toContainText("400");
  // The top error opens the log on exactly the deliveries it counts.
  const first = topErrors.getByRole("link").first();
  const counted = Number((await first.textContent())!.match(/(\d+) deliver(y|ies)/)![1]);
  await first.click();
  await expect(page).toHaveURL(/attempt=failed&attemptError=[0-9a-f]{32}/);
  await expect(page.getByRole("table", { name: "Deliveries" }).locator("tbody tr")).toHaveCount(counted);

  // The profile list shows the same success rate as the dashboard's per-profile row (24 h).
  await page.goto(`/dashboard?profileId=${demo.id}`);
  const dashRate = (await page
    .getByRole("table", { name: "Profile health" })
    .getByRole("row")
    .filter({ hasText: demo.name })
    .getByRole("cell")
    .nth(2)
    .textContent())!.trim();
  expect(dashRate).toMatch(/%$/);
  await page.goto("/profiles");
  await expect(page.getByRole("table", { name: "Profiles" }).getByRole("row").filter({ hasText: demo.name })).toContainText(`${dashRate} of`);
});

test("refused inbound requests are recorded without their bodies and shown in the log and on the dashboard", async ({ page, request }) => {
  const demo = await activeDemoProfile(request);
  const body = JSON.stringify([{ transmissionId: "refused-e2e-1", eventType: "SessionScheduled", attendee: { email: "refused@example.com" } }]);
  for (let i = 0; i < 3; i++) {
    const r = await request.post(`/api/v1/inbound/rainfocus/${demo.id}`, {
      headers: { "Content-Type": "application/json", "X-RF-Signature": "sha256=00" },
      data: body,
    });
    expect(r.status()).toBe(401);
  }
  expect((await request.post("/api/v1/inbound/rainfocus/no-such-profile-e2e", { headers: { "Content-Type": "application/json" }, data: body })).status()).toBe(
    404,
  );

  await loginViaApi(page, ADMIN.email, ADMIN.password);
  // Refusals are written in the background (once a second): first the rows, as the refused log
  // reads them, then the tile, so a failure says which of the two is missing.
  const refusedTable = page.getByRole("table", { name: "Refused requests" });
  await expect(async () => {
    await page.goto(`/deliveries/refused?range=1h&profileId=${demo.id}`);
    await expect(refusedTable.getByRole("row").filter({ hasText: "Bad signature" }).first()).toBeVisible({ timeout: 2_000 });
  }, "the refused requests are recorded").toPass({ timeout: 20_000 });
  const tile = async () => Number((await page.getByTestId("tile-refused").textContent())!.replace(/\D/g, "") || 0);
  await expect(async () => {
    await page.goto(`/dashboard?range=1h&profileId=${demo.id}`);
    await expect(page.getByTestId("tile-refused")).not.toHaveText("…");
    expect(await tile()).toBeGreaterThanOrEqual(3);
  }, "the dashboard's tile counts them").toPass({ timeout: 20_000 });
  await page.locator("a", { has: page.getByTestId("tile-refused") }).click();
  await expect(page).toHaveURL(/\/deliveries\/refused\?range=1h&profileId=/);
  const row = page.getByRole("table", { name: "Refused requests" }).getByRole("row").filter({ hasText: "Bad signature" }).first();
  await expect(row).toContainText(demo.name);
  await expect(row).toContainText("X-RF-Signature is missing or does not match");
  await expect(page.getByRole("table", { name: "Refused requests" })).not.toContainText("refused@example.com");

  // The log links to it; an unknown profile id is shown as such.
  await page.goto("/deliveries");
  await page.getByRole("link", { name: "Refused requests →" }).click();
  await page.getByLabel("Reason").selectOption("not_found");
  await expect(page.getByRole("table", { name: "Refused requests" })).toContainText("no profile “no-such-profile-e2e”");
});
