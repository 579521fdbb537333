import { test, expect, ADMIN, RAINFOCUS_EMULATOR_URL, SEEDED_TOKEN, loginViaApi } from "../fixtures";
import { activeDemoProfile } from "../deliveries/helpers";

const admin = { Authorization: `Bearer ${SEEDED_TOKEN}` };

test("the dashboard is home: real pushes through the demo profile show up as delivered, per profile and overall", async ({
  page,
  request,
  baseURL,
  seedUser,
}) => {
  const demo = await activeDemoProfile(request);
  await loginViaApi(page, ADMIN.email, ADMIN.password);
  await page.goto(`/profiles/${demo.id}`);
  await page.getByRole("button", { name: "Rotate inbound secret" }).click();
  // The profile is active: the rotation is confirmed in a dialog (default grace: the old secret works 24 h).
  await page.getByRole("button", { name: "Rotate now" }).click();
  const secret = (await page.getByTestId("revealed-secret").textContent())!.trim();

  const count = 6;
  const push = await request.post(`${RAINFOCUS_EMULATOR_URL}/_emulator/push`, {
    data: { targetUrl: `${baseURL}/api/v1/inbound/rainfocus/${demo.id}`, secret, pushType: "SessionScheduled", count, startIndex: 7100 },
  });
  const pushed = await push.json();
  expect(pushed).toMatchObject({ sent: count, delivered: count });
  const ids: string[] = pushed.results.map((r: { transmissionId: string }) => r.transmissionId);
  await expect
    .poll(
      async () => {
        const body = await (await request.get(`/api/v1/deliveries?profileId=${demo.id}&status=DELIVERED&test=no&limit=200`, { headers: admin })).json();
        return (body.items as { transmissionId: string }[]).filter((d) => ids.includes(d.transmissionId)).length;
      },
      { timeout: 30_000 },
    )
    .toBe(count);

  // "/" is the dashboard, and it is the first item of the sidebar.
  await page.goto("/");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link").first()).toHaveText("Dashboard");
  await page.getByRole("button", { name: "1 h" }).click();
  await expect(page).toHaveURL(/range=1h/);
  await expect.poll(async () => Number((await page.getByTestId("tile-delivered").textContent())!.replace(/\D/g, "") || 0)).toBeGreaterThanOrEqual(count);
  await expect(page.getByTestId("tile-latency")).toHaveText(/\d+ (ms|s) \/ \d/);
  await expect(page.getByTestId("status-chart")).toBeVisible();

  // The per-profile row shows the demo profile's deliveries and its stored connection tests.
  const row = page.getByRole("table", { name: "Profile health" }).getByRole("row").filter({ hasText: demo.name });
  await expect(row).toContainText("OK");
  await row.getByRole("link", { name: demo.name }).click();
  await expect(page).toHaveURL(new RegExp(`profileId=${demo.id}`));
  await expect.poll(async () => Number((await page.getByTestId("tile-delivered").textContent())!.replace(/\D/g, "") || 0)).toBeGreaterThanOrEqual(count);

  // Every role has the dashboard.
  const auditor = await seedUser("AUDITOR");
  await page.context().clearCookies();
  await loginViaApi(page, auditor.email, auditor.password);
  await page.goto("/dashboard?range=1h");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect.poll(async () => Number((await page.getByTestId("tile-delivered").textContent())!.replace(/\D/g, "") || 0)).toBeGreaterThanOrEqual(count);
});
