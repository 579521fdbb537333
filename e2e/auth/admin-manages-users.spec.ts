import { test, expect, ADMIN, loginViaUi } from "../fixtures";

test("admin signs in, creates an OPS user; OPS cannot open user management; both sign out", async ({ page }) => {
  const opsEmail = `ops-${Date.now()}@example.test`;
  const opsPassword = "ops-password-long-1";

  await loginViaUi(page, ADMIN.email, ADMIN.password);
  await expect(page.getByTestId("current-user")).toContainText("admin@example.com");
  await expect(page.getByTestId("current-user")).toContainText("Admin");

  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/users/);
  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog", { name: "Add user" });
  await dialog.getByLabel("Email").fill(opsEmail);
  await dialog.getByLabel("Role").selectOption("OPS");
  await dialog.getByLabel("Initial password").fill(opsPassword);
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByTestId(`user-row-${opsEmail}`)).toBeVisible();
  await expect(page.getByLabel(`Role of ${opsEmail}`)).toHaveValue("OPS");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  await loginViaUi(page, opsEmail, opsPassword);
  await expect(page.getByTestId("current-user")).toContainText("Event ops");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);

  const response = await page.goto("/settings/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();

  // The endpoint behind the same data refuses the OPS session too.
  const api = await page.request.get("/api/v1/users");
  expect(api.status()).toBe(403);
  expect((await api.json()).error.code).toBe("forbidden");

  await page.goto("/profiles");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  const afterSignOut = await page.goto("/settings/users");
  await expect(page).toHaveURL(/\/login/);
  expect(afterSignOut?.ok()).toBe(true);
});

test("wrong credentials give a clear error and keep the typed email", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("nobody@example.test");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("[data-alert=error]")).toHaveText("Email or password is incorrect.");
  await expect(page.getByLabel("Email")).toHaveValue("nobody@example.test");
});

test("repeated failures for one account are throttled even with the right password", async ({ page, seedUser, db }) => {
  const user = await seedUser("QA");
  const failures = async () => Number((await db.query(`SELECT count(*) FROM "LoginAttempt" WHERE email = $1 AND NOT success`, [user.email])).rows[0].count);
  await page.goto("/login");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Each failure must be on record before the next try.
    await expect.poll(failures).toBe(i + 1);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await expect(page.locator("[data-alert=error]")).toHaveText("Email or password is incorrect.");
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("[data-alert=error]")).toContainText("Too many failed sign-in attempts");
});

test("a disabled user loses access on the next request", async ({ page, seedUser, db }) => {
  const user = await seedUser("OPS");
  await loginViaUi(page, user.email, user.password);
  await db.query(`UPDATE "User" SET disabled = true WHERE email = $1`, [user.email]);
  await page.goto("/profiles");
  await expect(page).toHaveURL(/\/login/);
});

test("a password reset signs the user out of every session at once; the new password works", async ({ page, browser, seedUser }) => {
  const user = await seedUser("OPS");
  // The user is signed in elsewhere (another browser).
  const other = await browser.newContext();
  const theirs = await other.newPage();
  await loginViaUi(theirs, user.email, user.password);

  await loginViaUi(page, ADMIN.email, ADMIN.password);
  await page.goto("/settings/users");
  const row = page.getByTestId(`user-row-${user.email}`);
  await row.getByRole("button", { name: "Reset password" }).click();
  const dialog = page.getByRole("dialog", { name: "Reset password" });
  await expect(dialog).toContainText("signed out of every browser session now");
  await dialog.getByRole("button", { name: "Reset password" }).click();
  const newPassword = (await page.getByTestId("revealed-secret").textContent())!.trim();
  expect(newPassword.length).toBeGreaterThan(12);

  // Their next request finds the session ended, in pages and in the API alike.
  expect((await theirs.request.get("/api/v1/me")).status()).toBe(401);
  await theirs.goto("/profiles");
  await expect(theirs).toHaveURL(/\/login/);
  await theirs.getByLabel("Email").fill(user.email);
  await theirs.getByLabel("Password").fill(user.password);
  await theirs.getByRole("button", { name: "Sign in" }).click();
  await expect(theirs.locator("[data-alert=error]")).toHaveText("Email or password is incorrect.");
  await loginViaUi(theirs, user.email, newPassword);
  await expect(theirs.getByTestId("current-user")).toContainText(user.email);
  await other.close();
});
