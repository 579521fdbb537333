import { readFileSync } from "node:fs";
import { test, expect, ADMIN, loginViaApi } from "../fixtures";

test("the audit log names its targets, highlights what changed, records failed sign-ins and exports as CSV", async ({ page, seedUser }) => {
  const qa = await seedUser("QA");
  // A failed sign-in (wrong password) goes on record with the address and the email tried.
  await page.goto("/login");
  await page.getByLabel("Email").fill(qa.email);
  await page.getByLabel("Password").fill("not-the-password-123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login/);

  await loginViaApi(page, ADMIN.email, ADMIN.password);
  await page.goto("/settings/users");
  const row = page.getByTestId(`user-row-${qa.email}`);
  await row.getByRole("button", { name: "Disable" }).click();
  await page.getByRole("dialog", { name: "Disable user" }).getByRole("button", { name: "Disable user" }).click();
  await expect(row).toContainText("Disabled");

  await page.goto("/audit");
  const table = page.getByRole("table", { name: "Audit events" });
  const failed = table.getByRole("row").filter({ hasText: "auth.login.failed" }).filter({ hasText: qa.email }).first();
  await expect(failed).toContainText(`User ${qa.email}`);
  const disabled = table.getByRole("row").filter({ hasText: "user.disable" }).filter({ hasText: qa.email }).first();
  // The target by its email, not its id; the changed field named in the row.
  await expect(disabled).toContainText(`User ${qa.email}`);
  await expect(disabled).toContainText("changed: disabled");
  await disabled.getByRole("button", { name: "Show 1 change" }).click();
  const changes = page.getByRole("table", { name: "Changes" });
  await expect(changes.locator("del")).toHaveText("false");
  await expect(changes.locator("ins")).toHaveText("true");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const csv = readFileSync((await (await download).path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe("time,actor,action,target_type,target_id,target,ip,changes");
  expect(csv).toContain(`"auth.login.failed","User"`);
  expect(csv).toContain(`"disabled: false → true"`);
  await expect(page.getByRole("status").filter({ hasText: "events exported" })).toBeVisible();
});
