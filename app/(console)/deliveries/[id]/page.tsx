import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { CAN, hasRole } from "@/lib/auth/roles";
import { DeliveryDetailClient } from "./delivery-detail-client";

export const metadata: Metadata = { title: "Delivery" };

export default async function DeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageRole(CAN.viewDeliveries);
  const { id } = await params;
  return <DeliveryDetailClient id={id} canReplay={hasRole(actor, CAN.replay)} />;
}
