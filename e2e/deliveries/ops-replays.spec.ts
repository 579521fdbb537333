import { test, expect, ADOBE_EMULATOR_URL, loginViaApi } from "../fixtures";
import { activeDemoProfile } from "./helpers";

test("OPS replays a failed delivery from its detail and bulk-replays by filter with a count first", async ({ page, request, seedUser }) => {
  const demo = await activeDemoProfile(request);
  const ops = await seedUser("OPS");
  const auth = { Authorization: `Bearer ${ops.token}` };
  await request.delete(`${ADOBE_EMULATOR_URL}/_emulator/faults`);
  await request.post(`${ADOBE_EMULATOR_URL}/_emulator/faults`, { data: { route: "dcs", status: 400, times: 1 } });
  const sent = await (
    await request.post("/api/v1/test-events?timeoutMs=20000", { headers: auth, data: { profileId: demo.id, pushType: "AttendeeRegistered" } })
  ).json();
  expect(sent.delivery.status).toBe("FAILED");

  await loginViaApi(page, ops.email, ops.password);
  await page.goto(`/deliveries/${sent.deliveryId}`);
  await expect(page.getByTestId("delivery-status")).toHaveText("Failed");
  await page.getByRole("button", { name: "Replay with current mapping…" }).click();
  // The demo profile is seeded with a published mapping (v1) since activation needs one.
  await expect(page.getByRole("dialog")).toContainText(/the current mapping is (default|v\d+)/i);
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Replay", exact: true }).click();
  await expect(page.getByTestId("delivery-status")).toHaveText("Delivered", { timeout: 20_000 });
  await expect(page.getByTestId("attempt")).toHaveCount(2);
  // The confirmation follows the delivery: not "Queued again" once it was delivered.
  await expect(page.getByText("Replayed (was failed): delivered.")).toBeVisible();

  // Bulk: the REST dry run counts, the UI shows the same count, nothing moves until confirmed.
  const filter = { profileId: demo.id, status: "FAILED", test: "yes" };
  await request.post(`${ADOBE_EMULATOR_URL}/_emulator/faults`, { data: { route: "dcs", status: 400, times: 1 } });
  const failed = await (
    await request.post("/api/v1/test-events?timeoutMs=20000", { headers: auth, data: { profileId: demo.id, pushType: "SessionAttended" } })
  ).json();
  expect(failed.delivery.status).toBe("FAILED");
  const dry = await (await request.post("/api/v1/deliveries/replay", { headers: auth, data: { filter, dryRun: true } })).json();
  expect(dry.matched).toBeGreaterThanOrEqual(1);
  await page.goto(`/deliveries?${new URLSearchParams(filter)}`);
  await page.getByRole("button", { name: "Replay these…" }).click();
  await expect(page.getByTestId("replay-count")).toHaveText(String(dry.matched));
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /^Replay \d+/ })
    .click();
  await expect(page.getByRole("dialog")).toContainText(`Queued ${dry.matched} deliveries again`);
  await expect
    .poll(async () => (await (await request.get(`/api/v1/deliveries/${failed.deliveryId}`, { headers: auth })).json()).status, { timeout: 20_000 })
    .toBe("DELIVERED");
});
