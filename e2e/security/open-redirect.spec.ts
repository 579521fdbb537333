import { test, expect } from "../fixtures";

// After sign-in, `next` may only lead to a page of this site (issue 18: /login?next=/.//evil.example
// landed on evil.example). Each spelling is signed in through the real form.
for (const next of ["/.//evil.example", "/..//evil.example", "/./\\evil.example", "/\t/evil.example"]) {
  test(`sign-in with next=${JSON.stringify(next)} stays on this site`, async ({ page, seedUser }) => {
    const user = await seedUser("QA");
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/profiles$/);
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
  });
}

test("a same-site next is honoured", async ({ page, seedUser }) => {
  const user = await seedUser("QA");
  await page.goto(`/login?next=${encodeURIComponent("/deliveries?status=FAILED")}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/deliveries\?status=FAILED$/);
});

test("a page opened while signed out comes back after sign-in, filters included", async ({ page, seedUser }) => {
  const user = await seedUser("QA");
  await page.goto("/deliveries?status=FAILED&test=no");
  await expect(page).toHaveURL(/\/login\?next=%2Fdeliveries%3Fstatus%3DFAILED%26test%3Dno$/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/deliveries\?status=FAILED&test=no$/);
});
