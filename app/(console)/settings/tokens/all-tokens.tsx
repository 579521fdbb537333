"use client";
import { useQuery } from "@tanstack/react-query";
import { LocalTime, TimeAgo } from "@/components/time-ago";
import { listAllApiTokensAction } from "@/lib/api-tokens/actions";
import type { AnyApiTokenRow } from "@/lib/api-tokens/queries";
import { unwrap } from "@/lib/actions/unwrap";
import { tokenKeys } from "@/lib/query-keys";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { TokenStatus } from "./tokens-client";

/** Every user's tokens, so an admin can find and revoke a leaked or forgotten one. */
export function AllTokensCard({ initial, onRevoke }: { initial: AnyApiTokenRow[]; onRevoke: (tokenId: string) => Promise<void> }) {
  const all = useQuery({ queryKey: tokenKeys.everyone(), queryFn: () => unwrap(listAllApiTokensAction()), initialData: initial });
  return (
    <Card>
      <div className="border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <h2 className="text-sm font-semibold">Every user&apos;s tokens ({all.data.length})</h2>
        <p className="text-xs text-zinc-500">Tokens act with their owner&apos;s role. Revoking one is recorded in the audit log with its owner.</p>
      </div>
      <Table label="Every user's API tokens">
        <thead>
          <tr>
            <Th>Owner</Th>
            <Th>Name</Th>
            <Th>Token</Th>
            <Th>Last used</Th>
            <Th>Expires</Th>
            <Th>Status</Th>
            <Th className="text-right">Actions</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {all.data.map((t) => (
            <tr key={t.id} data-testid={`any-token-row-${t.user.email}-${t.name}`}>
              <Td className="max-w-56 truncate">
                <span title={t.user.email}>{t.user.name || t.user.email}</span>
              </Td>
              <Td className="max-w-48 truncate font-medium">
                <span title={t.name}>{t.name}</span>
              </Td>
              <Td>
                <code className="font-mono text-xs">{t.prefix}…</code>
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
                  <Button size="sm" variant="danger" onClick={() => onRevoke(t.id)} aria-label={`Revoke ${t.name} of ${t.user.email}`}>
                    Revoke
                  </Button>
                ) : null}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
