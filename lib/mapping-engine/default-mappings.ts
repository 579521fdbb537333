import { RAINFOCUS_FIELDS, tenantPath } from "@/lib/xdm/rainfocus-fields";
import type { MappingRule } from "./types";

// Mappings that work out of the box, one per direction. Users start from these in the editor.

/**
 * SOURCE (RainFocus push → XDM ExperienceEvent): every documented payload field to its field group
 * under `_{tenantId}`, plus the ExperienceEvent essentials. `_id` is the SHA-256 hex of the
 * transmissionId: stable across retries (idempotent at AEP) and a valid uri-reference (no colons).
 */
export function defaultSourceMapping(tenantId: string): MappingRule[] {
  const rules: MappingRule[] = [
    { target: "_id", expression: "sha256(transmissionId)", required: true },
    { target: "timestamp", expression: "date(timestamp)", required: true },
    { target: "eventType", source: "eventType" },
    { target: "identityMap.Email[0].id", source: "attendee.email", required: true },
    { target: "identityMap.Email[0].primary", value: true },
    { target: "identityMap.Email[0].authenticatedState", value: "ambiguous" },
  ];
  for (const f of RAINFOCUS_FIELDS) {
    if (!f.xdm.startsWith("{tenant}.")) continue; // timestamp is mapped above
    const target = tenantPath(f.xdm, tenantId);
    if (f.sourceDateFormat) rules.push({ target, expression: `date(${f.source}, "${f.sourceDateFormat}")` });
    else if (f.type === "integer") rules.push({ target, expression: `to_integer(${f.source})` });
    else rules.push({ target, source: f.source });
  }
  return rules;
}

/** The twelve RainFocus Attendee Store fields (destination doc, seed 004). */
export const RAINFOCUS_ATTENDEE_FIELDS = [
  "address1",
  "address2",
  "city",
  "companyname",
  "countryid",
  "email",
  "firstname",
  "lastname",
  "jobtitle",
  "phone",
  "state",
  "zip",
] as const;

/** AEP profile attribute names tried for each field (exact name first, then common XDM spellings). */
const ATTRIBUTE_ALIASES: Record<(typeof RAINFOCUS_ATTENDEE_FIELDS)[number], string[]> = {
  address1: ["address1", "street1"],
  address2: ["address2", "street2"],
  city: ["city"],
  companyname: ["companyname", "companyName"],
  countryid: ["countryid", "countryCode"],
  email: ["email", "emailAddress"],
  firstname: ["firstname", "firstName"],
  lastname: ["lastname", "lastName"],
  jobtitle: ["jobtitle", "jobTitle"],
  phone: ["phone", "phoneNumber"],
  state: ["state", "stateProvince"],
  zip: ["zip", "postalCode"],
};

/**
 * The XDM Individual Profile paths the HTTP API destination exports at the root
 * (help/destinations/catalog/streaming/http-destination.md: `person.name`, `personalEmail.address`;
 * the Personal Contact Details, Work Contact Details and Profile Other Work Details field groups
 * for the rest), personal before work.
 */
const XDM_PATHS: Record<(typeof RAINFOCUS_ATTENDEE_FIELDS)[number], string[]> = {
  address1: ["homeAddress.street1", "workAddress.street1"],
  address2: ["homeAddress.street2", "workAddress.street2"],
  city: ["homeAddress.city", "workAddress.city"],
  companyname: ["organizations[0]"],
  countryid: ["homeAddress.countryCode", "workAddress.countryCode"],
  email: ["personalEmail.address", "workEmail.address"],
  firstname: ["person.name.firstName"],
  lastname: ["person.name.lastName"],
  jobtitle: ["extendedWorkDetails.jobTitle"],
  phone: ["mobilePhone.number", "homePhone.number", "workPhone.number"],
  state: ["homeAddress.stateProvince", "workAddress.stateProvince"],
  zip: ["homeAddress.postalCode", "workAddress.postalCode"],
};

/**
 * DESTINATION (AEP profile export → RainFocus attendee), for every format AEP sends: the HTTP API
 * destination's root XDM paths, and Destination SDK attributes — free-form ones wrapped as
 * `{ value }`, predefined ones plain (API-CONTRACTS §6) — so all are tried. The identity AEP
 * sends is `email_lc_sha256` = sha256(lower(trim(email))) — see DESTINATION_IDENTITY_EXPRESSION;
 * it cannot be turned back into an email, so the email must be exported as an attribute.
 */
export function defaultDestinationMapping(): MappingRule[] {
  return RAINFOCUS_ATTENDEE_FIELDS.map((field) => {
    const candidates = [...ATTRIBUTE_ALIASES[field].flatMap((a) => [`attributes.${a}.value`, `attributes.${a}`]), ...XDM_PATHS[field]];
    const expr =
      field === "email"
        ? `lower(trim(coalesce(${candidates.join(", ")})))`
        : field === "countryid"
          ? `upper(coalesce(${candidates.join(", ")}))`
          : `coalesce(${candidates.join(", ")})`;
    return field === "email" ? { target: field, expression: expr, required: true } : { target: field, expression: expr };
  });
}

/** How AEP derives the destination identity from the attendee email (lowercase hex, no salt). */
export const DESTINATION_IDENTITY_EXPRESSION = "sha256(lower(trim(email)))";
