// JavaScript dates run to ±275,760 years; PostgreSQL's timestamp from 4713 BC to 294276 AD, and
// the ISO strings the queries pass (toISOString) only parse there with a four-digit year. A date
// filter outside years 1–9999 reached the database and failed as a 500 (found by fuzz-routes.test.ts).

const MIN_MS = Date.parse("0001-01-01T00:00:00.000Z");
const MAX_MS = Date.parse("9999-12-31T23:59:59.999Z");

/** True for a valid date in years 1–9999, the range filters and cursors may use. */
export function isDbDate(d: Date): boolean {
  const t = d.getTime();
  return t >= MIN_MS && t <= MAX_MS;
}

export const DB_DATE_MESSAGE = "Dates must fall in the years 1 to 9999.";
