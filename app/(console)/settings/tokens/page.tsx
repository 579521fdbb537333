import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { CAN } from "@/lib/auth/roles";
import { listAllApiTokens, listApiTokens } from "@/lib/api-tokens/queries";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsTabs } from "../settings-tabs";
import { TokensClient } from "./tokens-client";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requirePageRole(CAN.manageUsers);
  const [tokens, all] = await Promise.all([listApiTokens(actor.id), listAllApiTokens()]);
  return (
    <>
      <PageHeader title="Settings" description="People who can use this console, their roles, your API tokens and everyone's." />
      <SettingsTabs current="/settings/tokens" />
      <TokensClient initialTokens={tokens} initialAll={all} />
    </>
  );
}
