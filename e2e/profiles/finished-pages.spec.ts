import { test, expect, ADMIN, SEEDED_TOKEN, loginViaApi } from "../fixtures";
import type { Page } from "@playwright/test";

const admin = { Authorization: `Bearer ${SEEDED_TOKEN}` };

/** React's hydration errors (#418 in a production build) reach the console; collect them. */
function hydrationErrors(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /#418|#423|#425|hydrat/i.test(m.text())) seen.push(m.text());
  });
  page.on("pageerror", (e) => {
    if (/#418|#423|#425|hydrat/i.test(e.message)) seen.push(e.message);
  });
  return seen;
}

test("long names never push columns off-screen, and /profiles and credentials hydrate without error #418", async ({ page, request }) => {
  const longName = `Unbroken${"x".repeat(90)}`;
  const created = await request.post("/api/v1/profiles", { headers: admin, data: { name: longName, direction: "SOURCE", eventCode: "long1" } });
  expect(created.status(), await created.text()).toBe(201);
  const { profile } = await created.json();
  // A delivery time on the list ("12s ago") is what differed between server and browser.
  await loginViaApi(page, ADMIN.email, ADMIN.password);
  const errors = hydrationErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto("/profiles");
  await expect(page.getByRole("table", { name: "Profiles" })).toContainText("Unbroken");
  await page.waitForTimeout(1500);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
  await expect(page.getByRole("table", { name: "Profiles" }).getByRole("columnheader", { name: "24 h success" })).toBeInViewport();

  await page.goto(`/profiles/${profile.id}/credentials`);
  await page.reload();
  await page.waitForTimeout(1500);
  await page.goto("/profiles");
  await page.reload();
  await page.waitForTimeout(1500);
  expect(errors).toEqual([]);
});
