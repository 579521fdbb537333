// The default samples of DESTINATION mappings: one profile in each shape AEP exports
// (lib/inbound/aep-profile.ts), so a mapping is checked against both before it is published.

/** A Destination SDK template input profile (API-CONTRACTS §6; message-format.md). */
export const SAMPLE_AEP_PROFILE = {
  segmentMembership: { ups: { "5b0e1c7a-0000-4000-8000-000000000001": { lastQualificationTime: "2026-11-20T10:00:00Z", status: "realized" } } },
  identityMap: { email_lc_sha256: [{ id: "b5fc85e55755f9e0d030a10ab4429b6b2944855f9a0d60077fe832becbc41d72" }] },
  attributes: {
    firstName: { value: "Ada" },
    lastName: { value: "Lovelace" },
    email: { value: " Ada@Example.com " },
    companyName: { value: "Analytical Engines" },
    jobTitle: { value: "Engineer" },
    countryCode: { value: "gb" },
  },
};

/** An HTTP API destination profile: XDM paths at the root (help/destinations/catalog/streaming/http-destination.md). */
export const SAMPLE_HTTP_API_PROFILE = {
  person: { name: { firstName: "Grace", lastName: "Hopper" } },
  personalEmail: { address: "grace.hopper@example.com" },
  homeAddress: { street1: "1 Navy Yard", city: "Arlington", stateProvince: "VA", postalCode: "22202", countryCode: "US" },
  mobilePhone: { number: "+1 703 555 0100" },
  segmentMembership: { ups: { "5b0e1c7a-0000-4000-8000-000000000001": { lastQualificationTime: "2026-11-20T10:00:00Z", status: "realized" } } },
  identityMap: {
    ecid: [{ id: "14575006536349286404619648085736425115" }],
    email_lc_sha256: [{ id: "a460d7fa831915bb17b55b9151a5278e916f2de6480dc2171845c4b305620428" }],
  },
};

export const DESTINATION_SAMPLES = [
  { name: "AEP HTTP API destination profile", payload: SAMPLE_HTTP_API_PROFILE },
  { name: "AEP Destination SDK profile", payload: SAMPLE_AEP_PROFILE },
];
