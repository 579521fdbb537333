// An AEP destination profile as the destination template sends it (API-CONTRACTS §6), used as the
// default sample of DESTINATION mappings.
export const SAMPLE_AEP_PROFILE = {
  segmentMembership: { ups: { "5b0e1c7a-0000-4000-8000-000000000001": { lastQualificationTime: "2026-11-20T10:00:00Z", status: "realized" } } },
  identityMap: { email_lc_sha256: [{ id: "b4c9a289323b21a01c3e940f150eb9b8c542587f1abfd8f0e1cc1ffc5e475514" }] },
  attributes: {
    firstName: { value: "Ada" },
    lastName: { value: "Lovelace" },
    email: { value: " Ada@Example.com " },
    companyName: { value: "Analytical Engines" },
    jobTitle: { value: "Engineer" },
    countryCode: { value: "gb" },
  },
};
