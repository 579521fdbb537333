import { test, expect, loginViaApi } from "../fixtures";

// A server action posted from another origin is refused as 403 (Next threw, which answered 500).
test("a cross-origin server action is refused with 403, a same-origin one is not", async ({ page, seedUser, baseURL }) => {
  const admin = await seedUser("ADMIN");
  await loginViaApi(page, admin.email, admin.password);
  const headers = { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" };
  for (const origin of ["https://evil.example", "null", "http://127.0.0.1.evil.example"]) {
    const res = await page.request.post("/settings/users", { headers: { ...headers, Origin: origin }, data: "[]" });
    expect(res.status(), origin).toBe(403);
    expect(await res.text()).toContain("Cross-origin");
  }
  const same = await page.request.post("/settings/users", { headers: { ...headers, Origin: new URL(baseURL!).origin }, data: "[]" });
  expect(same.status()).not.toBe(403);
  expect(same.status()).toBeLessThan(500);
});
