import { test, expect, ADMIN, ADOBE_EMULATOR_URL, RAINFOCUS_EMULATOR_URL, SEEDED_TOKEN, loginViaApi } from "../fixtures";
import { activeDemoProfile } from "./helpers";

const admin = { Authorization: `Bearer ${SEEDED_TOKEN}` };

test("the RainFocus push simulator feeds the ACTIVE demo profile; every event is DELIVERED and at the Adobe emulator", async ({ page, request, baseURL }) => {
  const demo = await activeDemoProfile(request);
  // The inbound secret is shown once, on rotation: take it from the console as an admin would.
  await loginViaApi(page, ADMIN.email, ADMIN.password);
  await page.goto(`/profiles/${demo.id}`);
  await page.getByRole("button", { name: "Rotate inbound secret" }).click();
  // The profile is active: the rotation is confirmed in a dialog (default grace: the old secret works 24 h).
  await page.getByRole("button", { name: "Rotate now" }).click();
  const secret = (await page.getByTestId("revealed-secret").textContent())!.trim();

  const before = await (await request.get(`${ADOBE_EMULATOR_URL}/_emulator/ingested`)).json();
  const count = 25;
  const push = await request.post(`${RAINFOCUS_EMULATOR_URL}/_emulator/push`, {
    data: { targetUrl: `${baseURL}/api/v1/inbound/rainfocus/${demo.id}`, secret, pushType: "SessionScheduled", count, startIndex: 5000 },
  });
  const pushed = await push.json();
  expect(pushed, JSON.stringify(pushed.results?.slice(0, 3))).toMatchObject({ sent: count, delivered: count, failed: 0 });
  const ids: string[] = pushed.results.map((r: { transmissionId: string }) => r.transmissionId);

  // The worker started by npm start delivers them.
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/v1/deliveries?profileId=${demo.id}&status=DELIVERED&test=no&limit=200`, { headers: admin });
        const body = await res.json();
        return (body.items as { transmissionId: string }[]).filter((d) => ids.includes(d.transmissionId)).length;
      },
      { timeout: 30_000 },
    )
    .toBe(count);

  const after = await (await request.get(`${ADOBE_EMULATOR_URL}/_emulator/ingested`)).json();
  expect(after.count - before.count).toBeGreaterThanOrEqual(count);

  // A bad signature is refused and stores nothing.
  const forged = await request.post(`/api/v1/inbound/rainfocus/${demo.id}`, {
    headers: { "X-RF-Signature": "sha256=00" },
    data: { transmissionId: "forged-1", eventType: "SessionScheduled" },
  });
  expect(forged.status()).toBe(401);
});
