import { TransformError } from "../errors";
import { setOwn } from "../values";
import { isNil, str } from "./coerce-args";
import { def, type FunctionDef } from "./types";

// functions.md "URL functions". An input that is not an absolute URL gives null ("If the input is
// invalid, it returns null"). Parsed with a small RFC 3986 splitter rather than WHATWG URL, which
// rewrites paths (it would turn "sftp://example.com//home/joe" into a different path) and hosts.

const URI = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/;
const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, ftp: 21, sftp: 22, ssh: 22, scp: 22, ws: 80, wss: 443, ldap: 389, smtp: 25, telnet: 23 };

interface Parts {
  scheme: string;
  host: string;
  port: number | null;
  path: string;
  query?: string;
  fragment?: string;
}

function parse(v: unknown, fn: string): Parts | null {
  if (isNil(v)) return null;
  const m = URI.exec(str(v, fn));
  if (!m) return null;
  const authority = m[2].slice(m[2].lastIndexOf("@") + 1);
  const hp = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(authority);
  if (!hp || hp[1] === "") return null;
  const scheme = m[1].toLowerCase();
  const port = hp[2] ? Number(hp[2]) : (DEFAULT_PORTS[scheme] ?? null);
  return { scheme, host: hp[1], port, path: m[3], query: m[4], fragment: m[5] };
}

// Appendix "Special characters": everything except letters, digits and - _ . is percent-encoded
// (UTF-8), space as %20. The appendix lists "|" → %5C, which is the code of "\"; we encode "|" as
// %7C and "\" as %5C (RFC 3986), so decoding gives back the input.
const ENC = new TextEncoder();
function encode(s: string): string {
  let out = "";
  for (const ch of s) {
    if (/[A-Za-z0-9_.-]/.test(ch)) {
      out += ch;
      continue;
    }
    for (const b of ENC.encode(ch)) out += "%" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

export const urlFunctions: Record<string, FunctionDef> = {
  get_url_protocol: def(1, 1, (v: unknown) => parse(v, "get_url_protocol")?.scheme ?? null),
  get_url_host: def(1, 1, (v: unknown) => parse(v, "get_url_host")?.host ?? null),
  get_url_port: def(1, 1, (v: unknown) => parse(v, "get_url_port")?.port ?? null),
  get_url_path: def(1, 2, (v: unknown, full: unknown) => {
    const p = parse(v, "get_url_path");
    if (!p) return null;
    if (full === false || full === "false") return p.path.slice(p.path.lastIndexOf("/") + 1);
    return p.path;
  }),
  get_url_query_str: def(2, 2, (v: unknown, anchor: unknown) => {
    const p = parse(v, "get_url_query_str");
    if (!p) return null;
    const mode = str(anchor, "get_url_query_str").toLowerCase();
    if (mode !== "retain" && mode !== "remove" && mode !== "append")
      throw new TransformError(`get_url_query_str: ANCHOR must be "retain", "remove" or "append", got "${String(anchor)}"`);
    const out: Record<string, unknown> = {};
    const fields = p.query ? p.query.split("&").filter((f) => f !== "") : [];
    fields.forEach((f, k) => {
      const at = f.indexOf("=");
      const key = at < 0 ? f : f.slice(0, at);
      let val = at < 0 ? "" : f.slice(at + 1);
      if (mode === "retain" && p.fragment !== undefined && k === fields.length - 1) val += "#" + p.fragment;
      setOwn(out, key, val);
    });
    if (mode === "append" && p.fragment !== undefined) setOwn(out, "_anchor_", p.fragment);
    return out;
  }),
  get_url_encoded: def(1, 1, (v: unknown) => (isNil(v) ? null : encode(str(v, "get_url_encoded")))),
  get_url_decoded: def(1, 1, (v: unknown) => {
    if (isNil(v)) return null;
    try {
      return decodeURIComponent(str(v, "get_url_decoded"));
    } catch {
      return null; // malformed %-sequence: invalid input gives null, like the other URL functions
    }
  }),
};
