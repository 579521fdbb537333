const HOME = "/profiles";
// Any origin will do: only "is it still this origin?" matters, and the path is what we keep.
const ORIGIN = "http://relay.invalid";

/**
 * Where to go after sign-in: a path of this site, or the console home. The string is resolved as a
 * browser would resolve it (`new URL(next, origin)`: dot segments, backslashes, tabs and newlines
 * included) and must stay on the same origin. A path that still begins with "//" after resolving
 * (`/.//evil.example`) is refused too: sent back as a relative Location it is read as another host.
 */
export function safeNext(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2_000) return HOME;
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return HOME;
  }
  if (url.origin !== ORIGIN || url.pathname.startsWith("//") || url.pathname.startsWith("/\\")) return HOME;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path === "/" || path.startsWith("/login") ? HOME : path;
}
