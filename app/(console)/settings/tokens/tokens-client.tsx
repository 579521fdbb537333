"use client";
import { LocalTime, TimeAgo } from "@/components/time-ago";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { createApiTokenAction, listApiTokensAction, revokeApiTokenAction } from "@/lib/api-tokens/actions";
import type { AnyApiTokenRow, ApiTokenRow } from "@/lib/api-tokens/queries";
import { CreateApiTokenSchema, TOKEN_EXPIRY_DAYS } from "@/lib/api-tokens/schemas";
import { unwrap } from "@/lib/actions/unwrap";
import { tokenKeys } from "@/lib/query-keys";
import { useZodActionForm } from "@/components/forms/use-zod-action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/page-header";
import { Field, Select, TextInput } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { Alert } from "@/components/ui/alert";
import { SecretReveal } from "../users/secret-reveal";
import { AllTokensCard } from "./all-tokens";

/** Active, expired or revoked, as a badge. */
export function TokenStatus({ t }: { t: Pick<ApiTokenRow, "revokedAt" | "expiresAt"> }) {
  if (t.revokedAt) return <Badge tone="red">Revoked</Badge>;
  if (t.expiresAt && new Date(t.expiresAt).getTime() <= Date.now()) return <Badge tone="amber">Expired</Badge>;
  return <Badge tone="green">Active</Badge>;
}

export function TokensClient({ initialTokens, initialAll }: { initialTokens: ApiTokenRow[]; initialAll: AnyApiTokenRow[] }) {
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: tokenKeys.list(), queryFn: () => unwrap(listApiTokensAction()), initialData: initialTokens });
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useZodActionForm({
    schema: CreateApiTokenSchema,
    defaultValues: { name: "", expiresInDays: "" },
    action: createApiTokenAction,
    onSuccess: (data) => {
      setCreated({ name: data.name, token: data.token });
      form.form.reset();
      void queryClient.invalidateQueries({ queryKey: tokenKeys.all });
    },
  });

  async function revoke(tokenId: string) {
    const result = await revokeApiTokenAction({ tokenId });
    setError(result.ok ? null : result.error);
    await queryClient.invalidateQueries({ queryKey: tokenKeys.all });
  }

  return (
    <div className="space-y-4">
      {created ? <SecretReveal label={`API token "${created.name}"`} secret={created.token} onDone={() => setCreated(null)} /> : null}
      <Card className="p-4">
        <form onSubmit={form.submit} noValidate className="flex flex-wrap items-end gap-3">
          <div className="min-w-64 flex-1">
            <Field
              id="token-name"
              label="Token name"
              hint="Used for /api/v1 with Authorization: Bearer <token>, with your role."
              errors={form.errorsOf("name")}
            >
              <TextInput id="token-name" placeholder="e.g. CI pipeline" invalid={!!form.errorsOf("name")} {...form.form.register("name")} />
            </Field>
          </div>
          <div className="w-40">
            <Field id="token-expiry" label="Expires" errors={form.errorsOf("expiresInDays")}>
              <Select id="token-expiry" {...form.form.register("expiresInDays")}>
                <option value="">Never</option>
                {TOKEN_EXPIRY_DAYS.map((d) => (
                  <option key={d} value={d}>
                    In {d} days
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Button type="submit" disabled={form.pending}>
            Create token
          </Button>
        </form>
        {form.error ? (
          <div className="mt-3">
            <Alert tone="error">{form.error}</Alert>
          </div>
        ) : null}
      </Card>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Card>
        {tokens.data.length === 0 ? (
          <EmptyState title="No API tokens yet">Create one to call the REST API from scripts or CI. It is shown once and stored only as a hash.</EmptyState>
        ) : (
          <Table label="API tokens">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Token</Th>
                <Th>Created</Th>
                <Th>Last used</Th>
                <Th>Expires</Th>
                <Th>Status</Th>
                <Th className="text-right">Actions</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {tokens.data.map((t) => (
                <tr key={t.id} data-testid={`token-row-${t.name}`}>
                  <Td className="font-medium">{t.name}</Td>
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
                    {!t.revokedAt ? (
                      <Button size="sm" variant="danger" onClick={() => revoke(t.id)}>
                        Revoke
                      </Button>
                    ) : null}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <AllTokensCard initial={initialAll} onRevoke={revoke} />
    </div>
  );
}
