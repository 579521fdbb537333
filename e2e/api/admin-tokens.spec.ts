import { test, expect, loginViaApi } from "../fixtures";

// Admins review and revoke any user's API tokens; a token may be given an expiry.
test("an admin sees every user's tokens, revokes another user's, and creates one that expires", async ({ page, seedUser }) => {
  const qa = await seedUser("QA");
  const admin = await seedUser("ADMIN");
  await loginViaApi(page, admin.email, admin.password);
  expect((await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${qa.token}` } })).status()).toBe(200);

  await page.goto("/settings/tokens");
  const row = page.getByTestId(`any-token-row-${qa.email}-e2e`);
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: `Revoke e2e of ${qa.email}` }).click();
  await expect(row).toContainText("Revoked");
  expect((await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${qa.token}` } })).status()).toBe(401);

  await page.getByLabel("Token name").fill("weekly export");
  await page.getByLabel("Expires").selectOption("7");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("revealed-secret")).toHaveText(/^rfk_/);
  const mine = page.getByTestId("token-row-weekly export");
  await expect(mine).toContainText("Active");
  await expect(mine).toContainText(/\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2}/); // the expiry date, not "Never"
});
