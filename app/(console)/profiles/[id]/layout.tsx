import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/session";
import { CAN, hasRole } from "@/lib/auth/roles";
import { getProfileOrThrow } from "@/lib/profiles/service";
import { publicBaseUrl } from "@/lib/public-url";
import { ProfileProvider } from "./profile-context";
import { ProfileHeader } from "./profile-header";

export default async function ProfileLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const actor = await requirePageRole(CAN.viewProfiles);
  const { id } = await params;
  const profile = await getProfileOrThrow(id).catch(() => null);
  if (!profile) notFound();
  return (
    <ProfileProvider
      initial={profile}
      canEdit={hasRole(actor, CAN.editProfiles)}
      isAdmin={hasRole(actor, CAN.manageUsers)}
      canSeeActivity={hasRole(actor, CAN.viewProfileActivity)}
      baseUrl={await publicBaseUrl()}
    >
      <ProfileHeader />
      {children}
    </ProfileProvider>
  );
}
