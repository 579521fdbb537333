import { test as base, expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { hashPassword } from "../lib/auth/password";
import { generateApiToken, hashApiToken } from "../lib/api-tokens/token";
import type { Role } from "../lib/auth/roles";

export const ADMIN = { email: "admin@example.com", password: "e2e-admin-password-123" };
/** The e2e server's emulators (playwright.config.ts sets the ports). */
export const ADOBE_EMULATOR_URL = `http://127.0.0.1:${process.env.E2E_ADOBE_PORT ?? 4110}`;
export const RAINFOCUS_EMULATOR_URL = `http://127.0.0.1:${process.env.E2E_RAINFOCUS_PORT ?? 4120}`;
export const SEEDED_TOKEN = "rfk_e2e_seeded_admin_token_0123456789";

type Seeded = { email: string; password: string; role: Role; token: string };

// Plain SQL through pg: the generated Prisma client is ESM and Playwright loads specs as CommonJS.
export const test = base.extend<{ seedUser: (role: Role) => Promise<Seeded> }, { db: pg.Pool }>({
  db: [
    async ({}, use) => {
      const db = new pg.Pool({ connectionString: process.env.E2E_DB_URL!, max: 2 });
      await use(db);
      await db.end();
    },
    { scope: "worker" },
  ],
  seedUser: async ({ db }, use) => {
    await use(async (role) => {
      const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      const email = `${role.toLowerCase()}-${tag}@example.test`;
      const password = `pw-${tag}-long-enough`;
      const userId = randomUUID();
      await db.query(`INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`, [
        userId,
        email,
        `${role} ${tag}`,
        role,
        await hashPassword(password),
      ]);
      const token = generateApiToken();
      await db.query(`INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix) VALUES ($1, $2, 'e2e', $3, $4)`, [
        randomUUID(),
        userId,
        hashApiToken(token),
        token.slice(0, 10),
      ]);
      return { email, password, role, token };
    });
  },
});

/** Signs in through Auth.js's own endpoints (no UI), sharing cookies with the page. */
export async function loginViaApi(page: Page, email: string, password: string) {
  const csrf = await (await page.request.get("/api/auth/csrf")).json();
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email, password, callbackUrl: "/profiles" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
}

export async function loginViaUi(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/profiles/);
}

export { expect };
