import { createHash } from "node:crypto";
import { createPrng } from "@/lib/prng";

// Profiles as AEP exports them to a destination, generated deterministically from an index. The
// shapes follow the documentation, never Relay's parser:
// - HTTP API destination: the profile at the root with XDM paths, `segmentMembership.ups`, the
//   full `identityMap` (help/destinations/catalog/streaming/http-destination.md, "Exported data");
// - Destination SDK: the template input `{identityMap, segmentMembership, attributes.<field>.value}`
//   (help/destinations/destination-sdk/functionality/destination-server/message-format.md), the
//   attributes named as the destination's target fields (the RainFocus attendee fields).

const FIRST = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Tim", "Barbara", "Dennis", "Frances"];
const LAST = ["Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "Berners-Lee", "Liskov", "Ritchie", "Allen"];
const CITIES: [string, string, string, string][] = [
  ["Las Vegas", "NV", "89109", "US"],
  ["London", "", "EC1A 1BB", "GB"],
  ["Paris", "", "75001", "FR"],
  ["Austin", "TX", "78701", "US"],
];
const TITLES = ["Developer", "Marketing Manager", "CTO", "Event Planner"];
const SEGMENTS = ["5b998cb9-9488-4ec3-8d95-fa8338ced490", "354e086f-2e11-49a2-9e39-e5d9a76be683"];

/** `email_lc_sha256`: trimmed, lower-cased, SHA-256, lowercase hex (API-CONTRACTS §6). */
export const emailLcSha256 = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

export interface GeneratedPerson {
  email: string;
  firstName: string;
  lastName: string;
  city: string;
  state: string;
  postalCode: string;
  countryCode: string;
  jobTitle: string;
  company: string;
  phone: string;
  status: "realized" | "existing" | "exited";
}

export function person(index: number, runId = "sim"): GeneratedPerson {
  const r = createPrng(index * 7919 + 17);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const [city, state, postalCode, countryCode] = pick(CITIES);
  const firstName = pick(FIRST);
  const lastName = pick(LAST);
  // One in ten has exited its audience, as AEP exports exits too.
  const status = index % 10 === 9 ? "exited" : index % 3 === 0 ? "existing" : "realized";
  return {
    email: `${firstName}.${lastName}.${runId}.${index}@example.com`.toLowerCase(),
    firstName,
    lastName,
    city,
    state,
    postalCode,
    countryCode,
    jobTitle: pick(TITLES),
    company: `${lastName} Labs`,
    phone: `+1 702 555 ${String(1000 + (index % 9000))}`,
    status,
  };
}

const ups = (p: GeneratedPerson, index: number) => ({
  [SEGMENTS[index % 2]!]: { lastQualificationTime: "2026-11-20T13:15:49Z", status: p.status },
});

/** The HTTP API destination's body: one profile at the root, XDM field paths. */
export function httpApiProfile(index: number, runId?: string): Record<string, unknown> {
  const p = person(index, runId);
  return {
    person: { name: { firstName: p.firstName, lastName: p.lastName } },
    personalEmail: { address: p.email },
    homeAddress: { city: p.city, ...(p.state ? { stateProvince: p.state } : {}), postalCode: p.postalCode, countryCode: p.countryCode },
    mobilePhone: { number: p.phone },
    segmentMembership: { ups: ups(p, index) },
    identityMap: { ecid: [{ id: String(14575006536349286404619648085736425115n + BigInt(index)) }], email_lc_sha256: [{ id: emailLcSha256(p.email) }] },
  };
}

/** A Destination SDK template input profile (attributes wrapped in `.value`). */
export function sdkProfile(index: number, runId?: string): Record<string, unknown> {
  const p = person(index, runId);
  const value = (v: string) => ({ value: v });
  return {
    identityMap: { email_lc_sha256: [{ id: emailLcSha256(p.email) }] },
    segmentMembership: { ups: ups(p, index) },
    attributes: {
      email: value(p.email),
      firstname: value(p.firstName),
      lastname: value(p.lastName),
      city: value(p.city),
      ...(p.state ? { state: value(p.state) } : {}),
      zip: value(p.postalCode),
      countryid: value(p.countryCode),
      jobtitle: value(p.jobTitle),
      companyname: value(p.company),
      phone: value(p.phone),
    },
  };
}
