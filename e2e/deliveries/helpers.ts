import type { APIRequestContext } from "@playwright/test";
import { expect, SEEDED_TOKEN } from "../fixtures";

const admin = { Authorization: `Bearer ${SEEDED_TOKEN}` };

/** The seeded demo SOURCE profile, connection-tested and ACTIVE (idempotent across specs). */
export async function activeDemoProfile(request: APIRequestContext): Promise<{ id: string; name: string }> {
  const { profiles } = await (await request.get("/api/v1/profiles", { headers: admin })).json();
  const demo = (profiles as { id: string; name: string; status: string; demo?: boolean }[]).find((p) => p.name.startsWith("Demo:"));
  expect(demo, "the seeded demo profile").toBeTruthy();
  if (demo!.status !== "ACTIVE") {
    for (const target of ["adobe", "rainfocus"]) {
      const r = await request.post(`/api/v1/profiles/${demo!.id}/test-connection`, { headers: admin, data: { target } });
      expect((await r.json()).ok, `${target} connection`).toBe(true);
    }
    const act = await request.post(`/api/v1/profiles/${demo!.id}/activate`, { headers: admin });
    expect(act.status(), await act.text()).toBe(200);
  }
  return { id: demo!.id, name: demo!.name };
}
