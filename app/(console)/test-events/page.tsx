import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { CAN } from "@/lib/auth/roles";
import { testEventTargets } from "@/lib/test-events/test-events";
import { PageHeader } from "@/components/ui/page-header";
import { TestEventsClient } from "./test-events-client";

export const metadata: Metadata = { title: "Test events" };

export default async function TestEventsPage() {
  await requirePageRole(CAN.sendTestEvents);
  return (
    <>
      <PageHeader
        title="Test events"
        description="Send a push type (RainFocus → AEP) or a synthetic AEP profile (AEP → RainFocus) through a profile's real pipeline, flagged as a test, and watch what was mapped, its validation and the exact HTTP exchange."
      />
      <TestEventsClient targets={await testEventTargets()} />
    </>
  );
}
