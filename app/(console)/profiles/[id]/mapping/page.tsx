import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { CAN } from "@/lib/auth/roles";
import { listPushTypes } from "@/lib/profiles/push-types";
import { MappingClient } from "./mapping-client";

export const metadata: Metadata = { title: "Mapping" };

export default async function MappingPage() {
  await requirePageRole(CAN.viewProfiles);
  const samples = (await listPushTypes()).map((p) => ({ name: p.name, sample: p.sample }));
  return <MappingClient samples={samples} />;
}
