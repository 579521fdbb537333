import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { CAN, ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/auth/roles";
import { listApiTokens } from "@/lib/api-tokens/queries";
import { PageHeader } from "@/components/ui/page-header";
import { AccountClient } from "./account-client";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requirePageRole(CAN.anySignedIn);
  return (
    <>
      <PageHeader
        title="Your account"
        description={
          <>
            Signed in as <b>{actor.email}</b> · {ROLE_LABELS[actor.role]}: {ROLE_DESCRIPTIONS[actor.role]}.
          </>
        }
      />
      <AccountClient initialTokens={await listApiTokens(actor.id)} />
    </>
  );
}
