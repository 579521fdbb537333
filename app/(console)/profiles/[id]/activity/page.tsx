import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { CAN } from "@/lib/auth/roles";
import { listProfileActivity } from "@/lib/profiles/queries";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { auditActionLabel } from "@/lib/audit/types";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageRole(CAN.viewProfileActivity);
  const events = await listProfileActivity((await params).id);
  return (
    <Card>
      {events.length === 0 ? (
        <EmptyState title="No activity yet" />
      ) : (
        <Table label="Profile activity">
          <thead>
            <tr>
              <Th>When</Th>
              <Th>Who</Th>
              <Th>What</Th>
              <Th>Detail</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {events.map((e) => (
              <tr key={e.id}>
                <Td className="whitespace-nowrap text-xs">{e.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</Td>
                <Td>{e.actorEmail ?? "system"}</Td>
                <Td>
                  <div>{auditActionLabel(e.action)}</div>
                  <code className="font-mono text-[11px] text-zinc-500">{e.action}</code>
                </Td>
                <Td className="max-w-md truncate text-xs text-zinc-500">
                  {e.action.startsWith("profile.test") ? String((e.after as { message?: string } | null)?.message ?? "") : ""}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
