import { TransformError } from "./errors";

// Time-zone arithmetic through Intl (IANA database in Node and every browser), no library.
// Used by make_date_time, zone_date_to_zone and the V/z date pattern letters.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      throw new TransformError(`unknown time zone '${zone}'`);
    }
    if (formatters.size > 200) formatters.clear();
    formatters.set(zone, f);
  }
  return f;
}

/** Fixed offsets (minutes) for the zone abbreviations Java parses with the 'z' letter. */
export const ZONE_ABBREVIATIONS: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  UT: 0,
  Z: 0,
  PST: -480,
  PDT: -420,
  MST: -420,
  MDT: -360,
  CST: -360,
  CDT: -300,
  EST: -300,
  EDT: -240,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  WET: 0,
  WEST: 60,
  BST: 60,
  IST: 330,
  JST: 540,
};

/** The zone's UTC offset in minutes at the instant `ms`. Accepts IANA ids, abbreviations and ±hh:mm. */
export function zoneOffset(zone: string, ms: number): number {
  const z = zone.trim();
  if (z.toUpperCase() in ZONE_ABBREVIATIONS) return ZONE_ABBREVIATIONS[z.toUpperCase()];
  const fixed = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (fixed) return (fixed[1] === "-" ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0));
  const parts: Record<string, number> = {};
  for (const p of formatter(z).formatToParts(new Date(ms))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60000);
}

/** The instant at which the wall-clock time `wallMs` (fields read as UTC) happens in `zone`. */
export function wallToInstant(wallMs: number, zone: string): number {
  const first = wallMs - zoneOffset(zone, wallMs) * 60000;
  const second = wallMs - zoneOffset(zone, first) * 60000;
  return second;
}

/** "+02:00" style suffix for an offset in minutes ("Z" for zero). */
export function offsetSuffix(min: number): string {
  if (min === 0) return "Z";
  const a = Math.abs(min);
  return (min < 0 ? "-" : "+") + String(Math.floor(a / 60)).padStart(2, "0") + ":" + String(a % 60).padStart(2, "0");
}
