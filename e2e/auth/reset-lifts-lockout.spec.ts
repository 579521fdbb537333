import { test, expect, ADMIN, loginViaApi, loginViaUi } from "../fixtures";

// Issue 18: failing five sign-ins locked any account for everyone, and an admin's reset neither
// lifted that nor stopped the user's API tokens. Now the delay is per account and address, the reset
// lifts it, and the reset revokes the user's tokens.
test("an admin's password reset lifts the sign-in delay and revokes the user's API tokens", async ({ page, browser, seedUser }) => {
  const user = await seedUser("OPS");
  expect((await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${user.token}` } })).status()).toBe(200);

  const other = await browser.newContext();
  const theirs = await other.newPage();
  await theirs.goto("/login");
  for (let i = 0; i < 6; i++) {
    await theirs.getByLabel("Email").fill(user.email);
    await theirs.getByLabel("Password").fill(`wrong-${i}`);
    await theirs.getByRole("button", { name: "Sign in" }).click();
    await expect(theirs.locator("[data-alert=error]")).toBeVisible();
    await expect(theirs.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await expect(theirs.locator("[data-alert=error]")).toContainText("Too many failed sign-in attempts");

  await loginViaApi(page, ADMIN.email, ADMIN.password);
  await page.goto("/settings/users");
  await page.getByTestId(`user-row-${user.email}`).getByRole("button", { name: "Reset password" }).click();
  const dialog = page.getByRole("dialog", { name: "Reset password" });
  await expect(dialog).toContainText("API tokens are revoked");
  await dialog.getByRole("button", { name: "Reset password" }).click();
  const newPassword = (await page.getByTestId("revealed-secret").textContent())!.trim();

  expect((await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${user.token}` } })).status()).toBe(401);
  await loginViaUi(theirs, user.email, newPassword);
  await expect(theirs.getByTestId("current-user")).toContainText(user.email);
  await other.close();
});
