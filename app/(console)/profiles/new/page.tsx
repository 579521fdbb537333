import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { CAN } from "@/lib/auth/roles";
import { publicBaseUrl } from "@/lib/public-url";
import { PageHeader } from "@/components/ui/page-header";
import { NewProfileForm } from "./new-profile-form";

export const metadata: Metadata = { title: "New profile" };

export default async function NewProfilePage() {
  await requirePageRole(CAN.editProfiles);
  return (
    <>
      <PageHeader
        title="New integration profile"
        description="What this profile connects: the first of the steps below. Credentials, push types or destination details, the mapping and the endpoint come next, then activation."
      />
      <NewProfileForm baseUrl={await publicBaseUrl()} />
    </>
  );
}
