import { describe, expect, it } from "vitest";
import { RAINFOCUS_FIELDS } from "@/lib/xdm/rainfocus-fields";
import { generatePushEvent, getPushType, PUSH_TYPE_NAMES, PUSH_TYPES } from "./catalog";

const get = (o: unknown, path: string) => path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);

describe("push-type catalog", () => {
  it("lists SessionScheduled as the only confirmed type", () => {
    expect(PUSH_TYPE_NAMES).toEqual([
      "AttendeeRegistered",
      "AttendeeUpdated",
      "AttendeeCancelled",
      "SessionScheduled",
      "SessionUnscheduled",
      "SessionWaitlisted",
      "SessionAttended",
      "LeadCaptured",
      "ExhibitorMeeting",
    ]);
    expect(PUSH_TYPES.filter((p) => p.confirmed).map((p) => p.name)).toEqual(["SessionScheduled"]);
    expect(getPushType("LeadCaptured")?.label).toBe("Lead captured");
    expect(getPushType("Nope")).toBeUndefined();
  });
  it("samples carry exactly their declared fields, all documented, timestamps in the past", () => {
    const documented = new Set(RAINFOCUS_FIELDS.map((f) => f.source));
    for (const p of PUSH_TYPES) {
      expect(p.description.length).toBeGreaterThan(10);
      for (const f of p.fields) {
        expect(documented.has(f), `${p.name}: ${f}`).toBe(true);
        if (f !== "lead.note") expect(get(p.samplePayload, f), `${p.name}: ${f}`).not.toBeUndefined();
      }
      expect(p.samplePayload.eventType).toBe(p.name);
      expect(Date.parse(p.samplePayload.timestamp)).toBeLessThan(Date.now());
      expect(p.samplePayload.sessiontime?.startTime ?? "2023-03-22 10:00:00").toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    }
    expect(getPushType("SessionScheduled")!.samplePayload.timestamp).toBe("2023-04-01T00:41:57.000Z");
  });
  it("generates varied but deterministic payloads", () => {
    expect(generatePushEvent("SessionScheduled", 42)).toEqual(generatePushEvent("SessionScheduled", 42));
    const many = Array.from({ length: 200 }, (_, i) => generatePushEvent("LeadCaptured", i));
    expect(new Set(many.map((p) => p.transmissionId)).size).toBe(200);
    expect(new Set(many.map((p) => p.attendee.email)).size).toBeGreaterThan(20);
    expect(many.every((p) => /^[a-z0-9.]+@[a-z.]+$/.test(p.attendee.email))).toBe(true);
    expect(many.every((p) => p.exhibitor && p.lead && !p.session)).toBe(true);
    expect(Date.parse(generatePushEvent("AttendeeUpdated", 10_000_000).timestamp)).toBeLessThan(Date.now());
    const custom = generatePushEvent("AttendeeRegistered", 1, { baseTime: Date.UTC(2024, 0, 1), eventName: "Dreamforce" });
    expect(custom.event.name).toBe("Dreamforce");
    expect(custom.timestamp).toBe("2024-01-01T00:00:31.000Z");
    expect(() => generatePushEvent("Bogus", 1)).toThrow(/unknown push type/);
  });
});
