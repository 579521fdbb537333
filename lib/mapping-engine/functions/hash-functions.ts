import { TransformError } from "../errors";
import { md5Hex, sha1Hex } from "../hash/sha1-md5";
import { sha256Hex } from "../hash/sha256";
import { sha512Hex } from "../hash/sha512";
import { isNil, str } from "./coerce-args";
import { def, type FunctionDef } from "./types";

// sha1|sha256|sha512|md5(input, charset?) → lowercase hex, as Data Prep. Charsets: UTF-8 (default)
// and ISO-8859-1/US-ASCII; others are refused rather than silently hashed differently.

function latin1(charset: unknown, fn: string): boolean {
  if (isNil(charset)) return false;
  const c = str(charset, fn).toUpperCase().replace(/_/g, "-");
  if (c === "UTF-8" || c === "UTF8") return false;
  if (c === "ISO-8859-1" || c === "LATIN1" || c === "US-ASCII" || c === "ASCII") return true;
  throw new TransformError(`${fn}: unsupported charset '${String(charset)}'`);
}

const hash = (name: string, f: (s: string, latin1: boolean) => string): FunctionDef => ({
  ...def(1, 2, (v: unknown, charset: unknown) => (isNil(v) ? null : f(str(v, name), latin1(charset, name)))),
  // Literal (or absent) charset: decide it once per call site. A bad literal charset is left to
  // the generic path so it is still reported at apply time.
  specialize(literal, values) {
    if (literal.length > 1 && !literal[1]) return undefined;
    let l1: boolean;
    try { l1 = latin1(values[1], name); } catch { return undefined; }
    return (v: unknown) => (v === null || v === undefined ? null : f(typeof v === "string" ? v : str(v, name), l1));
  },
});

export const hashFunctions: Record<string, FunctionDef> = {
  sha1: hash("sha1", sha1Hex),
  sha256: hash("sha256", sha256Hex),
  sha512: hash("sha512", sha512Hex),
  md5: hash("md5", md5Hex),
};
