import { actionResponse, apiRoute, readJson } from "@/lib/api/route";
import { CAN } from "@/lib/auth/roles";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { executeAction } from "@/lib/actions/define-action";
import { BulkReplaySchema } from "@/lib/delivery-log/schemas";
import { bulkReplay } from "@/lib/delivery-log/replay";
import { defineAction } from "@/lib/actions/define-action";

// Bulk replay over REST runs to the end in one call (the console UI goes batch by batch instead).
const bulkReplayToEnd = defineAction({
  name: "deliveries.bulkReplay.rest",
  roles: CAN.replay,
  input: BulkReplaySchema,
  handler: (input, ctx) => bulkReplay({ ...input, loop: true }, ctx),
});

/** Body: { filter: {…same filters as GET /deliveries}, useMapping?, dryRun: boolean, until? }. */
export const POST = apiRoute(ENDPOINTS.bulkReplay, async (request, { actor, ip }) =>
  actionResponse(await executeAction(bulkReplayToEnd, actor, await readJson(request, 20_000), ip)),
);
