import { UAParser } from "ua-parser-js";
import { isNil, str } from "./coerce-args";
import { def, type FunctionDef } from "./types";

// functions.md "User agent functions", parsed by ua-parser-js (maintained, MIT, runs in the browser
// too). Data Prep names things the way Yauaa does; the documented example (an iPhone Safari UA)
// reads: os "iOS", os version "5.1.1", agent "Safari" "5.1", device class "Phone". ua-parser-js
// calls that browser "Mobile Safari" and that device "mobile", so names and classes are mapped to
// the values in the appendix "Device field values".

const MAX_UA = 2048;
const DEVICE_CLASS: Record<string, string> = {
  mobile: "Phone",
  tablet: "Tablet",
  smarttv: "TV",
  console: "Game Console",
  wearable: "Watch",
  xr: "Virtual Reality",
  embedded: "Unknown",
};
const DESKTOP_OS = /^(Windows|Mac OS|macOS|Linux|Ubuntu|Debian|Fedora|Chromium OS|FreeBSD|OpenBSD|NetBSD|Solaris|Mint|Arch|Gentoo|SUSE|Red Hat|CentOS)/;

interface Parsed {
  os: string | null;
  osVersion: string | null;
  agent: string | null;
  agentVersion: string | null;
  deviceClass: string;
}

const cache = new Map<string, Parsed>();

function parse(v: unknown, fn: string): Parsed | null {
  if (isNil(v)) return null;
  const ua = str(v, fn).slice(0, MAX_UA);
  const hit = cache.get(ua);
  if (hit) return hit;
  const r = new UAParser(ua).getResult();
  const agent = r.browser.name ? r.browser.name.replace(/^Mobile /, "").replace(/ WebView$/, "") : null;
  const os = r.os.name ?? null;
  const deviceClass = r.device.type
    ? (DEVICE_CLASS[r.device.type] ?? "Unknown")
    : os && DESKTOP_OS.test(os)
      ? "Desktop"
      : ua.trim() === ""
        ? "Unknown"
        : os
          ? "Mobile"
          : "Unknown";
  const p: Parsed = { os, osVersion: r.os.version ?? null, agent, agentVersion: r.browser.version ?? null, deviceClass };
  if (cache.size > 1000) cache.clear();
  cache.set(ua, p);
  return p;
}

const major = (version: string | null) => (version ? version.split(/[._]/)[0] : null);
const joined = (...parts: (string | null)[]) => (parts.every((x) => x) ? parts.join(" ") : null);
const ua = (f: (p: Parsed) => string | null, name: string) =>
  def(1, 1, (v: unknown) => {
    const p = parse(v, name);
    return p ? f(p) : null;
  });

export const uaFunctions: Record<string, FunctionDef> = {
  ua_os_name: ua((p) => p.os, "ua_os_name"),
  ua_os_version_major: ua((p) => joined(p.os, major(p.osVersion)), "ua_os_version_major"),
  ua_os_version: ua((p) => p.osVersion, "ua_os_version"),
  ua_os_name_version: ua((p) => joined(p.os, p.osVersion), "ua_os_name_version"),
  ua_agent_version: ua((p) => p.agentVersion, "ua_agent_version"),
  ua_agent_version_major: ua((p) => joined(p.agent, major(p.agentVersion)), "ua_agent_version_major"),
  ua_agent_name: ua((p) => p.agent, "ua_agent_name"),
  ua_device_class: ua((p) => p.deviceClass, "ua_device_class"),
};
