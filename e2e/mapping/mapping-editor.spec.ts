import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect, loginViaApi } from "../fixtures";

const SAMPLE = {
  transmissionId: "1680309717012001qJP",
  eventType: "SessionScheduled",
  timestamp: "2023-04-01T00:41:57.000Z",
  attendee: { attendeeId: "1619119968857001fvLB", email: "  Ada.Lovelace@Example.com ", registered: "Yes" },
  session: { code: "GS3", title: "Keynote", length: 90 },
};

/** A SOURCE profile on the "acme" tenant whose draft is `draft`, made over the API as `auth`. */
async function acmeProfile(request: APIRequestContext, auth: Record<string, string>, name: string, eventCode: string, draft: Record<string, unknown>) {
  const { profile } = await (
    await request.post("/api/v1/profiles", { headers: auth, data: { name: `${name} ${Date.now()}`, direction: "SOURCE", eventCode } })
  ).json();
  await request.patch(`/api/v1/profiles/${profile.id}`, { headers: auth, data: { version: 1, adobe: { adobeAuthMethod: "OAUTH_S2S", tenantId: "acme" } } });
  expect((await request.put(`/api/v1/profiles/${profile.id}/mapping`, { headers: auth, data: draft })).status()).toBe(200);
  return profile as { id: string };
}

/** An OPS user signed in on a new acme profile whose draft maps one rule over SAMPLE; their API auth with it. */
async function opsOnOneRuleDraft(
  page: Page,
  request: APIRequestContext,
  seedUser: (role: "OPS") => Promise<{ token: string; email: string; password: string }>,
  name: string,
  eventCode: string,
) {
  const ops = await seedUser("OPS");
  const auth = { Authorization: `Bearer ${ops.token}` };
  const profile = await acmeProfile(request, auth, name, eventCode, {
    revision: 0,
    rules: [{ target: "_id", source: "transmissionId" }],
    samples: [{ name: "s", payload: SAMPLE }],
  });
  await loginViaApi(page, ops.email, ops.password);
  return { profile, auth };
}

/** Clicks a source field, then a target field, and waits for the rule between them. */
async function connect(page: Page, from: string, to: string) {
  await page.getByRole("list", { name: "Source fields" }).locator(`button[data-path="${from}"]`).click();
  await page.getByRole("list", { name: "Target fields" }).locator(`button[data-path="${to}"]`).click();
  await expect(page.getByRole("list", { name: "Mapping rules" }).locator(`[data-target="${to}"]`)).toBeVisible();
}

