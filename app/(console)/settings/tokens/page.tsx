import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { CAN } from "@/lib/auth/roles";
import { listApiTokens } from "@/lib/api-tokens/queries";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsTabs } from "../settings-tabs";
import { TokensClient } from "./tokens-client";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requirePageRole(CAN.manageUsers);
  const tokens = await listApiTokens(actor.id);
  return (
    <>
      <PageHeader title="Settings" description="People who can use this console, their roles, and your API tokens." />
      <SettingsTabs current="/settings/tokens" />
      <TokensClient initialTokens={tokens} />
    </>
  );
}
