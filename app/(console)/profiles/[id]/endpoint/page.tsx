import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { CAN } from "@/lib/auth/roles";
import { DeliveryModeCard } from "./delivery-mode-card";
import { EndpointClient } from "./endpoint-client";
import { RainfocusSetupCard } from "./rainfocus-setup-card";

export const metadata: Metadata = { title: "Endpoint" };

export default async function EndpointPage() {
  await requirePageRole(CAN.viewProfiles);
  return (
    <div className="space-y-6">
      <DeliveryModeCard />
      <EndpointClient />
      <RainfocusSetupCard />
    </div>
  );
}
