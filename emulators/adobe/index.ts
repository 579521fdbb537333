import { controlRoutes } from "../kit/control";
import { createEmulatorServer, type EmulatorServer, type Route } from "../kit/server";
import { adobeControlRoutes, adobeFaultReply } from "./control";
import { dcsRoutes } from "./dcs";
import { dataPrepRoutes } from "./data-prep";
import { destinationRoutes } from "./destination-simulator";
import { flowServiceRoutes } from "./flow-service";
import { imsRoutes } from "./ims";
import { insightsRoutes } from "./insights";
import { schemaRegistryRoutes } from "./schema-registry";
import { AdobeState } from "./state";

export interface AdobeEmulator extends EmulatorServer {
  state: AdobeState;
}

/** IMS, the platform gateway (Flow Service, Insights) and DCS on one port, like a tiny Adobe. */
export function createAdobeEmulator(seed = 1): AdobeEmulator {
  const state = new AdobeState();
  let all: Route[] = [];
  const routes = [
    ...imsRoutes(state),
    ...dcsRoutes(state),
    ...flowServiceRoutes(state),
    ...schemaRegistryRoutes(state),
    ...dataPrepRoutes(state),
    ...insightsRoutes(state),
    ...adobeControlRoutes(state),
    ...destinationRoutes(),
  ];
  const server: EmulatorServer = createEmulatorServer({
    name: "Adobe",
    routes: () => all,
    faultReply: (routeId, fault) => adobeFaultReply(routeId, fault.status!, fault.body),
  });
  all = [
    ...routes,
    ...controlRoutes({
      faults: server.faults,
      recorder: server.recorder,
      onReset: () => state.reset(),
      stats: () => ({
        tokenRequests: state.tokenRequests,
        tokensIssued: state.tokens.size,
        inlets: state.inlets.size,
        ingested: countBy(state.ingested.map((r) => r.outcome)),
        requests: server.recorder.count(),
      }),
    }),
  ];
  server.faults.reset(seed);
  return Object.assign(server, { state });
}

function countBy(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}
