import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { CAN } from "@/lib/auth/roles";
import { deliveryFilterOptions } from "@/lib/delivery-log/list-deliveries";
import { PageHeader } from "@/components/ui/page-header";
import { DashboardClient } from "./dashboard-client";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  await requirePageRole(CAN.viewDashboard);
  const { profiles } = await deliveryFilterOptions();
  return (
    <>
      <PageHeader
        title="Dashboard"
        description="Production deliveries at a glance: outcomes over time, latency, what is waiting, the most frequent errors and each profile's connection health. Test events are not counted."
      />
      <DashboardClient profiles={profiles} />
    </>
  );
}
