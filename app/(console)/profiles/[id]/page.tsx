import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { CAN } from "@/lib/auth/roles";
import { OverviewClient } from "./overview-client";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfileOverviewPage() {
  await requirePageRole(CAN.viewProfiles);
  return <OverviewClient />;
}
