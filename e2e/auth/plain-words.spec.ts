import { test, expect, ADMIN, loginViaApi } from "../fixtures";

test("validation errors are in plain words, and disabling a user asks first", async ({ page, seedUser }) => {
  await loginViaApi(page, ADMIN.email, ADMIN.password);
  await page.goto("/settings/users");

  // Zod's own wording ("Too big: expected string to have <=120 characters") never reaches people.
  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog", { name: "Add user" });
  await dialog.getByLabel("Email").fill(`long-name-${Date.now()}@example.test`);
  await dialog.getByLabel("Name").fill("n".repeat(121));
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog).toContainText("At most 120 characters.");
  await expect(dialog).not.toContainText(/Too big|expected string|Invalid input/);
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // Disable asks, says what happens, and Cancel changes nothing.
  const qa = await seedUser("QA");
  await page.reload();
  const row = page.getByTestId(`user-row-${qa.email}`);
  await row.getByRole("button", { name: "Disable" }).click();
  const confirm = page.getByRole("dialog", { name: "Disable user" });
  await expect(confirm).toContainText(`${qa.email} can no longer sign in`);
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: "Disable" }).click();
  await confirm.getByRole("button", { name: "Disable user" }).click();
  await expect(row).toContainText("Disabled");
  // Enabling again needs no confirmation.
  await row.getByRole("button", { name: "Enable" }).click();
  await expect(row).toContainText("Active");
});
