import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { CAN } from "@/lib/auth/roles";
import { listPushTypes } from "@/lib/push-type-options";
import { PushTypesClient } from "./push-types-client";

export const metadata: Metadata = { title: "Push types" };

export default async function PushTypesPage() {
  await requirePageRole(CAN.viewProfiles);
  return <PushTypesClient catalog={await listPushTypes()} />;
}
