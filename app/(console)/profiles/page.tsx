import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { CAN } from "@/lib/auth/roles";
import { NotBuiltYet } from "@/components/ui/coming-next";

export const metadata: Metadata = { title: "Profiles" };

export default async function ProfilesPage() {
  await requirePageRole(CAN.viewProfiles);
  return (
    <NotBuiltYet
      title="Integration profiles"
      description="A profile connects one RainFocus event to Adobe Experience Platform: credentials, push types, mapping, streaming endpoint and dataflow ID."
      issue="integration profiles"
    />
  );
}
