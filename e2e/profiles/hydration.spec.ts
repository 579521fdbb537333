import { test, expect, ADMIN, loginViaApi } from "../fixtures";
import { activeDemoProfile } from "../deliveries/helpers";

// CI once failed because a spec clicked "Rotate inbound secret" before React had hydrated the page:
// the server-rendered button took the click and did nothing. A person on a slow connection gets
// the same dead button. Here the page's scripts are held back 2 s, so the server's HTML is on
// screen with no handlers: the button must say it is not ready (disabled), then work.
test("a button that works through a click handler is disabled until the page hydrates, then works", async ({ page, request }) => {
  const demo = await activeDemoProfile(request);
  await loginViaApi(page, ADMIN.email, ADMIN.password);
  let held = 0;
  await page.route("**/_next/static/chunks/**", async (route) => {
    held++;
    await new Promise((r) => setTimeout(r, 2000));
    await route.continue();
  });
  await page.goto(`/profiles/${demo.id}`, { waitUntil: "commit" });
  const rotate = page.getByRole("button", { name: "Rotate inbound secret" });
  await expect(rotate).toBeVisible();
  // The server's HTML: no handlers yet.
  await expect(rotate).toBeDisabled({ timeout: 1_500 });
  expect(held, "the page's scripts were held back").toBeGreaterThan(0);
  await expect(rotate).toBeEnabled({ timeout: 30_000 });
  await rotate.click();
  await expect(page.getByRole("button", { name: "Rotate now" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("button", { name: "Rotate now" })).toBeHidden();
});
