"use client";
import { TimeAgo } from "@/components/time-ago";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { createApiTokenAction, listApiTokensAction, revokeApiTokenAction } from "@/lib/api-tokens/actions";
import type { ApiTokenRow } from "@/lib/api-tokens/queries";
import { unwrap } from "@/lib/actions/unwrap";
import { tokenKeys } from "@/lib/query-keys";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/page-header";
import { Field, TextInput } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { Alert } from "@/components/ui/alert";
import { SecretReveal } from "../users/secret-reveal";

export function TokensClient({ initialTokens }: { initialTokens: ApiTokenRow[] }) {
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: tokenKeys.list(), queryFn: () => unwrap(listApiTokensAction()), initialData: initialTokens });
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string[]> } | null>(null);

  async function create(form: FormData) {
    const result = await createApiTokenAction({ name: form.get("name") });
    if (!result.ok) return setError({ message: result.error, fields: result.fieldErrors });
    setError(null);
    setCreated({ name: result.data.name, token: result.data.token });
    queryClient.invalidateQueries({ queryKey: tokenKeys.list() });
  }

  async function revoke(tokenId: string) {
    const result = await revokeApiTokenAction({ tokenId });
    setError(result.ok ? null : { message: result.error });
    queryClient.invalidateQueries({ queryKey: tokenKeys.list() });
  }

  return (
    <div className="space-y-4">
      {created ? <SecretReveal label={`API token "${created.name}"`} secret={created.token} onDone={() => setCreated(null)} /> : null}
      <Card className="p-4">
        <form action={create} className="flex flex-wrap items-end gap-3">
          <div className="min-w-64 flex-1">
            <Field id="token-name" label="Token name" hint="Used for /api/v1 with Authorization: Bearer <token>, with your role." errors={error?.fields?.name}>
              <TextInput id="token-name" name="name" placeholder="e.g. CI pipeline" invalid={!!error?.fields?.name} />
            </Field>
          </div>
          <Button type="submit">Create token</Button>
        </form>
        {error && !error.fields ? <div className="mt-3"><Alert tone="error">{error.message}</Alert></div> : null}
      </Card>
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
                <Th>Status</Th>
                <Th className="text-right">Actions</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {tokens.data.map((t) => (
                <tr key={t.id} data-testid={`token-row-${t.name}`}>
                  <Td className="font-medium">{t.name}</Td>
                  <Td><code className="font-mono text-xs">{t.prefix}…</code></Td>
                  <Td><TimeAgo date={t.createdAt} /></Td>
                  <Td><TimeAgo date={t.lastUsedAt} never="Never" /></Td>
                  <Td>{t.revokedAt ? <Badge tone="red">Revoked</Badge> : <Badge tone="green">Active</Badge>}</Td>
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
    </div>
  );
}
