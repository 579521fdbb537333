import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { env, oidcConfigured } from "@/lib/env";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; error?: string }> }) {
  if (await getActor()) redirect("/profiles");
  const { next, error } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-50 to-zinc-50 p-6 dark:from-zinc-900 dark:to-zinc-950">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div className="mx-auto mb-3 flex h-10 w-10 items-center justify-center rounded-lg bg-brand-600 font-bold text-white">R</div>
          <h1 className="text-xl font-semibold">Sign in to Relay</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">RainFocus ⇄ Adobe Experience Platform console</p>
        </div>
        <LoginForm
          next={next}
          ssoName={oidcConfigured() ? env().AUTH_OIDC_NAME : null}
          ssoError={error === "AccessDenied" ? "Your single sign-on account has no access here. Ask an admin to add you." : undefined}
        />
      </div>
    </main>
  );
}
