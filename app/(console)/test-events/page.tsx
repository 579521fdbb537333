import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { CAN } from "@/lib/auth/roles";
import { NotBuiltYet } from "@/components/ui/coming-next";

export const metadata: Metadata = { title: "Test events" };

export default async function TestEventsPage() {
  await requirePageRole(CAN.sendTestEvents);
  return (
    <NotBuiltYet
      title="Test events"
      description="Send a test event of any push type through a profile and see exactly what went over the wire."
      issue="QA test events"
    />
  );
}
