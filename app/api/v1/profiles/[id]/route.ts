import { actionResponse, apiRoute, readJson } from "@/lib/api/route";
import { CAN } from "@/lib/auth/roles";
import { ActionError, executeAction, type AnyActionDef } from "@/lib/actions/define-action";
import * as D from "@/lib/profiles/action-defs";
import { getProfileOrThrow } from "@/lib/profiles/service";

type Params = { id: string };

export const GET = apiRoute<Params>(CAN.viewProfiles, async (_req, { params }) => Response.json(await getProfileOrThrow(params.id)));

// PATCH { version, basics?, adobe?, rainfocus?, endpoint?, pushTypes? }: each part goes through the
// same action as the UI form; the version is threaded so a stale version is a 409.
const PARTS: [string, AnyActionDef][] = [
  ["basics", D.updateBasicsDef],
  ["adobe", D.updateAdobeCredentialsDef],
  ["rainfocus", D.updateRainfocusCredentialsDef],
  ["endpoint", D.updateEndpointDef],
  ["pushTypes", D.setPushTypesDef],
];

export const PATCH = apiRoute<Params>(CAN.editProfiles, async (request, { actor, ip, params }) => {
  const body = (await readJson(request, 64_000)) as Record<string, unknown> | null;
  if (!body || typeof body !== "object" || typeof body.version !== "number") throw new ActionError("Send { version, …parts } with the profile's current version.", "invalid");
  const unknownParts = Object.keys(body).filter((k) => k !== "version" && !PARTS.some(([p]) => p === k));
  if (unknownParts.length) throw new ActionError(`Unknown fields: ${unknownParts.join(", ")}.`, "invalid");
  const parts = PARTS.filter(([part]) => part in body).map(([part, def]) => ({ part, def, input: part === "pushTypes" ? { pushTypes: body.pushTypes } : (body[part] as object) }));
  // Every part is validated before any is saved: a malformed later part used to be refused after
  // the earlier ones were already stored (found by fuzz-routes.test.ts).
  for (const { def, input } of parts) {
    if (!def.input.safeParse({ ...input, profileId: params.id, version: body.version }).success) {
      return actionResponse(await executeAction(def, actor, { ...input, profileId: params.id, version: body.version }, ip));
    }
  }
  let version = body.version;
  let last: Awaited<ReturnType<typeof getProfileOrThrow>> | null = null;
  const applied: string[] = [];
  for (const { part, def, input } of parts) {
    const result = await executeAction(def, actor, { ...input, profileId: params.id, version }, ip);
    if (!result.ok) {
      const refused = actionResponse(result);
      if (!applied.length) return refused;
      // A check only the action can make (an allow-listed host, a known push type) failed after
      // earlier parts were saved: say which, and the version they left the profile at.
      const answer = (await refused.json()) as { error: Record<string, unknown> };
      return Response.json({ error: { ...answer.error, appliedParts: applied, version } }, { status: refused.status });
    }
    applied.push(part);
    last = result.data as typeof last;
    version = last!.version;
  }
  return Response.json(last ?? (await getProfileOrThrow(params.id)));
});

export const DELETE = apiRoute<Params>(CAN.manageUsers, async (request, { actor, ip, params }) => {
  const confirmName = new URL(request.url).searchParams.get("confirmName") ?? "";
  return actionResponse(await executeAction(D.deleteProfileDef, actor, { profileId: params.id, confirmName }, ip));
});
