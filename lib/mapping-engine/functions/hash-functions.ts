import { TransformError } from "../errors";
import { crc32Hex, md5Hex, sha1Hex, sha256Hex, sha512Hex, type Charset } from "../hash/digests";
import { isNil, str } from "./coerce-args";
import { def, type FunctionDef } from "./types";

// sha1|sha256|sha512|md5|crc32(input, charset?) → lowercase hex, as Data Prep. functions.md lists
// the charsets UTF-8 (default), UTF-16, ISO-8859-1 and US-ASCII; others are refused rather than
// silently hashed differently.

const CHARSETS: Record<string, Charset> = {
  "UTF-8": "UTF-8",
  UTF8: "UTF-8",
  "UTF-16": "UTF-16",
  UTF16: "UTF-16",
  "UTF-16BE": "UTF-16BE",
  "UTF-16LE": "UTF-16LE",
  "ISO-8859-1": "ISO-8859-1",
  LATIN1: "ISO-8859-1",
  "ISO8859-1": "ISO-8859-1",
  "US-ASCII": "US-ASCII",
  ASCII: "US-ASCII",
};

function charsetOf(charset: unknown, fn: string): Charset {
  if (isNil(charset)) return "UTF-8";
  const c = CHARSETS[str(charset, fn).toUpperCase().replace(/_/g, "-")];
  if (!c) throw new TransformError(`${fn}: unsupported charset '${String(charset)}' (use UTF-8, UTF-16, ISO-8859-1 or US-ASCII)`);
  return c;
}

const hash = (name: string, f: (s: string, cs: Charset) => string): FunctionDef => ({
  ...def(1, 2, (v: unknown, charset: unknown) => (isNil(v) ? null : f(str(v, name), charsetOf(charset, name)))),
  // Literal (or absent) charset: decide it once per call site. A bad literal charset is left to
  // the generic path so it is still reported at apply time.
  specialize(literal, values) {
    if (literal.length > 1 && !literal[1]) return undefined;
    let cs: Charset;
    try {
      cs = charsetOf(values[1], name);
    } catch {
      return undefined;
    }
    return (v: unknown) => (v === null || v === undefined ? null : f(typeof v === "string" ? v : str(v, name), cs));
  },
});

export const hashFunctions: Record<string, FunctionDef> = {
  sha1: hash("sha1", sha1Hex),
  sha256: hash("sha256", sha256Hex),
  sha512: hash("sha512", sha512Hex),
  md5: hash("md5", md5Hex),
  crc32: hash("crc32", crc32Hex),
};
