import { readFileSync } from "node:fs";
import path from "node:path";
import { test, expect, loginViaApi, ADOBE_EMULATOR_URL } from "../fixtures";
import { DEMO_ADOBE, DEMO_RAINFOCUS } from "../../lib/demo-credentials";

const ADOBE_SECRET = DEMO_ADOBE.clientSecret;
const RF_SECRET = DEMO_RAINFOCUS.clientSecret;

test("OPS creates a SOURCE profile from scratch, tests both connections, picks push types, sets the endpoint and activates", async ({ page, seedUser }) => {
  const ops = await seedUser("OPS");
  await loginViaApi(page, ops.email, ops.password);
  const name = `Summit source ${Date.now()}`;

  await page.goto("/profiles/new");
  await page.getByText("RainFocus → AEP (source)").click();
  await page.getByLabel("Profile name").fill(name);
  await page.getByLabel("RainFocus event code").fill(DEMO_RAINFOCUS.eventCode);
  await page.getByRole("button", { name: "Create profile" }).click();
  await expect(page.getByText("Profile created as a draft.")).toBeVisible();
  await expect(page.getByTestId("revealed-secret")).toHaveText(/^rfin_/);
  await page.getByRole("link", { name: "Continue: credentials" }).click();

  await page.getByLabel("Client ID", { exact: true }).fill(DEMO_ADOBE.clientId);
  await page.getByLabel("Client Secret", { exact: true }).fill(ADOBE_SECRET);
  await page.getByLabel("Technical Account ID").fill(DEMO_ADOBE.technicalAccountId);
  await page.getByLabel("Organization ID").fill(DEMO_ADOBE.orgId);
  await page.getByLabel("XDM tenant ID").fill(DEMO_ADOBE.tenantId);
  await page.getByRole("button", { name: "Save Adobe credentials" }).click();
  await expect(page.getByText("Adobe credentials saved.")).toBeVisible();
  await page.getByRole("button", { name: "Test Adobe connection" }).click();
  await expect(page.getByTestId("test-adobe")).toContainText("Connected.");

  await page.getByLabel("RainFocus Client ID").fill(DEMO_RAINFOCUS.clientId);
  await page.getByLabel("Client secret", { exact: true }).fill(RF_SECRET);
  await page.getByLabel("Org ID", { exact: true }).fill(DEMO_RAINFOCUS.orgId);
  await expect(page.getByRole("list", { name: "Setup steps" }).locator('[aria-current="step"]')).toContainText("Credentials");
  await page.getByRole("button", { name: "Save RainFocus credentials" }).click();
  await expect(page.getByText("RainFocus credentials saved.")).toBeVisible();
  await page.getByRole("button", { name: "Test RainFocus connection" }).click();
  await expect(page.getByTestId("test-rainfocus")).toContainText("Connected.");

  await page.getByRole("link", { name: "Push types" }).click();
  for (const t of ["SessionScheduled", "AttendeeRegistered", "LeadCaptured"]) await page.getByTestId(`push-type-${t}`).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Save push types" }).click();
  await expect(page.getByText("Push types saved.")).toBeVisible();
  await page.getByTestId("push-type-SessionScheduled").getByRole("button", { name: "Sample JSON payload" }).click();
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download SessionScheduled sample as .json" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("SessionScheduled.sample.json");
  const sample = JSON.parse(readFileSync(await download.path(), "utf8"));
  expect(sample).toMatchObject({ eventType: "SessionScheduled", attendee: { email: expect.any(String) } });

  await page.getByRole("link", { name: "Endpoint" }).click();
  await page.getByLabel("Streaming endpoint URL").fill("https://internal.example.com/collection/abcdef123456");
  await page.getByLabel("Dataflow ID").fill("12345");
  await page.getByRole("button", { name: "Save endpoint" }).click();
  await expect(page.getByText("A dataflow ID looks like")).toBeVisible();
  await expect(page.getByText("Use the Adobe streaming endpoint host")).toBeVisible();
  await page.getByLabel("Streaming endpoint URL").fill(`${ADOBE_EMULATOR_URL}/collection/${DEMO_ADOBE.inletId}`);
  await page.getByLabel("Dataflow ID").fill(DEMO_ADOBE.flowId);
  await page.getByRole("button", { name: "Save endpoint" }).click();
  await expect(page.getByText("Endpoint saved.")).toBeVisible();
  // XDM mode (the default): saving the dataflow reads its dataset and schema through Flow Service.
  await expect(page.getByTestId("discovered-dataset")).toHaveText(DEMO_ADOBE.datasetId);
  await expect(page.getByTestId("discovered-schema")).toHaveText(DEMO_ADOBE.schemaId);
  await page.getByRole("radio", { name: /AEP maps/ }).click();
  await expect(page.getByRole("radio", { name: /AEP maps/ })).toBeChecked();
  await expect(page.getByTestId("discovered-dataset")).toHaveCount(0);
  await page.getByRole("radio", { name: /Relay maps/ }).click();
  await expect(page.getByTestId("discovered-dataset")).toHaveText(DEMO_ADOBE.datasetId);
  await page.screenshot({ path: "test-results/endpoint-delivery-mode.png", fullPage: true });

  // Activation needs a published mapping: review the default and publish it.
  await page.getByRole("link", { name: "Overview" }).click();
  await expect(page.getByText("Mapping published")).toBeVisible();
  await expect(page.getByRole("button", { name: "Activate" })).toBeDisabled();
  await page.getByRole("link", { name: "Mapping" }).first().click();
  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByRole("dialog", { name: "Publish the mapping" }).getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published version 1.")).toBeVisible();
  await page.getByRole("link", { name: "Overview" }).click();
  await expect(page.getByText("Everything required is in place.")).toBeVisible();
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  // Active now, on the same page: rotating the secret keeps the old one working by default (the
  // dialog used to keep the default it had while the profile was a draft: "Immediately").
  await page.getByRole("button", { name: "Rotate inbound secret" }).click();
  const rotate = page.getByRole("dialog", { name: "Rotate the inbound secret?" });
  await expect(rotate.getByRole("radio", { name: "24 hours" })).toBeChecked();
  await rotate.getByRole("button", { name: "Cancel" }).click();

  await page.reload();
  await expect(page.locator("h1", { hasText: name }).locator("..")).toContainText("Active");
  await page.getByRole("link", { name: "Credentials" }).click();
  await expect(page.getByLabel("Client ID", { exact: true })).toHaveValue(DEMO_ADOBE.clientId);
  await expect(page.locator("#adobeClientSecret-hint")).toHaveText(
    `Stored: ••••${ADOBE_SECRET.slice(-4)}. Leave blank to keep it; type a new one to replace it.`,
  );
  await expect(page.getByLabel("Client Secret", { exact: true })).toHaveValue("");
  await page.getByRole("link", { name: "Push types" }).click();
  for (const t of ["SessionScheduled", "AttendeeRegistered", "LeadCaptured"])
    await expect(page.getByTestId(`push-type-${t}`).getByRole("checkbox")).toBeChecked();
  await page.getByRole("link", { name: "Endpoint" }).click();
  await expect(page.getByLabel("Dataflow ID")).toHaveValue(DEMO_ADOBE.flowId);

  // No secret anywhere a browser or an API client can see.
  for (const p of ["", "/credentials", "/activity"]) {
    const html = await (await page.request.get(page.url().replace(/\/profiles\/([^/]+).*/, `/profiles/$1${p}`))).text();
    for (const s of [ADOBE_SECRET, RF_SECRET]) expect(html).not.toContain(s);
  }
  const api = await page.request.get("/api/v1/profiles", { headers: { Authorization: `Bearer ${ops.token}` } });
  for (const s of [ADOBE_SECRET, RF_SECRET]) expect(await api.text()).not.toContain(s);
});

