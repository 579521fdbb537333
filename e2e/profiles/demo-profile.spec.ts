import { test, expect, ADMIN, ADOBE_EMULATOR_URL, loginViaApi } from "../fixtures";

test("the seeded demo profile is marked as demo and tests both connections green against the emulators", async ({ page }) => {
  await loginViaApi(page, ADMIN.email, ADMIN.password);
  await page.goto("/profiles");
  await page.getByRole("link", { name: /^Demo:/ }).click();
  await expect(page.getByText("Demo: points at the local emulators")).toBeVisible();
  await page.getByRole("link", { name: "Credentials" }).click();
  await page.getByRole("button", { name: "Test Adobe connection" }).click();
  await expect(page.getByTestId("test-adobe")).toContainText(`Connected. Adobe IMS at ${new URL(ADOBE_EMULATOR_URL).host}`);
  await page.getByRole("button", { name: "Test RainFocus connection" }).click();
  await expect(page.getByTestId("test-rainfocus")).toContainText("Connected. RainFocus (dev)");
});

test("a wrong secret gives a clear, secret-free error from Test connection", async ({ page, request, seedUser }) => {
  const ops = await seedUser("OPS");
  const auth = { Authorization: `Bearer ${ops.token}` };
  const { profile } = await (
    await request.post("/api/v1/profiles", { headers: auth, data: { name: `Bad secret ${Date.now()}`, direction: "SOURCE", eventCode: "bad1" } })
  ).json();
  const patched = await request.patch(`/api/v1/profiles/${profile.id}`, {
    headers: auth,
    data: {
      version: profile.version,
      adobe: {
        adobeAuthMethod: "OAUTH_S2S",
        adobeClientId: "demo-adobe-client-id",
        adobeClientSecret: "definitely-wrong-secret-4242",
        adobeOrgId: "DEMO0000000000000000000@AdobeOrg",
      },
    },
  });
  expect(patched.status()).toBe(200);
  const result = await request.post(`/api/v1/profiles/${profile.id}/test-connection`, { headers: auth, data: { target: "adobe" } });
  expect(result.status()).toBe(200);
  const body = await result.json();
  expect(body.ok).toBe(false);
  expect(body.message).toMatch(/rejected these credentials/);
  expect(JSON.stringify(body)).not.toContain("definitely-wrong-secret-4242");
  await loginViaApi(page, ops.email, ops.password);
  await page.goto(`/profiles/${profile.id}/credentials`);
  await expect(page.getByTestId("test-adobe")).toContainText("Failed.");
});
