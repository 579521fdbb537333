import { buildSchemaModel } from "@/lib/xdm";
import type { Reply, Route } from "../kit/server";
import type { AdobeConfig, AdobeCredential, AdobeState, Inlet } from "./state";

const bad = (message: string): Reply => ({ status: 400, body: { error: "bad_request", message } });

/** Adobe-specific `/_emulator/*` routes: credentials, inlets, token expiry, config, ingested records. */
export function adobeControlRoutes(state: AdobeState): Route[] {
  const route = (id: string, method: string, pattern: RegExp, handle: Route["handle"]): Route => ({ id, method, pattern, control: true, handle });
  return [
    route("control.credentials", "POST", /^\/_emulator\/credentials$/, (ctx) => {
      const c = ctx.json as Partial<AdobeCredential> | undefined;
      if (!c?.clientId || !c.clientSecret || !c.orgId) return bad("clientId, clientSecret and orgId are required");
      state.credentials.set(c.clientId, {
        clientId: c.clientId,
        clientSecret: c.clientSecret,
        orgId: c.orgId,
        technicalAccountId: c.technicalAccountId,
        publicKeyPem: c.publicKeyPem,
      });
      return { status: 201, body: { clientId: c.clientId } };
    }),
    route("control.inlets.list", "GET", /^\/_emulator\/inlets$/, () => ({
      status: 200,
      body: { inlets: [...state.inlets.values()].map(({ schema, ...i }) => ({ ...i, customSchema: Boolean(schema) })) },
    })),
    route("control.inlets.add", "POST", /^\/_emulator\/inlets$/, (ctx) => {
      const p = ctx.json as (Partial<Omit<Inlet, "schema">> & { schema?: unknown; warm?: boolean }) | undefined;
      if (!p?.inletId) return bad("inletId is required");
      let schema;
      try {
        schema = p.schema ? buildSchemaModel(p.schema) : undefined;
      } catch (e) {
        return bad(`schema: ${(e as Error).message}`);
      }
      const { warm, schema: _raw, ...rest } = p;
      // warm:false simulates a freshly created dataflow still inside its warm-up window.
      const inlet = state.addInlet({ ...rest, inletId: p.inletId, ...(schema ? { schema } : {}), createdAt: warm === false ? Date.now() : 0 });
      return { status: 201, body: { ...inlet, schema: undefined, inletUrl: `${ctx.origin}/collection/${inlet.inletId}` } };
    }),
    route("control.tokens.expire", "POST", /^\/_emulator\/tokens\/expire$/, () => ({ status: 200, body: { expired: state.expireAllTokens() } })),
    route("control.config", "POST", /^\/_emulator\/config$/, (ctx) => {
      const patch = (ctx.json ?? {}) as Partial<AdobeConfig>;
      for (const [k, v] of Object.entries(patch)) {
        if (!(k in state.config)) return bad(`unknown config key ${k}`);
        (state.config as unknown as Record<string, unknown>)[k] = v;
      }
      return { status: 200, body: { config: state.config } };
    }),
    route("control.config.get", "GET", /^\/_emulator\/config$/, () => ({ status: 200, body: { config: state.config } })),
    route("control.ingested", "GET", /^\/_emulator\/ingested$/, (ctx) => {
      const flowId = ctx.query.get("flowId");
      const inletId = ctx.query.get("inletId");
      const items = state.ingested.filter((r) => (!flowId || r.flowId === flowId) && (!inletId || r.inletId === inletId));
      return { status: 200, body: { count: items.length, items } };
    }),
  ];
}

/** Default bodies for injected faults, in the shape the faulted route would use. */
export function adobeFaultReply(routeId: string, status: number, body: unknown): Reply {
  if (body !== undefined) return { status, body };
  if (routeId.startsWith("ims.")) {
    return {
      status,
      body:
        status === 429
          ? { error: "too_many_requests", error_description: "Too many requests" }
          : { error: "server_error", error_description: `Injected ${status}` },
    };
  }
  if (routeId.startsWith("dcs.")) {
    return {
      status,
      body: {
        type: "http://ns.adobe.com/adobecloud/problem/data-collection-service/inlet",
        status,
        title: status === 429 ? "Too Many Requests" : "Injected fault",
        report: { message: `Injected ${status}` },
      },
    };
  }
  if (status === 401) return { status, body: { error_code: "401013", message: "Oauth token is not valid" } };
  return { status, body: { error_code: `${status}050`, message: `Injected ${status}` } };
}
