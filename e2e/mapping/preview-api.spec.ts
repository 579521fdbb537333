import { test, expect, SEEDED_TOKEN } from "../fixtures";
import { defaultSourceMapping } from "../../lib/mapping-engine";
import { previewMapping } from "../../lib/mapping-engine/preview";
import { PUSH_TYPES } from "../../lib/push-types/catalog";

const auth = { Authorization: `Bearer ${SEEDED_TOKEN}` };

test("POST /api/v1/mapping/preview returns exactly what the engine (the worker's path) returns", async ({ request }) => {
  for (const pushType of PUSH_TYPES) {
    const input = { rules: defaultSourceMapping("acme"), payload: pushType.samplePayload as unknown as Record<string, unknown>, tenantId: "acme" };
    const res = await request.post("/api/v1/mapping/preview", { headers: auth, data: input });
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body).toEqual(JSON.parse(JSON.stringify(previewMapping(input))));
    expect(body.validation).toEqual([]);
  }
});

test("preview reports transform errors per target and refuses malformed requests", async ({ request }) => {
  const res = await request.post("/api/v1/mapping/preview", {
    headers: auth,
    data: {
      rules: [
        { target: "a", expression: "nosuchfn(x)" },
        { target: "b", source: "x" },
      ],
      payload: { x: "1" },
    },
  });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(JSON.stringify(body.errors)).toContain("nosuchfn");

  const bad = await request.post("/api/v1/mapping/preview", { headers: { ...auth, "content-type": "application/json" }, data: Buffer.from("{not json") });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toBe("Body is not valid JSON.");

  const huge = await request.post("/api/v1/mapping/preview", { headers: auth, data: { rules: [], payload: { big: "x".repeat(2_200_000) } } });
  expect(huge.status()).toBe(400);
});
