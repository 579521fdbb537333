import { test, expect, loginViaApi, ADMIN, ADOBE_EMULATOR_URL } from "../fixtures";

// A refusal by the server must leave every typed value in the form and put its message beside the
// field it is about (issue 18: the forms were wiped, and Add user came back with the role reset).

test("Add user: a refused email keeps name, email and role; the error sits beside the email", async ({ page, seedUser }) => {
  const existing = await seedUser("QA");
  await loginViaApi(page, ADMIN.email, ADMIN.password);
  await page.goto("/settings/users");
  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog", { name: "Add user" });
  await dialog.getByLabel("Email").fill(existing.email);
  await dialog.getByLabel("Name").fill("Keeps Her Name");
  await dialog.getByLabel("Role").selectOption("AUDITOR");
  await dialog.getByRole("button", { name: "Create user" }).click();

  await expect(dialog.locator("#new-email-error")).toHaveText("Already in use.");
  await expect(dialog.getByLabel("Email")).toHaveValue(existing.email);
  await expect(dialog.getByLabel("Name")).toHaveValue("Keeps Her Name");
  await expect(dialog.getByLabel("Role")).toHaveValue("AUDITOR");
  await expect(dialog.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  const email = `kept-${Date.now()}@example.test`;
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("AUDITOR");
});

test("New profile, Adobe credentials and Endpoint keep what was typed when the server refuses it", async ({ page, seedUser }) => {
  const ops = await seedUser("OPS");
  await loginViaApi(page, ops.email, ops.password);
  await page.goto("/profiles/new");
  await page.getByText("AEP → RainFocus (destination)").click();
  // A NUL cannot be stored: only the server refuses it (the browser's schema check lets it by).
  await page.getByLabel("Profile name").fill("Summit\u0000 2026");
  await page.getByLabel("Event ID").fill("summit2026");
  await page.getByRole("button", { name: "Create profile" }).click();
  await expect(page.locator("#name-error")).toContainText("NUL character");
  await expect(page.getByLabel("Profile name")).toHaveValue("Summit\u0000 2026");
  await expect(page.getByLabel("Event ID")).toHaveValue("summit2026");
  await expect(page.getByLabel("AEP → RainFocus (destination)")).toBeChecked();

  await page.getByText("RainFocus → AEP (source)").click();
  await page.getByLabel("Profile name").fill(`Kept ${Date.now()}`);
  await page.getByRole("button", { name: "Create profile" }).click();
  await page.getByRole("link", { name: "Continue: credentials" }).click();

  await page.getByText("Service Account (JWT)").click();
  await page.getByLabel("Client ID", { exact: true }).fill("kept-client-id");
  await page.getByLabel("Organization ID").fill("KEPT123@AdobeOrg");
  await page.getByLabel("Private key (.pem)").setInputFiles({
    name: "broken.pem",
    mimeType: "application/x-pem-file",
    buffer: Buffer.from("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n"),
  });
  await page.getByRole("button", { name: "Save Adobe credentials" }).click();
  await expect(page.locator("#adobePrivateKey-error")).toHaveText("Not a valid PEM private key.");
  await expect(page.getByLabel("Client ID", { exact: true })).toHaveValue("kept-client-id");
  await expect(page.getByLabel("Organization ID")).toHaveValue("KEPT123@AdobeOrg");
  await expect(page.getByLabel("Service Account (JWT)")).toBeChecked();

  await page.getByRole("link", { name: "Endpoint" }).click();
  const refused = ADOBE_EMULATOR_URL.replace(/:\d+$/, ":6379") + "/collection/abcdef123456";
  await page.getByLabel("Streaming endpoint URL").fill(refused);
  await page.getByLabel("Dataflow ID").fill("2ad0a1c4-3d4c-4f3b-9c51-a1b2c3d4e5f6");
  await page.getByRole("button", { name: "Save endpoint" }).click();
  await expect(page.locator("#streamingEndpointUrl-error")).toContainText("the Adobe emulator");
  await expect(page.getByLabel("Streaming endpoint URL")).toHaveValue(refused);
  await expect(page.getByLabel("Dataflow ID")).toHaveValue("2ad0a1c4-3d4c-4f3b-9c51-a1b2c3d4e5f6");
});

test("Settings → Users: changing a role changes it, and the audit log has the real before and after", async ({ page, seedUser, db }) => {
  const qa = await seedUser("QA");
  await loginViaApi(page, ADMIN.email, ADMIN.password);
  await page.goto("/settings/users");
  await page.getByLabel(`Role of ${qa.email}`).selectOption("AUDITOR");
  await expect(page.getByLabel(`Role of ${qa.email}`)).toHaveValue("AUDITOR");
  await expect.poll(async () => (await db.query(`SELECT role FROM "User" WHERE email = $1`, [qa.email])).rows[0].role).toBe("AUDITOR");
  await page.reload();
  await expect(page.getByLabel(`Role of ${qa.email}`)).toHaveValue("AUDITOR");
  const audit = await db.query(
    `SELECT a.before->>'role' AS before, a.after->>'role' AS after FROM "AuditEvent" a JOIN "User" u ON u.id = a."targetId" WHERE u.email = $1 AND a.action = 'user.role'`,
    [qa.email],
  );
  expect(audit.rows).toEqual([{ before: "QA", after: "AUDITOR" }]);
});
