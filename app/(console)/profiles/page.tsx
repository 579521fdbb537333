import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/session";
import { CAN, hasRole } from "@/lib/auth/roles";
import { listProfiles, ProfileFilterSchema } from "@/lib/profiles/queries";
import { PageHeader } from "@/components/ui/page-header";
import { ProfilesClient } from "./profiles-client";

export const metadata: Metadata = { title: "Profiles" };

export default async function ProfilesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requirePageRole(CAN.viewProfiles);
  const parsed = ProfileFilterSchema.safeParse(await searchParams);
  const filter = parsed.success ? parsed.data : {};
  const canEdit = hasRole(actor, CAN.editProfiles);
  return (
    <>
      <PageHeader
        title="Integration profiles"
        description="Each profile connects one RainFocus event to Adobe Experience Platform, in one direction."
        actions={
          canEdit ? (
            <Link
              href="/profiles/new"
              className="inline-flex h-9 items-center rounded-md bg-brand-600 px-3.5 text-sm font-medium text-white hover:bg-brand-700"
            >
              New profile
            </Link>
          ) : null
        }
      />
      <ProfilesClient initial={await listProfiles(filter)} canEdit={canEdit} />
    </>
  );
}
