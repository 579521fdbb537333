import { test, expect, loginViaApi, loginViaUi } from "../fixtures";

test("every signed-in user has an account page: own API tokens, theme, and a password change that keeps what was typed on error", async ({
  page,
  request,
  seedUser,
}) => {
  const qa = await seedUser("QA");
  await loginViaApi(page, qa.email, qa.password);
  await page.goto("/profiles");
  await page.getByTestId("current-user").getByRole("link").click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  // An own API token, with the QA role: it reads deliveries, it cannot manage users.
  await page.getByLabel("Token name").fill("qa script");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("revealed-secret").textContent())!.trim();
  expect((await request.get("/api/v1/deliveries?limit=1", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(200);
  expect((await request.get("/api/v1/users", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(403);
  await expect(page.getByRole("table", { name: "Your API tokens" })).toContainText("qa script");
  await expect(page.getByTestId("own-token-row-qa script").getByRole("cell").nth(4)).toHaveText("Never");

  // An own token that expires, as Settings → API tokens offers: its expiry shows, about 30 days out.
  await page.getByLabel("Token name").fill("qa short-lived");
  await page.getByLabel("Expires").selectOption("30");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText('API token "qa short-lived"')).toBeVisible();
  const shortLived = (await page.getByTestId("revealed-secret").textContent())!.trim();
  expect((await request.get("/api/v1/deliveries?limit=1", { headers: { Authorization: `Bearer ${shortLived}` } })).status()).toBe(200);
  const expires = page.getByTestId("own-token-row-qa short-lived").getByRole("cell").nth(4).locator("time");
  await expect(expires).toHaveCount(1);
  const days = (Date.parse((await expires.getAttribute("datetime"))!) - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(29.9);
  expect(days).toBeLessThanOrEqual(30);
  await expect(page.getByTestId("own-token-row-qa short-lived")).toContainText("Active");

  // Theme: chosen here, kept in the cookie the server reads.
  await page.getByLabel("Dark").check();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.getByLabel("Match the system").check();

  // A wrong current password: said beside the field, and nothing typed is lost.
  await page.getByLabel("Current password").fill("wrong-password-123");
  await page.getByLabel("New password", { exact: true }).fill("a-new-password-456");
  await page.getByLabel("Repeat the new password").fill("a-new-password-456");
  await page.getByRole("button", { name: "Change password" }).click();
  // Said once, beside the field; the form's message points at it instead of repeating it.
  await expect(page.getByText("The current password is not right.")).toHaveCount(1);
  await expect(page.locator("[data-alert=error]")).toHaveText("Please correct the highlighted field.");
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue("a-new-password-456");

  await page.getByLabel("Current password").fill(qa.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login/);
  await loginViaUi(page, qa.email, "a-new-password-456");
});
