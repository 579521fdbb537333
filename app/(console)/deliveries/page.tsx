import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/session";
import { CAN, hasRole } from "@/lib/auth/roles";
import { deliveryFilterOptions } from "@/lib/delivery-log/list-deliveries";
import { logListMasksEmails } from "@/lib/delivery-log/mask";
import { PageHeader } from "@/components/ui/page-header";
import { DeliveriesClient } from "./deliveries-client";

export const metadata: Metadata = { title: "Deliveries" };

export default async function DeliveriesPage() {
  const actor = await requirePageRole(CAN.viewDeliveries);
  return (
    <>
      <PageHeader
        title="Deliveries"
        description="Every event received and every attempt to deliver it, in both directions, beside what Adobe or RainFocus report on their side."
        actions={
          <Link href="/deliveries/refused" className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-400">
            Refused requests →
          </Link>
        }
      />
      <DeliveriesClient
        options={await deliveryFilterOptions()}
        canReplay={hasRole(actor, CAN.replay)}
        emailsMasked={logListMasksEmails(actor.role)}
        canUnmask={hasRole(actor, CAN.unmaskEmails)}
      />
    </>
  );
}
