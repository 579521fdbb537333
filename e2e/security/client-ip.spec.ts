import { test, expect } from "../fixtures";

test("a forged X-Forwarded-For cannot choose the address used for throttling and audit", async ({ playwright, baseURL, seedUser, db }) => {
  const user = await seedUser("QA");
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.77" } });
  const csrf = await (await api.get("/api/auth/csrf")).json();
  await api.post("/api/auth/callback/credentials", { form: { csrfToken: csrf.csrfToken, email: user.email, password: "wrong-password" }, maxRedirects: 0 });
  const rows = (await db.query(`SELECT ip FROM "LoginAttempt" WHERE email = $1`, [user.email])).rows;
  expect(rows).toHaveLength(1);
  expect(rows[0].ip).not.toContain("203.0.113.77");
  expect(rows[0].ip).toMatch(/127\.0\.0\.1|::1/);
  await api.dispose();
});

test("a cookie-authenticated mutation from another origin is refused; the same call with a token works", async ({ page, request, seedUser }) => {
  const ops = await seedUser("OPS");
  const { loginViaApi } = await import("../fixtures");
  await loginViaApi(page, ops.email, ops.password);
  const cross = await page.request.post("/api/v1/profiles", {
    headers: { Origin: "http://evil.example" },
    data: { name: "csrf", direction: "SOURCE", eventCode: "csrf1" },
  });
  expect(cross.status()).toBe(403);
  expect((await cross.json()).error.code).toBe("cross_origin");
  const token = await request.post("/api/v1/profiles", {
    headers: { Authorization: `Bearer ${ops.token}` },
    data: { name: `ok ${Date.now()}`, direction: "SOURCE", eventCode: "csrf2" },
  });
  expect(token.status()).toBe(201);
});

test("responses carry the security headers", async ({ request }) => {
  const res = await request.get("/login");
  const h = res.headers();
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["x-powered-by"]).toBeUndefined();
});