test("OPS creates a DESTINATION profile and sees the seed's destination details", async ({ page, seedUser }) => {
  const ops = await seedUser("OPS");
  await loginViaApi(page, ops.email, ops.password);
  await page.goto("/profiles/new");
  await page.getByText("AEP → RainFocus (destination)").click();
  await page.getByLabel("Profile name").fill(`Audience sync ${Date.now()}`);
  await page.getByLabel("Event ID").fill(DEMO_RAINFOCUS.eventCode);
  // The environment is asked once, with the RainFocus API profile on Credentials; the steps stay in view.
  await expect(page.getByLabel("Environment")).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Setup steps" })).toContainText("Basics");
  await page.getByRole("button", { name: "Create profile" }).click();
  await page.getByRole("link", { name: "Continue: credentials" }).click();
  await expect(page.getByText("Adobe Experience Platform")).toHaveCount(0);
  await page.getByLabel("RainFocus Client ID").fill(DEMO_RAINFOCUS.clientId);
  await page.getByLabel("Client secret", { exact: true }).fill(RF_SECRET);
  await page.getByLabel("Org ID", { exact: true }).fill(DEMO_RAINFOCUS.orgId);
  await page.getByLabel("Environment", { exact: true }).selectOption("dev");
  await expect(page.getByRole("list", { name: "Setup steps" }).locator('[aria-current="step"]')).toContainText("Credentials");
  await page.getByRole("button", { name: "Save RainFocus credentials" }).click();
  await page.getByRole("button", { name: "Test RainFocus connection" }).click();
  await expect(page.getByTestId("test-rainfocus")).toContainText("Connected.");
  await page.getByRole("link", { name: "Destination details" }).click();
  await expect(page.getByText("email_lc_sha256").first()).toBeVisible();
  const fields = page.getByRole("table", { name: "Target attendee fields" });
  for (const f of ["address1", "address2", "city", "companyname", "countryid", "email", "firstname", "lastname", "jobtitle", "phone", "state", "zip"]) {
    await expect(fields.getByText(f, { exact: true })).toBeVisible();
  }
  await page.getByRole("link", { name: "Mapping" }).first().click();
  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByRole("dialog", { name: "Publish the mapping" }).getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published version 1.")).toBeVisible();
  await page.getByRole("link", { name: "Overview" }).click();
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
});

