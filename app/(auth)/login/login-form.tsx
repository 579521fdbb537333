"use client";
import { useActionState } from "react";
import { loginAction, ssoLoginAction, type LoginState } from "@/lib/auth/auth-actions";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";

export function LoginForm({ next, ssoName, ssoError }: { next?: string; ssoName: string | null; ssoError?: string }) {
  const [state, formAction, pending] = useActionState<LoginState, FormData>(loginAction, {});
  const error = state.error ?? ssoError;
  return (
    <div className="space-y-4 rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <form action={formAction} className="space-y-4">
        <input type="hidden" name="next" value={next ?? ""} />
        {error ? <Alert tone="error">{error}</Alert> : null}
        <Field id="email" label="Email">
          <TextInput id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email} autoFocus />
        </Field>
        <Field id="password" label="Password">
          <TextInput id="password" name="password" type="password" autoComplete="current-password" required />
        </Field>
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {ssoName ? (
        <form action={ssoLoginAction}>
          <Button type="submit" variant="secondary" className="w-full">
            Continue with {ssoName}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
