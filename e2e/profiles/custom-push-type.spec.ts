import { test, expect, loginViaApi } from "../fixtures";

test("ADMIN adds a custom push type: a bad sample is said beside its field and nothing typed is lost; a good one joins the catalog", async ({
  page,
  seedUser,
  request,
}) => {
  const admin = await seedUser("ADMIN");
  const created = await request.post("/api/v1/profiles", {
    headers: { Authorization: `Bearer ${admin.token}` },
    data: { name: `Custom types ${Date.now()}`, direction: "SOURCE", eventCode: "custom1" },
  });
  expect(created.status()).toBe(201);
  const { profile } = await created.json();
  await loginViaApi(page, admin.email, admin.password);
  await page.goto(`/profiles/${profile.id}/push-types`);

  const name = `BadgePrinted${Date.now().toString(36).toUpperCase()}`;
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Label").fill("Badge printed");
  await page.getByLabel("Description").fill("The attendee's badge was printed on site.");
  await page.getByLabel("Sample payload (JSON)").fill("[1, 2]");
  await page.getByRole("button", { name: "Add push type" }).click();
  await expect(page.getByText("The sample must be a JSON object.")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
  await expect(page.getByLabel("Sample payload (JSON)")).toHaveValue("[1, 2]");

  await page.getByLabel("Sample payload (JSON)").fill(JSON.stringify({ eventType: name, attendeeId: "a-1" }));
  await page.getByRole("button", { name: "Add push type" }).click();
  await expect(page.getByTestId(`push-type-${name}`)).toContainText("Custom");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("");
});
