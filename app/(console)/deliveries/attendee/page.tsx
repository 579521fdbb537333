import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/session";
import { CAN, hasRole } from "@/lib/auth/roles";
import { logListMasksEmails } from "@/lib/delivery-log/mask";
import { PageHeader } from "@/components/ui/page-header";
import { AttendeeTimelineClient } from "./attendee-timeline-client";

export const metadata: Metadata = { title: "Attendee timeline" };

export default async function AttendeeTimelinePage() {
  const actor = await requirePageRole(CAN.viewDeliveries);
  return (
    <>
      <PageHeader
        title="Attendee timeline"
        description="Everything that happened to one person, in both directions: RainFocus pushes about them and AEP profile updates for them, newest first."
        actions={
          <Link href="/deliveries" className="text-sm text-brand-600 hover:underline dark:text-brand-100">
            ← Delivery log
          </Link>
        }
      />
      <AttendeeTimelineClient emailsMasked={logListMasksEmails(actor.role)} canUnmask={hasRole(actor, CAN.unmaskEmails)} />
    </>
  );
}
