"use server";
import { AuthError } from "next-auth";
import { signIn, signOut } from "./config";
import { oidcConfigured } from "@/lib/env";
import { safeNext } from "./safe-next";

export type LoginState = { error?: string; email?: string };

const MESSAGES: Record<string, string> = {
  invalid: "Email or password is incorrect.",
  throttled:
    "Too many failed sign-in attempts from here. Wait a minute and try again (each further failure doubles the wait), or ask an admin to reset your password.",
};

/** Public by design (it is how one gets a session); throttled per account and IP in authorize(). */
export async function loginAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get("email") ?? "").slice(0, 320);
  try {
    await signIn("credentials", { email, password: String(form.get("password") ?? ""), redirectTo: safeNext(form.get("next")) });
    return {};
  } catch (err) {
    if (err instanceof AuthError) {
      const code = (err as AuthError & { code?: string }).code ?? "invalid";
      return { error: MESSAGES[code] ?? MESSAGES.invalid, email };
    }
    throw err; // the redirect after a successful sign-in is thrown, too
  }
}

export async function ssoLoginAction(): Promise<void> {
  if (!oidcConfigured()) return;
  await signIn("oidc", { redirectTo: "/profiles" });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
