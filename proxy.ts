import { NextResponse, type NextRequest } from "next/server";

/**
 * A Content-Security-Policy with a fresh nonce for every page (Next.js's documented pattern,
 * node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md). Next reads the nonce from
 * the request's Content-Security-Policy header while rendering and puts it on its own <script> tags
 * (framework, page chunks, the inline RSC payload); 'strict-dynamic' then trusts the chunks those
 * scripts load, so no inline script without the nonce can run. Pages must render per request for
 * this: the root layout reads the theme cookie, which makes every page dynamic.
 *
 * It also answers server actions posted from another origin with 403 (crossOriginAction).
 *
 * /api (JSON), static files and prefetches skip this (matcher below) and keep the static header
 * from next.config.ts, which this one replaces on the responses it covers.
 */
export function proxy(request: NextRequest) {
  if (crossOriginAction(request)) {
    return new NextResponse("Cross-origin requests to this console's actions are refused.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  // The page asked for, so that a sign-in redirect can come back to it (lib/auth/session.ts).
  const asked = request.nextUrl.clone();
  asked.searchParams.delete("_rsc"); // a client navigation's cache key, not part of the page
  requestHeaders.set("x-relay-path", `${asked.pathname}${asked.search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

/**
 * A server action posted from another origin. Next refuses it too, but by throwing, which answered
 * 500; this is the same test Next makes (the Origin's host against X-Forwarded-Host or Host; no
 * Origin, as from old browsers, is left to Next), answered as what it is: 403.
 */
function crossOriginAction(request: NextRequest): boolean {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (sandboxed frames, some redirects) or garbage
  }
}

function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    // No 'unsafe-eval' in production: nothing in the browser compiles strings. The mapping editor
    // maps in the browser (closures) and has the server validate the output as XDM, since ajv
    // compiles schemas with new Function (use-xdm-check.ts); zod runs jitless
    // (instrumentation-client.ts). Only `next dev` allows it, for React's dev tooling, which
    // rebuilds server call stacks with eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // <style> elements need the nonce (Next puts it on the ones it renders); stylesheets are
    // same-origin files. In dev the error overlay injects styles of its own, hence 'unsafe-inline'.
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    // style="…" attributes in server-rendered HTML (React's style prop, e.g. the mapping field
    // tree's indentation, and Next's built-in error pages) can't carry a nonce. They can't run
    // script either, so they are allowed; styles set from JS (CSSOM) are never subject to CSP.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
    // RELAY_HSTS is HSTS as it was at build time (next.config.ts), like the Strict-Transport-Security header.
    ...(process.env.RELAY_HSTS === "on" ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export const config = {
  matcher: [
    {
      // Everything but /api, Next's static files and image optimizer, and the favicons.
      source: "/((?!api|_next/static|_next/image|favicon.ico|favicon.svg).*)",
      // Prefetches answer an RSC payload, not a document: no policy to apply.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