test("QA and AUDITOR can view a profile but see no edit controls, and the server refuses their edits", async ({ page, seedUser, request }) => {
  const ops = await seedUser("OPS");
  const created = await request.post("/api/v1/profiles", {
    headers: { Authorization: `Bearer ${ops.token}` },
    data: { name: `Viewable ${Date.now()}`, direction: "SOURCE", eventCode: "view1" },
  });
  expect(created.status()).toBe(201);
  const { profile } = await created.json();
  for (const role of ["QA", "AUDITOR"] as const) {
    const user = await seedUser(role);
    await page.context().clearCookies();
    await loginViaApi(page, user.email, user.password);
    await page.goto(`/profiles/${profile.id}/credentials`);
    await expect(page.getByLabel("Client ID", { exact: true })).toBeDisabled();
    await expect(page.getByRole("button", { name: /Save|Test/ })).toHaveCount(0);
    await page.goto(`/profiles/${profile.id}`);
    await expect(page.getByRole("button", { name: "Activate" })).toHaveCount(0);
    const patch = await request.patch(`/api/v1/profiles/${profile.id}`, {
      headers: { Authorization: `Bearer ${user.token}` },
      data: { version: 1, basics: { name: "hijack", eventCode: "x" } },
    });
    expect(patch.status()).toBe(403);
    const get = await request.get(`/api/v1/profiles/${profile.id}`, { headers: { Authorization: `Bearer ${user.token}` } });
    expect(get.status()).toBe(200);
  }
});

test("a stale edit through the API is a 409, not a silent overwrite", async ({ request, seedUser }) => {
  const ops = await seedUser("OPS");
  const auth = { Authorization: `Bearer ${ops.token}` };
  const { profile } = await (
    await request.post("/api/v1/profiles", { headers: auth, data: { name: `Concurrent ${Date.now()}`, direction: "SOURCE", eventCode: "conc1" } })
  ).json();
  const first = await request.patch(`/api/v1/profiles/${profile.id}`, {
    headers: auth,
    data: { version: profile.version, basics: { name: "First", eventCode: "conc1" } },
  });
  expect(first.status()).toBe(200);
  const second = await request.patch(`/api/v1/profiles/${profile.id}`, {
    headers: auth,
    data: { version: profile.version, basics: { name: "Second", eventCode: "conc1" } },
  });
  expect(second.status()).toBe(409);
  expect((await (await request.get(`/api/v1/profiles/${profile.id}`, { headers: auth })).json()).name).toBe("First");
});

test("the server log holds no secret that was typed into a profile", async () => {
  const log = readFileSync(path.join(process.env.E2E_RUN_DIR!, "server.log"), "utf8");
  for (const s of [ADOBE_SECRET, RF_SECRET]) expect(log).not.toContain(s);
});
