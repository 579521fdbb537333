import { redirect } from "next/navigation";
import { requirePageRole } from "@/lib/auth/session";
import { CAN } from "@/lib/auth/roles";

export default async function SettingsPage() {
  await requirePageRole(CAN.manageUsers);
  redirect("/settings/users");
}
