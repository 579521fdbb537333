import { config, type $ZodRawIssue } from "zod/v4/core";

// Zod's default messages are written for developers ("Too big: expected string to have <=120
// characters", "Invalid input: expected array, received undefined"). These are the words the
// console shows people. A message written on a schema (.max(120, "…")) still wins: zod consults
// this global map only for issues that carry no message of their own.

const UNITS: Record<string, [string, string]> = {
  string: ["character", "characters"],
  array: ["item", "items"],
  set: ["item", "items"],
  file: ["byte", "bytes"],
};
const TYPES: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "yes or no",
  array: "a list",
  object: "an object",
  date: "a date",
  bigint: "a number",
};

function count(n: number | bigint, origin: string): string {
  const u = UNITS[origin];
  return u ? `${n} ${Number(n) === 1 ? u[0] : u[1]}` : String(n);
}

export function readableZodMessage(iss: $ZodRawIssue): string | undefined {
  switch (iss.code) {
    case "invalid_type":
      if (iss.input === undefined || iss.input === null) return "This is required.";
      return `Must be ${TYPES[iss.expected] ?? iss.expected}.`;
    case "too_big": {
      const max = iss.maximum as number | bigint;
      if (iss.origin === "string" || iss.origin === "array" || iss.origin === "set")
        return `At most ${count(max, iss.origin)}${iss.origin === "string" ? "" : " allowed"}.`;
      if (iss.origin === "file") return `At most ${count(max, "file")}.`;
      return iss.inclusive === false ? `Must be less than ${max}.` : `At most ${max}.`;
    }
    case "too_small": {
      const min = iss.minimum as number | bigint;
      if ((iss.origin === "string" || iss.origin === "array") && Number(min) === 1) return "This is required.";
      if (iss.origin === "string" || iss.origin === "array" || iss.origin === "set") return `At least ${count(min, iss.origin)}.`;
      return iss.inclusive === false ? `Must be more than ${min}.` : `At least ${min}.`;
    }
    case "invalid_format":
      if (iss.format === "email") return "Not a valid email address.";
      if (iss.format === "url") return "Not a valid URL (https://…).";
      if (iss.format === "uuid" || iss.format === "cuid") return "Not a valid id.";
      if (iss.format === "datetime" || iss.format === "date") return "Not a valid date.";
      return "Not in the expected format.";
    case "invalid_value":
      return iss.values.length === 1 ? `Must be ${JSON.stringify(iss.values[0])}.` : `Choose one of: ${iss.values.map((v) => String(v)).join(", ")}.`;
    case "not_multiple_of":
      return `Must be a multiple of ${iss.divisor}.`;
    case "unrecognized_keys":
      return `Unknown field${iss.keys.length === 1 ? "" : "s"}: ${iss.keys.join(", ")}.`;
    case "invalid_union":
      return "This value is not one of the accepted forms.";
    default:
      return undefined;
  }
}

/** Installs the readable messages for every zod schema in this process (browser or server). */
export function installReadableZodMessages(): void {
  config({ customError: readableZodMessage });
}
