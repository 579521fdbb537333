"use client";
import { useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { changeOwnPasswordAction, createOwnTokenAction, listOwnTokensAction, revokeOwnTokenAction } from "@/lib/account/actions";
import { ChangeOwnPasswordSchema, CreateOwnTokenSchema } from "@/lib/account/schemas";
import type { ApiTokenRow } from "@/lib/api-tokens/queries";
import { TOKEN_EXPIRY_DAYS } from "@/lib/api-tokens/schemas";
import { unwrap } from "@/lib/actions/unwrap";
import { accountKeys } from "@/lib/query-keys";
import { useZodActionForm } from "@/components/forms/use-zod-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Select, TextInput } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { LocalTime, TimeAgo } from "@/components/time-ago";
import { SecretReveal } from "../settings/users/secret-reveal";
import { TokenStatus } from "../settings/tokens/tokens-client";
import { ThemeChoice } from "./theme-choice";

export function AccountClient({ initialTokens }: { initialTokens: ApiTokenRow[] }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <PasswordCard />
      <Card className="p-5">
        <h2 className="text-base font-semibold">Theme</h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Kept in this browser.</p>
        <ThemeChoice />
      </Card>
      <div className="lg:col-span-2">
        <TokensCard initial={initialTokens} />
      </div>
    </div>
  );
}

function PasswordCard() {
  const router = useRouter();
  const { form, submit, errorsOf, pending, error } = useZodActionForm({
    schema: ChangeOwnPasswordSchema,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    action: changeOwnPasswordAction,
    // Every session of this account ends with the old password, this one included.
    onSuccess: () => router.push("/login?reason=password-changed"),
  });
  const field = (name: "currentPassword" | "newPassword" | "confirmPassword", label: string, hint?: string) => (
    <Field id={name} label={label} hint={hint} errors={errorsOf(name)}>
      <TextInput
        id={name}
        type="password"
        autoComplete={name === "currentPassword" ? "current-password" : "new-password"}
        invalid={!!errorsOf(name)}
        {...form.register(name)}
      />
    </Field>
  );
  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold">Change password</h2>
      <form onSubmit={submit} noValidate className="mt-4 space-y-4">
        {error ? <Alert tone="error">{error}</Alert> : null}
        {field("currentPassword", "Current password")}
        {field("newPassword", "New password", "At least 12 characters. You are signed out everywhere afterwards.")}
        {field("confirmPassword", "Repeat the new password")}
        <Button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </Button>
      </form>
    </Card>
  );
}

function TokensCard({ initial }: { initial: ApiTokenRow[] }) {
  const qc = useQueryClient();
  const tokens = useQuery({ queryKey: accountKeys.tokens(), queryFn: () => unwrap(listOwnTokensAction()), initialData: initial });
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const { form, submit, errorsOf, pending, error } = useZodActionForm({
    schema: CreateOwnTokenSchema,
    defaultValues: { name: "", expiresInDays: "" },
    action: createOwnTokenAction,
    onSuccess: (t) => {
      setCreated({ name: t.name, token: t.token });
      form.reset();
      void qc.invalidateQueries({ queryKey: accountKeys.tokens() });
    },
  });
  async function revoke(tokenId: string) {
    const r = await revokeOwnTokenAction({ tokenId });
    setRevokeError(r.ok ? null : r.error);
    await qc.invalidateQueries({ queryKey: accountKeys.tokens() });
  }
  return (
    <Card>
      <div className="border-b border-zinc-200 p-5 dark:border-zinc-800">
        <h2 className="text-base font-semibold">Your API tokens</h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          For /api/v1 with <code className="font-mono text-xs">Authorization: Bearer &lt;token&gt;</code>. A token can do what your role can, no more. It is
          shown once and stored only as a hash.
        </p>
        {created ? (
          <div className="mt-4">
            <SecretReveal label={`API token "${created.name}"`} secret={created.token} onDone={() => setCreated(null)} />
          </div>
        ) : null}
        <form onSubmit={submit} noValidate className="mt-4 flex flex-wrap items-end gap-3">
          <div className="min-w-64 flex-1">
            <Field id="own-token-name" label="Token name" errors={errorsOf("name")}>
              <TextInput id="own-token-name" placeholder="e.g. QA script" invalid={!!errorsOf("name")} {...form.register("name")} />
            </Field>
          </div>
          <div className="w-40">
            <Field id="own-token-expiry" label="Expires" errors={errorsOf("expiresInDays")}>
              <Select id="own-token-expiry" {...form.register("expiresInDays")}>
                <option value="">Never</option>
                {TOKEN_EXPIRY_DAYS.map((d) => (
                  <option key={d} value={d}>
                    In {d} days
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Button type="submit" disabled={pending}>
            Create token
          </Button>
        </form>
        {error ? (
          <div className="mt-3">
            <Alert tone="error">{error}</Alert>
          </div>
        ) : null}
        {revokeError ? (
          <div className="mt-3">
            <Alert tone="error">{revokeError}</Alert>
          </div>
        ) : null}
      </div>
      {tokens.data.length === 0 ? (
        <p className="px-5 py-6 text-center text-sm text-zinc-500">No API tokens yet.</p>
      ) : (
        <Table label="Your API tokens">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Token</Th>
              <Th>Created</Th>
              <Th>Last used</Th>
              <Th>Expires</Th>
              <Th>Status</Th>
              <Th />
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {tokens.data.map((t) => (
              <tr key={t.id} data-testid={`own-token-row-${t.name}`}>
                <Td className="max-w-56">
                  <div className="truncate font-medium" title={t.name}>
                    {t.name}
                  </div>
                </Td>
                <Td>
                  <code className="font-mono text-xs">{t.prefix}…</code>
                </Td>
                <Td>
                  <TimeAgo date={t.createdAt} />
                </Td>
                <Td>
                  <TimeAgo date={t.lastUsedAt} never="Never" />
                </Td>
                <Td>{t.expiresAt ? <LocalTime date={t.expiresAt} /> : "Never"}</Td>
                <Td>
                  <TokenStatus t={t} />
                </Td>
                <Td className="text-right">
                  {t.revokedAt ? null : (
                    <Button size="sm" variant="danger" onClick={() => revoke(t.id)}>
                      Revoke
                    </Button>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
