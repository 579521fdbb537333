import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { CAN } from "@/lib/auth/roles";
import { RAINFOCUS_ATTENDEE_FIELDS } from "@/lib/mapping-engine";
import { DestinationClient } from "./destination-client";

export const metadata: Metadata = { title: "Destination details" };

export default async function DestinationPage() {
  await requirePageRole(CAN.viewProfiles);
  return <DestinationClient fields={[...RAINFOCUS_ATTENDEE_FIELDS]} />;
}
