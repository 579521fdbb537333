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
  let version = body.version;
  let last: Awaited<ReturnType<typeof getProfileOrThrow>> | null = null;
  for (const [part, def] of PARTS) {
    if (!(part in body)) continue;
    const input = part === "pushTypes" ? { pushTypes: body.pushTypes } : (body[part] as object);
    const result = await executeAction(def, actor, { ...input, profileId: params.id, version }, ip);
    if (!result.ok) return actionResponse(result);
    last = result.data as typeof last;
    version = last!.version;
  }
  return Response.json(last ?? (await getProfileOrThrow(params.id)));
});

export const DELETE = apiRoute<Params>(CAN.manageUsers, async (request, { actor, ip, params }) => {
  const confirmName = new URL(request.url).searchParams.get("confirmName") ?? "";
  return actionResponse(await executeAction(D.deleteProfileDef, actor, { profileId: params.id, confirmName }, ip));
});
