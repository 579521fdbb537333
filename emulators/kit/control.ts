import type { FaultBook, FaultRule } from "./faults";
import type { Recorder } from "./recorder";
import type { Reply, Route } from "./server";

const bad = (message: string): Reply => ({ status: 400, body: { error: "bad_request", message } });

/**
 * The `/_emulator/*` routes both emulators share: faults, the request log and reset. `onReset`
 * restores the emulator's own state (tokens, attendees, counters) to its seeded defaults.
 */
export function controlRoutes(opts: { faults: FaultBook; recorder: Recorder; onReset: (seed: number) => void; stats: () => Record<string, unknown> }): Route[] {
  const { faults, recorder } = opts;
  return [
    {
      id: "control.faults.list",
      method: "GET",
      pattern: /^\/_emulator\/faults$/,
      control: true,
      handle: () => ({ status: 200, body: { faults: faults.list() } }),
    },
    {
      id: "control.faults.add",
      method: "POST",
      pattern: /^\/_emulator\/faults$/,
      control: true,
      handle: (ctx) => {
        const input = ctx.json;
        const rules = (Array.isArray(input) ? input : [input]) as FaultRule[];
        try {
          return { status: 201, body: { faults: rules.map((r) => faults.add(r)) } };
        } catch (e) {
          return bad((e as Error).message);
        }
      },
    },
    {
      id: "control.faults.clear",
      method: "DELETE",
      pattern: /^\/_emulator\/faults(\/(?<id>[^/]+))?$/,
      control: true,
      handle: (ctx) => {
        if (ctx.params.id) return faults.remove(ctx.params.id) ? { status: 204 } : { status: 404, body: { error: "not_found" } };
        for (const f of faults.list()) faults.remove(f.id);
        return { status: 204 };
      },
    },
    {
      id: "control.requests",
      method: "GET",
      pattern: /^\/_emulator\/requests$/,
      control: true,
      handle: (ctx) => {
        const since = ctx.query.get("since");
        const limit = ctx.query.get("limit");
        const requests = recorder.list({
          route: ctx.query.get("route") ?? undefined,
          since: since ? Number(since) : undefined,
          limit: limit ? Number(limit) : undefined,
        });
        return { status: 200, body: { count: requests.length, requests } };
      },
    },
    {
      id: "control.requests.clear",
      method: "DELETE",
      pattern: /^\/_emulator\/requests$/,
      control: true,
      handle: () => {
        recorder.clear();
        return { status: 204 };
      },
    },
    {
      id: "control.reset",
      method: "POST",
      pattern: /^\/_emulator\/reset$/,
      control: true,
      handle: (ctx) => {
        const raw = (ctx.json as { seed?: unknown } | undefined)?.seed;
        const seed = typeof raw === "number" && Number.isFinite(raw) ? raw : 1;
        faults.reset(seed);
        recorder.clear();
        opts.onReset(seed);
        return { status: 200, body: { reset: true, seed } };
      },
    },
    {
      id: "control.stats",
      method: "GET",
      pattern: /^\/_emulator\/stats$/,
      control: true,
      handle: () => ({ status: 200, body: opts.stats() }),
    },
  ];
}
