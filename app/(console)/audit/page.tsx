import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { CAN } from "@/lib/auth/roles";
import { listAuditActions } from "@/lib/audit/list-audit";
import { PageHeader } from "@/components/ui/page-header";
import { AuditClient } from "./audit-client";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  await requirePageRole(CAN.viewAudit);
  const actions = await listAuditActions();
  return (
    <>
      <PageHeader title="Audit log" description="Every change made in this console: who, what, when, from where, with before and after (secrets redacted)." />
      <AuditClient actions={actions} />
    </>
  );
}
