import { test, expect, loginViaApi } from "../fixtures";

// The alert webhook may not point at this machine or a private network, whatever the spelling (the
// e2e server runs with the emulators, where loopback was open on every port), and its URL, which
// may carry the receiver's token, is shown whole only to admins.
test("the alert webhook refuses this machine's ports and is masked for event ops", async ({ page, seedUser }) => {
  const admin = await seedUser("ADMIN");
  await loginViaApi(page, admin.email, admin.password);
  await page.goto("/alerts");
  const dbPort = new URL(process.env.E2E_DB_URL!).port || "5432";
  for (const url of [`http://127.0.0.1:${dbPort}/`, "http://[::1]:6379/", "http://2130706433:6379/"]) {
    await page.getByLabel("Webhook URL (optional)").fill(url);
    await page.getByRole("button", { name: "Save alert settings" }).click();
    await expect(page.locator("#webhookUrl-error"), url).toContainText(/not allowed|this machine|only https/i);
    await expect(page.getByText("Alert settings saved.")).toHaveCount(0);
  }

  await page.getByLabel("Webhook URL (optional)").fill("https://hooks.adobedc.net/services/T0/B0/SECRET123");
  await page.getByRole("button", { name: "Save alert settings" }).click();
  await expect(page.getByText("Alert settings saved.")).toBeVisible();

  const ops = await seedUser("OPS");
  await page.context().clearCookies();
  await loginViaApi(page, ops.email, ops.password);
  await page.goto("/alerts");
  await expect(page.getByLabel("Webhook URL (optional)")).toHaveValue("https://hooks.adobedc.net/•••");
  expect(await page.content()).not.toContain("SECRET123");

  await page.context().clearCookies();
  await loginViaApi(page, admin.email, admin.password);
  await page.goto("/alerts");
  await expect(page.getByLabel("Webhook URL (optional)")).toHaveValue("https://hooks.adobedc.net/services/T0/B0/SECRET123");
  await page.getByLabel("Webhook URL (optional)").fill("");
  await page.getByRole("button", { name: "Save alert settings" }).click();
  await expect(page.getByText("Alert settings saved.")).toBeVisible();
});
