import { test, expect, ADMIN, SEEDED_TOKEN, loginViaApi } from "../fixtures";
import { activeDemoProfile } from "./helpers";

const admin = { Authorization: `Bearer ${SEEDED_TOKEN}` };

// Replaying a deleted profile's delivery queued it forever and overwrote its outcome: refused,
// with the reason on the delivery's page, and its status left as it was.
test("a deleted profile's delivery says why it cannot be replayed, and the API refuses it", async ({ page, request, db }) => {
  const demo = await activeDemoProfile(request);
  const sent = await (await request.post("/api/v1/test-events", { headers: admin, data: { profileId: demo.id, pushType: "SessionScheduled" } })).json();
  expect(sent.settled).toBe(true);

  // A profile of its own that is then deleted, holding a copy of that delivered delivery.
  const name = `Deleted later ${Date.now()}`;
  const created = await (await request.post("/api/v1/profiles", { headers: admin, data: { name, direction: "SOURCE", eventCode: "gone1" } })).json();
  const profileId: string = created.profile.id;
  const copyId = `del${Date.now().toString(36)}`;
  await db.query(
    `INSERT INTO "Delivery" SELECT (jsonb_populate_record(NULL::"Delivery", to_jsonb(d) || jsonb_build_object('id', $1::text, 'profileId', $2::text, 'transmissionId', $1::text))).* FROM "Delivery" d WHERE d.id = $3`,
    [copyId, profileId, sent.deliveryId],
  );
  expect((await request.delete(`/api/v1/profiles/${profileId}?confirmName=${encodeURIComponent(name)}`, { headers: admin })).status()).toBe(200);

  const refused = await request.post(`/api/v1/deliveries/${copyId}/replay`, { headers: admin, data: { useMapping: "current" } });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.message).toMatch(/was deleted.*cannot be replayed/);

  await loginViaApi(page, ADMIN.email, ADMIN.password);
  await page.goto(`/deliveries/${copyId}`);
  await expect(page.getByText(`The profile “${name}” was deleted`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Replay", exact: true })).toHaveCount(0);
  expect((await db.query(`SELECT status FROM "Delivery" WHERE id = $1`, [copyId])).rows[0].status).toBe("DELIVERED");
});
