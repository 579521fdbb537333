import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { CAN } from "@/lib/auth/roles";
import { NotBuiltYet } from "@/components/ui/coming-next";

export const metadata: Metadata = { title: "Deliveries" };

export default async function DeliveriesPage() {
  await requirePageRole(CAN.viewDeliveries);
  return (
    <NotBuiltYet
      title="Deliveries"
      description="Every event received and every attempt to deliver it, in both directions, with the exact request and response."
      issue="delivery engine and delivery logs"
    />
  );
}
