import { test, expect, ADMIN, RAINFOCUS_EMULATOR_URL, SEEDED_TOKEN, loginViaApi } from "../fixtures";
import { activeDemoProfile } from "./helpers";

const admin = { Authorization: `Bearer ${SEEDED_TOKEN}` };

test("from the log's search to one attendee's timeline; an admin reveals emails and the reveal is audited", async ({ page, request, baseURL, seedUser }) => {
  const demo = await activeDemoProfile(request);
  await loginViaApi(page, ADMIN.email, ADMIN.password);
  await page.goto(`/profiles/${demo.id}`);
  await page.getByRole("button", { name: "Rotate inbound secret" }).click();
  // The profile is active: the rotation is confirmed in a dialog (default grace: the old secret works 24 h).
  await page.getByRole("button", { name: "Rotate now" }).click();
  const secret = (await page.getByTestId("revealed-secret").textContent())!.trim();
  const pushed = await (
    await request.post(`${RAINFOCUS_EMULATOR_URL}/_emulator/push`, {
      data: { targetUrl: `${baseURL}/api/v1/inbound/rainfocus/${demo.id}`, secret, pushType: "SessionScheduled", count: 1, startIndex: 8300 },
    })
  ).json();
  const transmissionId: string = pushed.results[0].transmissionId;
  let email = "";
  await expect
    .poll(
      async () => {
        const body = await (await request.get(`/api/v1/deliveries?q=${transmissionId}`, { headers: admin })).json();
        email = body.items[0]?.email ?? "";
        return body.items[0]?.status;
      },
      { timeout: 30_000 },
    )
    .toBe("DELIVERED");
  expect(email).toMatch(/@/);

  await page.goto(`/deliveries?q=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: "Timeline for this attendee →" }).click();
  await expect(page).toHaveURL(/\/deliveries\/attendee\?q=/);
  const timeline = page.getByRole("list", { name: "Attendee timeline" });
  await expect(timeline.getByRole("link").first()).toContainText("SessionScheduled");
  await expect(timeline).toContainText("RainFocus → AEP");
  // Masked for the admin too, until revealed.
  await expect(timeline).not.toContainText(email);
  await page.getByRole("button", { name: "Show emails" }).click();
  await expect(timeline).toContainText(email);
  await expect(page.getByText("Emails shown · recorded in the audit log")).toBeVisible();
  await timeline.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/deliveries\/[a-z0-9]+$/);

  const audit = await (await request.get(`/api/v1/audit?action=deliveries.unmask`, { headers: admin })).json();
  expect(JSON.stringify(audit)).toContain("deliveries.unmask");

  // An auditor gets the timeline masked and no way to reveal.
  const auditor = await seedUser("AUDITOR");
  await page.context().clearCookies();
  await loginViaApi(page, auditor.email, auditor.password);
  await page.goto(`/deliveries/attendee?q=${encodeURIComponent(email)}`);
  const masked = page.getByRole("list", { name: "Attendee timeline" });
  await expect(masked.getByRole("link").first()).toContainText("SessionScheduled");
  await expect(page.getByRole("button", { name: "Show emails" })).toHaveCount(0);
  // (The search box holds what the auditor typed; the rows never carry the address.)
  expect(await masked.innerHTML()).not.toContain(email);
});
