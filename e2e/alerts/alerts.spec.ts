import { test, expect, ADOBE_EMULATOR_URL, RAINFOCUS_EMULATOR_URL, SEEDED_TOKEN, loginViaApi } from "../fixtures";
import { activeDemoProfile } from "../deliveries/helpers";

const admin = { Authorization: `Bearer ${SEEDED_TOKEN}` };

test("ADMIN sets a failure-ratio threshold the demo profile's failures trip; the banner links to the log and turns green when cleared", async ({
  page,
  request,
  baseURL,
  seedUser,
}) => {
  test.setTimeout(120_000);
  const demo = await activeDemoProfile(request);
  const owner = await seedUser("ADMIN");
  await loginViaApi(page, owner.email, owner.password);

  // Production pushes that Adobe refuses with 400: FAILED without retries. Generated transmission
  // ids are deterministic per index and duplicates are idempotent, so each spec pushes its own range.
  await page.goto(`/profiles/${demo.id}`);
  await page.getByRole("button", { name: "Rotate inbound secret" }).click();
  // The profile is active: the rotation is confirmed in a dialog (default grace: the old secret works 24 h).
  await page.getByRole("button", { name: "Rotate now" }).click();
  const secret = (await page.getByTestId("revealed-secret").textContent())!.trim();
  await request.delete(`${ADOBE_EMULATOR_URL}/_emulator/faults`);
  await request.post(`${ADOBE_EMULATOR_URL}/_emulator/faults`, { data: { route: "dcs", status: 400, times: 3 } });
  const pushed = await (
    await request.post(`${RAINFOCUS_EMULATOR_URL}/_emulator/push`, {
      data: { targetUrl: `${baseURL}/api/v1/inbound/rainfocus/${demo.id}`, secret, pushType: "SessionScheduled", count: 3, startIndex: 7600 },
    })
  ).json();
  const ids: string[] = pushed.results.map((r: { transmissionId: string }) => r.transmissionId);
  await expect
    .poll(
      async () => {
        const body = await (await request.get(`/api/v1/deliveries?profileId=${demo.id}&status=FAILED&test=no&limit=200`, { headers: admin })).json();
        return (body.items as { transmissionId: string }[]).filter((d) => ids.includes(d.transmissionId)).length;
      },
      { timeout: 30_000 },
    )
    .toBe(3);
  await request.delete(`${ADOBE_EMULATOR_URL}/_emulator/faults`);

  // A threshold so low that three failures in the window trip it.
  await page.goto("/alerts");
  await page.getByLabel("Failed above (%)").fill("1");
  await page.getByLabel("Minimum attempts").fill("1");
  await page.getByLabel("Webhook URL (optional)").fill("https://hooks.not-allowed.example/relay");
  await page.getByRole("button", { name: "Save alert settings" }).click();
  await expect(page.getByText(/not allowed|allow-list|allowed/i).first()).toBeVisible();
  await page.getByLabel("Webhook URL (optional)").fill("");
  await page.getByRole("button", { name: "Save alert settings" }).click();
  await expect(page.getByText("Alert settings saved.")).toBeVisible();

  // Every signed-in role sees the banner, QA included (QA cannot open /alerts itself).
  const qa = await seedUser("QA");
  await page.context().clearCookies();
  await loginViaApi(page, qa.email, qa.password);
  // The worker evaluates on its timer (ALERTS_EVAL_INTERVAL_MS, 2 s here); pages only read.
  const firing = page.getByTestId("alert-banner").locator('[data-alert-state="firing"]');
  await expect(async () => {
    await page.goto("/deliveries");
    await expect(firing).toContainText("Failure ratio alert", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await firing.getByRole("link", { name: "View deliveries" }).click();
  await expect(page).toHaveURL(/\/deliveries\?failedAttempts=1&test=no&from=/);
  const denied = await page.goto("/alerts");
  expect(denied?.status()).toBe(403);

  // The admin switches the alert off: the worker's next evaluation records the recovery, shown in green.
  await page.context().clearCookies();
  await loginViaApi(page, owner.email, owner.password);
  await page.goto("/alerts");
  await page.getByRole("checkbox", { name: "Failure ratio" }).uncheck();
  await page.getByRole("button", { name: "Save alert settings" }).click();
  await expect(page.getByText("Alert settings saved.")).toBeVisible();
  await expect(async () => {
    await page.goto("/dashboard");
    await expect(page.getByTestId("alert-banner").locator('[data-alert-state="recovered"]')).toContainText("Failure ratio recovered", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("alert-banner").locator('[data-alert-state="firing"]')).toHaveCount(0);
  await page.goto("/alerts");
  await expect(page.getByTestId("alert-event").first()).toContainText("Recovered");
});
