import { test, expect, ADMIN, SEEDED_TOKEN, loginViaApi } from "../fixtures";

test("an API token created in Settings works on /api/v1 and gets 401 once revoked", async ({ page, playwright, baseURL }) => {
  await loginViaApi(page, ADMIN.email, ADMIN.password);
  await page.goto("/settings/tokens");
  const name = `pipeline-${Date.now()}`;
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("revealed-secret").textContent())!.trim();
  expect(token).toMatch(/^rfk_/);

  const api = await playwright.request.newContext({ baseURL }); // no cookies: the token alone
  const ok = await api.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ email: ADMIN.email, role: "ADMIN", authenticatedVia: "token" });

  await page.getByRole("button", { name: "Done" }).click();
  const row = page.getByTestId(`token-row-${name}`);
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");

  const revoked = await api.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(revoked.status()).toBe(401);
  expect((await revoked.json()).error.code).toBe("unauthorized");
  await api.dispose();
});

test("SEED_API_TOKEN is an admin token", async ({ request }) => {
  const res = await request.get("/api/v1/users", { headers: { Authorization: `Bearer ${SEEDED_TOKEN}` } });
  expect(res.status()).toBe(200);
  expect((await res.json()).users.some((u: { email: string }) => u.email === ADMIN.email)).toBe(true);
});

test("health and readiness answer without credentials", async ({ request }) => {
  expect((await request.get("/api/health")).status()).toBe(200);
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ status: "ready", pendingMigrations: [] });
});
