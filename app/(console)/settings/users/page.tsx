import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { CAN } from "@/lib/auth/roles";
import { listUsers } from "@/lib/users/queries";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsTabs } from "../settings-tabs";
import { UsersClient } from "./users-client";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageRole(CAN.manageUsers);
  const users = await listUsers();
  return (
    <>
      <PageHeader title="Settings" description="People who can use this console, their roles, and your API tokens." />
      <SettingsTabs current="/settings/users" />
      <UsersClient initialUsers={users} currentUserId={actor.id} />
    </>
  );
}
