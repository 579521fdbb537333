import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db";
import { env, oidcConfigured } from "@/lib/env";
import { clientIp } from "@/lib/request-ip";
import { writeAudit } from "@/lib/audit/write-audit";
import { log } from "@/lib/log";
import { maskEmail } from "@/lib/email-mask";
import { DUMMY_HASH, verifyPassword } from "./password";
import { isLoginThrottled, recordLoginAttempt } from "./login-guard";

class InvalidLogin extends CredentialsSignin {
  code = "invalid";
}
class ThrottledLogin extends CredentialsSignin {
  code = "throttled";
}

const LoginSchema = z.object({ email: z.email().max(320), password: z.string().min(1).max(1024) });

function oidcProvider(): NextAuthConfig["providers"] {
  if (!oidcConfigured()) return [];
  const e = env();
  return [
    {
      id: "oidc",
      name: e.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: e.AUTH_OIDC_ISSUER,
      clientId: e.AUTH_OIDC_CLIENT_ID,
      clientSecret: e.AUTH_OIDC_CLIENT_SECRET,
    },
  ];
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  // A wrong password is an expected outcome (recorded in LoginAttempt and logged by authorize()
  // below as a "sign-in failed" line), not a server error to log.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      log.error("auth error", { type: (error as { type?: string }).type, error });
    },
    warn(code) {
      log.warn("auth warning", { code });
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      // Sign-ins are logged (never the password; the email masked as elsewhere in the console).
      async authorize(raw, request) {
        const ip = clientIp(request.headers);
        const parsed = LoginSchema.safeParse(raw);
        if (!parsed.success) {
          log.warn("sign-in failed", { method: "password", reason: "invalid_input", ip });
          throw new InvalidLogin();
        }
        const email = parsed.data.email.toLowerCase();
        if (await isLoginThrottled(email, ip)) {
          log.warn("sign-in failed", { method: "password", reason: "throttled", email: maskEmail(email), ip });
          throw new ThrottledLogin();
        }
        const user = await db.user.findUnique({ where: { email } });
        const valid = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
        await recordLoginAttempt(email, ip, valid && !!user && !user.disabled);
        if (!user || !valid || user.disabled) {
          const reason = !user ? "unknown_user" : !valid ? "wrong_password" : "disabled";
          log.warn("sign-in failed", { method: "password", reason, email: maskEmail(email), userId: user?.id, ip });
          // In the audit log too (bounded by the sign-in throttle above): who was tried, from where, why.
          await writeAudit(db, { actor: null, action: "auth.login.failed", targetType: "User", targetId: user?.id ?? null, after: { email, reason }, ip });
          throw new InvalidLogin();
        }
        await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
        await writeAudit(db, { actor: { id: user.id, email: user.email }, action: "auth.login", targetType: "User", targetId: user.id, ip });
        log.info("sign-in", { method: "password", userId: user.id, role: user.role, ip });
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    // SSO signs in only people an admin has already added (matched by email), never creates users.
    async signIn({ account, profile }) {
      if (account?.provider !== "oidc") return true;
      const email = typeof profile?.email === "string" ? profile.email.toLowerCase() : null;
      // An unverified email could be anyone's (some IdPs let users type it): never match on it.
      if (!email || profile?.email_verified !== true) {
        log.warn("sign-in failed", { method: "oidc", reason: email ? "email_unverified" : "no_email", email: email ? maskEmail(email) : undefined });
        return false;
      }
      const user = await db.user.findUnique({ where: { email } });
      if (!user || user.disabled) {
        log.warn("sign-in failed", { method: "oidc", reason: user ? "disabled" : "unknown_user", email: maskEmail(email), userId: user?.id });
        return false;
      }
      log.info("sign-in", { method: "oidc", userId: user.id, role: user.role });
      return true;
    },
    // At sign-in the token takes the user's session version; a password reset bumps it, which
    // ends every session signed in before (lib/auth/session.ts compares them on each request).
    async jwt({ token, user, account, profile }) {
      if (account?.provider === "oidc" && typeof profile?.email === "string" && profile.email_verified === true) {
        const local = await db.user.findUnique({ where: { email: profile.email.toLowerCase() } });
        if (local) Object.assign(token, { sub: local.id, sv: local.sessionVersion });
      } else if (user?.id) {
        const local = await db.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } });
        Object.assign(token, { sub: user.id, sv: local?.sessionVersion ?? 0 });
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return Object.assign(session, { sessionVersion: typeof token.sv === "number" ? token.sv : 0 });
    },
  },
});
