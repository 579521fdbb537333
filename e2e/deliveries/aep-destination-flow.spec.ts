import { test, expect, RAINFOCUS_EMULATOR_URL, ADOBE_EMULATOR_URL, loginViaApi } from "../fixtures";
import { aepUrlKey } from "../../lib/inbound/aep-auth";
import { DEMO_RAINFOCUS } from "../../lib/demo-credentials";

// AEP → RainFocus end to end from `npm start`: a DESTINATION profile configured in the console,
// the Adobe emulator's destination simulator exporting profiles the way AEP does (both formats,
// every auth option, one 5,000-profile aggregated request), the worker writing every attendee to
// the RainFocus emulator in the profile's write style. Nothing is refused: AEP would drop it.
test.describe.configure({ timeout: 300_000 });

type Export = { requests: number; delivered: number; dropped: number; calls: { attempts: { status?: number; error?: string }[] }[] };

for (const writeStyle of ["batch-store", "attendee-update"] as const) {
  test(`AEP exports reach RainFocus, write style ${writeStyle}`, async ({ page, request, baseURL, seedUser, db }) => {
    const ops = await seedUser("OPS");
    const auth = { Authorization: `Bearer ${ops.token}` };
    const created = await request.post("/api/v1/profiles", {
      headers: auth,
      data: { name: `AEP audience ${writeStyle} ${Date.now()}`, direction: "DESTINATION", eventCode: DEMO_RAINFOCUS.eventCode, rainfocusEnvironment: "dev" },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { profile, inboundSecret } = (await created.json()) as { profile: { id: string; version: number }; inboundSecret: string };
    const id = profile.id;
    const patched = await request.patch(`/api/v1/profiles/${id}`, {
      headers: auth,
      data: {
        version: profile.version,
        rainfocus: {
          rainfocusClientId: DEMO_RAINFOCUS.clientId,
          rainfocusSecret: DEMO_RAINFOCUS.clientSecret,
          rainfocusOrgId: DEMO_RAINFOCUS.orgId,
          rainfocusEnvironment: "dev",
        },
      },
    });
    expect(patched.status(), await patched.text()).toBe(200);

    // From the console: the write style, a connection test that exercises it, the mapping, activation.
    await loginViaApi(page, ops.email, ops.password);
    await page.goto(`/profiles/${id}/credentials`);
    if (writeStyle === "attendee-update") {
      await page.getByLabel("Write style").selectOption("attendee-update");
      await page.getByRole("button", { name: "Save RainFocus settings" }).click();
      await expect(page.getByText("RainFocus settings saved.")).toBeVisible();
    }
    await page.getByRole("button", { name: "Test RainFocus connection" }).click();
    await expect(page.getByTestId("test-rainfocus")).toContainText(writeStyle === "attendee-update" ? "one attendee per call" : "batch Attendee Store");
    await page.getByRole("link", { name: "Mapping" }).first().click();
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByRole("dialog", { name: "Publish the mapping" }).getByRole("button", { name: "Publish" }).click();
    await expect(page.getByText("Published version 1.")).toBeVisible();
    await page.getByRole("link", { name: "Overview" }).click();
    await page.getByRole("button", { name: "Activate" }).click();
    await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();

    const runId = `${writeStyle}-${Date.now().toString(36)}`;
    const target = `${baseURL}/api/v1/inbound/aep/${id}`;
    const exportVia = async (data: Record<string, unknown>): Promise<Export> => {
      const res = await request.post(`${ADOBE_EMULATOR_URL}/_emulator/destination/export`, { data: { runId, ...data }, timeout: 120_000 });
      expect(res.status(), await res.text()).toBe(200);
      return (await res.json()) as Export;
    };
    const exports = [
      // HTTP API destination, one profile per request: bearer token, OAuth 2 client credentials (both client types), None.
      await exportVia({ targetUrl: target, format: "http-api", auth: { type: "bearer", token: inboundSecret }, count: 20, startIndex: 0 }),
      await exportVia({
        targetUrl: target,
        format: "http-api",
        auth: { type: "oauth2", tokenUrl: `${target}/token`, clientId: id, clientSecret: inboundSecret, clientType: "body" },
        count: 10,
        startIndex: 20,
      }),
      await exportVia({
        targetUrl: target,
        format: "http-api",
        auth: { type: "oauth2", tokenUrl: `${target}/token`, clientId: id, clientSecret: inboundSecret, clientType: "basic" },
        count: 10,
        startIndex: 30,
      }),
      await exportVia({ targetUrl: `${target}/${aepUrlKey(id, inboundSecret)}`, format: "http-api", auth: { type: "none" }, count: 10, startIndex: 40 }),
      // Destination SDK: best effort, and one configurable-aggregation request of 5,000 profiles.
      await exportVia({
        targetUrl: target,
        format: "sdk-aggregated",
        auth: { type: "bearer", token: inboundSecret },
        count: 45,
        startIndex: 50,
        aggregation: { type: "BEST_EFFORT", maxUsersPerRequest: 10 },
      }),
      await exportVia({
        targetUrl: target,
        format: "sdk-aggregated",
        auth: { type: "bearer", token: inboundSecret },
        count: 5000,
        startIndex: 100,
        aggregation: { type: "CONFIGURABLE", maxNumEventsInBatch: 5000 },
      }),
    ];
    for (const e of exports) {
      expect(e.dropped, JSON.stringify(e.calls.find((c) => c.attempts.some((a) => a.status !== 202)))).toBe(0);
      // Accepted at the first attempt: AEP's retries are not needed for anything AEP sends.
      expect(e.calls.every((c) => c.attempts.length === 1 && c.attempts[0]!.status === 202)).toBe(true);
    }
    expect(exports[5]!.requests).toBe(1);
    // Indices 0–94 and 100–5099 were exported; every tenth profile has exited its audience.
    const sent = [...Array.from({ length: 95 }, (_, i) => i), ...Array.from({ length: 5000 }, (_, i) => 100 + i)];
    const total = sent.length;
    const exited = sent.filter((i) => i % 10 === 9).length;

    const formats = await db.query<{ inboundFormat: string; n: string }>(
      `SELECT "inboundFormat", count(*) AS n FROM "Delivery" WHERE "profileId" = $1 GROUP BY 1 ORDER BY 1`,
      [id],
    );
    expect(Object.fromEntries(formats.rows.map((r) => [r.inboundFormat, Number(r.n)]))).toEqual({ "http-api": 50, "sdk-aggregated": 5045 });

    // The worker started by npm start writes every attendee; exits are recorded, never written.
    await expect
      .poll(async () => (await db.query(`SELECT count(*) AS n FROM "Delivery" WHERE "profileId" = $1 AND status <> 'DELIVERED'`, [id])).rows[0].n, {
        timeout: 240_000,
        intervals: [2000],
      })
      .toBe("0");
    const notes = await db.query(`SELECT count(*) AS n FROM "Delivery" WHERE "profileId" = $1 AND note IS NOT NULL`, [id]);
    expect(Number(notes.rows[0].n)).toBe(exited);
    const stores = (await (await request.get(`${RAINFOCUS_EMULATOR_URL}/_emulator/attendees?event=${DEMO_RAINFOCUS.eventCode}`)).json()) as {
      stores: { environment: string; attendees: { email: string }[] }[];
    };
    const mine = stores.stores
      .filter((s) => s.environment === "dev")
      .flatMap((s) => s.attendees)
      .filter((a) => a.email.includes(`.${runId}.`));
    expect(mine.length).toBe(total - exited);
    const calls = (await (
      await request.get(
        `${RAINFOCUS_EMULATOR_URL}/_emulator/requests?route=${writeStyle === "attendee-update" ? "rf.attendee.update" : "rf.attendee.store"}&limit=1`,
      )
    ).json()) as { requests: unknown[] };
    expect(calls.requests.length).toBeGreaterThan(0);
  });
}
