import { controlRoutes } from "../kit/control";
import { createEmulatorServer, type EmulatorServer, type Route } from "../kit/server";
import { attendeeRoutes } from "./attendee-store";
import { attendeeUpdateRoutes } from "./attendee-update";
import { rainfocusControlRoutes, rainfocusFaultReply } from "./control";
import { oauthRoutes } from "./oauth";
import { pushRoutes } from "./push-simulator";
import { RainfocusState } from "./state";

export interface RainfocusEmulator extends EmulatorServer {
  state: RainfocusState;
}

/** OAuth token, Attendee Store, API-profile logs and the push simulator on one port. */
export function createRainfocusEmulator(seed = 1): RainfocusEmulator {
  const state = new RainfocusState();
  let all: Route[] = [];
  const server = createEmulatorServer({
    name: "RainFocus",
    routes: () => all,
    faultReply: (routeId, fault) => rainfocusFaultReply(routeId, fault.status!, fault.body),
  });
  all = [
    ...oauthRoutes(state),
    ...attendeeRoutes(state),
    ...attendeeUpdateRoutes(state),
    ...pushRoutes(),
    ...rainfocusControlRoutes(state),
    ...controlRoutes({
      faults: server.faults,
      recorder: server.recorder,
      onReset: () => state.reset(),
      stats: () => ({ tokenRequests: state.tokenRequests, tokensIssued: state.tokens.size, logEntries: state.logs.length, requests: server.recorder.count() }),
    }),
    {
      // RainFocus answers unknown paths with an HTML "Error" page; /api without apiProfile with 103.
      id: "rf.api.unknown",
      method: "GET",
      pattern: /^\/api\/.*/,
      handle: (ctx) =>
        ctx.query.get("apiProfile")
          ? { status: 404, body: "<html><body>Error</body></html>" }
          : { status: 400, body: { responseCode: "103", responseMessage: "Required parameter missing: apiProfile" } },
    },
  ];
  server.faults.reset(seed);
  return Object.assign(server, { state });
}
