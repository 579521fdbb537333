import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/session";
import { CAN } from "@/lib/auth/roles";
import { deliveryFilterOptions } from "@/lib/delivery-log/list-deliveries";
import { PageHeader } from "@/components/ui/page-header";
import { RefusedClient } from "./refused-client";

export const metadata: Metadata = { title: "Refused requests" };

export default async function RefusedRequestsPage() {
  await requirePageRole(CAN.viewDeliveries);
  const { profiles } = await deliveryFilterOptions();
  return (
    <>
      <PageHeader
        title="Refused requests"
        description="Inbound requests we answered with an error, so nothing was queued: bad signature or token, push type not enabled, unknown or inactive profile, too large, rate limited. Counted per minute and sender; their bodies are not kept."
        actions={
          <Link href="/deliveries" className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-400">
            ← Deliveries
          </Link>
        }
      />
      <RefusedClient profiles={profiles} />
    </>
  );
}
