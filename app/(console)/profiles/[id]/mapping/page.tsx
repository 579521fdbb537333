import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { CAN, hasRole } from "@/lib/auth/roles";
import { listPushTypes } from "@/lib/push-type-options";
import { getProfileOrThrow } from "@/lib/profiles/service";
import { getDraft, listVersions } from "@/lib/mappings/service";
import { getAepSchema } from "@/lib/mappings/aep-schema";
import { DESTINATION_SAMPLES } from "@/lib/mappings/default-samples";
import { MappingEditor } from "./mapping-editor";

export const metadata: Metadata = { title: "Mapping" };

export default async function MappingPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageRole(CAN.viewProfiles);
  const { id } = await params;
  const [profile, draft, versions, catalog, aep] = await Promise.all([
    getProfileOrThrow(id),
    getDraft(id),
    listVersions(id),
    listPushTypes(),
    getAepSchema(id),
  ]);
  return (
    <MappingEditor
      profile={profile}
      initial={draft}
      initialVersions={versions}
      pushTypeSamples={
        profile.direction === "SOURCE"
          ? catalog.map((p) => ({ name: p.name, sample: p.sample }))
          : DESTINATION_SAMPLES.map((s) => ({ name: s.name, sample: s.payload }))
      }
      canEdit={hasRole(actor, CAN.editProfiles)}
      aepSchema={aep ? { schema: aep.schema, title: aep.title, fetchedAt: aep.fetchedAt.toISOString() } : null}
    />
  );
}
