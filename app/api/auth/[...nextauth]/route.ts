import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { oidcConfigured } from "@/lib/env";
import { readRawBody } from "@/lib/inbound/common";

// Auth.js's endpoints, behind three checks of what a client sends (found by
// e2e/security/fuzz-routes.spec.ts; each was a 500 or an unbounded read before):
// - only the actions the console uses, with its own providers: Auth.js answered 500 to some
//   others (webauthn-options without an adapter);
// - a callbackUrl that is not an http(s) URL is refused (400) in the query, and dropped from the
//   cookie: Auth.js treats either as a server misconfiguration (500), so a junk cookie locked a
//   browser out of signing in;
// - a body over 16 KB is refused before Auth.js reads it whole (a sign-in form is a few hundred bytes).

const MAX_AUTH_BODY_BYTES = 16_384;

function providers(): string[] {
  return ["credentials", ...(oidcConfigured() ? ["oidc"] : [])];
}

/** GET session|csrf|providers|signin[/p]|signout|error|verify-request|callback/<oauth p>; POST session|signout|signin/p|callback/p. */
function knownAction(method: "GET" | "POST", pathname: string): boolean {
  const [name, provider, ...rest] = pathname.replace(/^\/api\/auth\/?/, "").split("/");
  if (rest.length || !name) return false;
  const known = provider !== undefined && providers().includes(provider);
  if (method === "GET") {
    if (["session", "csrf", "providers", "signout", "error", "verify-request"].includes(name)) return provider === undefined;
    if (name === "signin") return provider === undefined || known;
    return name === "callback" && known && provider !== "credentials";
  }
  if (name === "session" || name === "signout") return provider === undefined;
  return (name === "signin" || name === "callback") && known;
}

/** Auth.js's own test (isValidHttpUrl): a path on this origin, or an absolute http(s) URL. */
function validCallbackUrl(url: string, origin: string): boolean {
  try {
    return /^https?:/.test(new URL(url, url.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

function notFound(): Response {
  return Response.json({ error: { code: "not_found", message: "No such sign-in endpoint." } }, { status: 404 });
}

/** The request with invalid callback-url cookies left out, or an answer refusing it. */
function checked(request: NextRequest, method: "GET" | "POST"): { headers: Headers } | { answer: Response } {
  const url = new URL(request.url);
  if (!knownAction(method, url.pathname)) return { answer: notFound() };
  if (url.searchParams.getAll("callbackUrl").some((u) => !validCallbackUrl(u, url.origin))) {
    return { answer: Response.json({ error: { code: "invalid", message: "callbackUrl must be a path on this site or an http(s) URL." } }, { status: 400 }) };
  }
  const headers = new Headers(request.headers);
  const cookie = headers.get("cookie");
  if (cookie) {
    const kept = cookie.split(";").filter((part) => {
      const eq = part.indexOf("=");
      if (eq < 0 || !part.slice(0, eq).trim().endsWith("authjs.callback-url")) return true;
      let value = part.slice(eq + 1).trim();
      try {
        value = decodeURIComponent(value);
      } catch {
        return false;
      }
      return validCallbackUrl(value, url.origin);
    });
    headers.set("cookie", kept.join(";"));
  }
  return { headers };
}

export async function GET(request: NextRequest): Promise<Response> {
  const ok = checked(request, "GET");
  if ("answer" in ok) return ok.answer;
  return handlers.GET(new NextRequest(request.url, { method: "GET", headers: ok.headers }));
}

export async function POST(request: NextRequest): Promise<Response> {
  const ok = checked(request, "POST");
  if ("answer" in ok) return ok.answer;
  const body = await readRawBody(request, MAX_AUTH_BODY_BYTES);
  if (!body.ok) return Response.json(body.answer.body, { status: body.answer.status });
  // The body is now a fixed buffer: its framing headers are the new request's to set.
  ok.headers.delete("content-length");
  ok.headers.delete("transfer-encoding");
  return handlers.POST(new NextRequest(request.url, { method: "POST", headers: ok.headers, body: new Uint8Array(body.raw) }));
}