test("OPS builds a mapping from an uploaded sample, publishes v1 and v2 and diffs them", async ({ page, request, seedUser }) => {
  const ops = await seedUser("OPS");
  const auth = { Authorization: `Bearer ${ops.token}` };
  // Start from an empty draft, as a new user would with their own payload.
  const profile = await acmeProfile(request, auth, "Mapping", "map2", { revision: 0, rules: [] });

  await loginViaApi(page, ops.email, ops.password);
  await page.goto(`/profiles/${profile.id}/mapping`);
  await page
    .getByTestId("sample-file")
    .setInputFiles({ name: "session-scheduled.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(SAMPLE)) });
  await expect(page.getByLabel("Sample", { exact: true })).toHaveValue("session-scheduled");

  await expect(page.getByTestId("preview-status")).toContainText("problem");
  await connect(page, "transmissionId", "_id");
  await connect(page, "timestamp", "timestamp");
  await connect(page, "eventType", "eventType");
  await connect(page, "attendee.email", "identityMap.Email[0].id");
  await connect(page, "attendee.attendeeId", "_acme.attendee.attendeeId");
  await expect(page.getByTestId("count-mapped")).toHaveText("5");
  await expect(page.getByTestId("preview-status")).toHaveText("Valid XDM");

  // A type error appears on the row and in the preview, then disappears when the rule goes.
  await connect(page, "session.title", "_acme.session.length");
  await expect(page.getByTestId("preview-status")).toContainText("problem");
  // Publishing it is not offered: the dialog names the problem and its Publish stays disabled.
  await page.getByRole("button", { name: "Publish" }).click();
  const dialog = page.getByRole("dialog", { name: "Publish the mapping" });
  await expect(dialog).toContainText("_acme.session.length");
  await expect(dialog.getByRole("button", { name: "Publish" })).toBeDisabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Remove _acme.session.length" }).click();
  await expect(page.getByTestId("preview-status")).toHaveText("Valid XDM");

  await page.getByRole("button", { name: "Add calculated field" }).click();
  await page.getByLabel("Calculated field target").fill("identityMap.Email_LC_SHA256[0].id");
  await page.getByLabel("Expression").fill("sha256(lower(trim(attendee.email))");
  await expect(page.getByTestId("expression-error")).toBeVisible();
  await page.getByLabel("Expression").fill("sha256(lower(trim(attendee.email)))");
  await expect(page.getByTestId("expression-error")).toHaveCount(0);
  await page.getByRole("button", { name: "Add calculated field" }).last().click();
  await expect(page.getByTestId("value-identityMap.Email_LC_SHA256[0].id")).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.getByTestId("preview-status")).toHaveText("Valid XDM");

  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
  await page.getByRole("button", { name: "Publish" }).click();
  // Publishing asks first, and says what it does.
  const confirm = page.getByRole("dialog", { name: "Publish the mapping" });
  await expect(confirm).toContainText("becomes version 1");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText("Published version 1.")).toHaveCount(0);
  await page.getByRole("button", { name: "Publish" }).click();
  await confirm.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published version 1.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Published versions" })).toContainText("Version 1");

  await page.getByRole("tab", { name: /Preview/ }).click();
  await page.getByRole("button", { name: "Remove eventType" }).click();
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByRole("dialog", { name: "Publish the mapping" }).getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published version 2.")).toBeVisible();
  await page.getByRole("button", { name: "Diff with v1" }).click();
  const diff = page.getByRole("table", { name: "Mapping diff" });
  await expect(diff.locator('[data-change="removed"]')).toContainText("eventType");

  // Reload: the draft and the versions persisted.
  await page.reload();
  await expect(page.getByTestId("count-mapped")).toHaveText("5");
  await expect(page.getByRole("tab", { name: "Versions (2)" })).toBeVisible();
  const versions = await (await request.get(`/api/v1/profiles/${profile.id}/mapping/versions`, { headers: auth })).json();
  expect(versions.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
});

test("a failed XDM check shows an inline error, never a blank preview, and can be retried", async ({ page, request, seedUser }) => {
  const { profile } = await opsOnOneRuleDraft(page, request, seedUser, "XDM check", "map5");
  // The XDM check is a server action posted to the page's URL: fail it until told otherwise.
  let fail = true;
  await page.route(`**/profiles/${profile.id}/mapping`, (route) => {
    const req = route.request();
    if (fail && req.method() === "POST" && req.headers()["next-action"] && (req.postData() ?? "").includes('"output"'))
      return route.fulfill({ status: 503, contentType: "text/plain", body: "unavailable" });
    return route.fallback();
  });
  await page.goto(`/profiles/${profile.id}/mapping`);
  await expect(page.getByTestId("xdm-check-error")).toContainText("Could not check against the XDM schema");
  await expect(page.getByTestId("preview-status")).toHaveText("XDM check failed");
  await expect(page.getByTestId("mapping-preview")).toContainText("1680309717012001qJP");

  fail = false;
  await page.getByTestId("xdm-check-error").getByRole("button", { name: "Retry" }).click();
  await expect(page.getByTestId("xdm-check-error")).toHaveCount(0);
  // One rule only: the schema's other required fields are missing.
  const problems = page.getByRole("list", { name: "Validation problems" });
  await expect(problems).toContainText("required key [timestamp] not found");
  // Readable: the field by name, no JSON pointer beside it; the count says what the list shows.
  await expect(problems).not.toContainText("#/");
  const n = await problems.getByRole("listitem").count();
  await expect(page.getByTestId("preview-status")).toHaveText(`${n} problem${n > 1 ? "s" : ""}`);
  await expect(page.getByTestId("count-errors")).toHaveText(String(n));
});

test("a sample that is not JSON is refused with a clear message and changes nothing", async ({ page, request, seedUser }) => {
  const ops = await seedUser("OPS");
  const auth = { Authorization: `Bearer ${ops.token}` };
  const { profile } = await (
    await request.post("/api/v1/profiles", { headers: auth, data: { name: `Bad sample ${Date.now()}`, direction: "SOURCE", eventCode: "map3" } })
  ).json();
  await loginViaApi(page, ops.email, ops.password);
  await page.goto(`/profiles/${profile.id}/mapping`);
  const before = await page.getByLabel("Sample", { exact: true }).inputValue();
  await page.getByTestId("sample-file").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{ not json") });
  await expect(page.locator("[data-alert=error]")).toContainText("broken.json: Not valid JSON");
  await expect(page.getByLabel("Sample", { exact: true })).toHaveValue(before);
});

test("QA sees the mapping read-only", async ({ page, request, seedUser }) => {
  const ops = await seedUser("OPS");
  const { profile } = await (
    await request.post("/api/v1/profiles", {
      headers: { Authorization: `Bearer ${ops.token}` },
      data: { name: `RO ${Date.now()}`, direction: "DESTINATION", eventCode: "map4" },
    })
  ).json();
  const qa = await seedUser("QA");
  await loginViaApi(page, qa.email, qa.password);
  await page.goto(`/profiles/${profile.id}/mapping`);
  await expect(page.getByTestId("save-state")).toHaveText("Read-only");
  await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(0);
  const put = await request.put(`/api/v1/profiles/${profile.id}/mapping`, {
    headers: { Authorization: `Bearer ${qa.token}` },
    data: { revision: 0, rules: [] },
  });
  expect(put.status()).toBe(403);
});

test("an edit made while the previous autosave is still in flight saves after it, never as a conflict with itself", async ({ page, request, seedUser }) => {
  const { profile, auth } = await opsOnOneRuleDraft(page, request, seedUser, "Slow save", "map6");
  // Every draft save (a server action posted to the page's URL, carrying the revision) takes 1.5 s.
  await page.route(`**/profiles/${profile.id}/mapping`, async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"] && (req.postData() ?? "").includes('"revision"')) await new Promise((r) => setTimeout(r, 1500));
    return route.fallback();
  });
  await page.goto(`/profiles/${profile.id}/mapping`);
  await connect(page, "timestamp", "timestamp");
  await expect(page.getByTestId("save-state")).toHaveText("Saving…");
  // The first save is on its way; this edit must wait for it and go on the revision it returns.
  await connect(page, "eventType", "eventType");
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved", { timeout: 15_000 });
  const stored = await (await request.get(`/api/v1/profiles/${profile.id}/mapping`, { headers: auth })).json();
  expect(stored.draft.rules.map((r: { target: string }) => r.target).sort()).toEqual(["_id", "eventType", "timestamp"]);
  expect(stored.draft.revision).toBe(3);
});
