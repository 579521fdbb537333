import { test, expect, loginViaApi } from "../fixtures";

test("an auditor reads the audit log, filters it, and cannot reach Settings", async ({ page, seedUser }) => {
  const auditor = await seedUser("AUDITOR");
  await loginViaApi(page, auditor.email, auditor.password);
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  // The auditor's own sign-in is on record.
  const table = page.getByRole("table", { name: "Audit events" });
  await expect(table).toContainText(auditor.email);
  await page.getByLabel("Action").selectOption("auth.login");
  await expect(page).toHaveURL(/action=auth\.login/);
  await expect(table.getByRole("row").nth(1)).toContainText("auth.login");
  // In words first, the code beneath it (the filter and exports use the code).
  await expect(table.getByRole("row").nth(1)).toContainText("Signed in");
  await expect(page.getByLabel("Action").locator("option:checked")).toHaveText("Signed in");
  expect((await page.goto("/settings/tokens"))?.status()).toBe(403);
});
