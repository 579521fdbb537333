import type { NextConfig } from "next";

// Behind TLS (HSTS=on at build time): browsers must never fall back to plain http.
const hsts = process.env.HSTS === "on";

const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  // Pages get a stricter policy with a per-request script nonce from proxy.ts, which replaces this
  // one on their responses; this one stays for what the proxy skips (/api's JSON, static files).
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ...(hsts ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The Docker image (Dockerfile) builds with NEXT_OUTPUT=standalone: a self-contained server.js
  // with only the node_modules it traces. `npm start` keeps the default output.
  ...(process.env.NEXT_OUTPUT === "standalone" ? { output: "standalone" as const } : {}),
  // A second build beside the default one (tests/integration/ops-standalone.test.ts) needs its own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Types are checked by `npm run typecheck` (part of `npm test`) over the whole repo, scripts and
  // emulators included; `npm start` should not fail a user's first run on a type error.
  typescript: { ignoreBuildErrors: true },
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "2mb" } },
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "@electric-sql/pglite-socket", "undici"],
  // proxy.ts adds upgrade-insecure-requests to the pages' policy when HSTS is on: inlined at build
  // time, so it agrees with the header above (the Docker image's runtime stage has no HSTS).
  env: { RELAY_HSTS: hsts ? "on" : "off" },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // API answers hold account data: never cached by browsers or intermediaries.
      { source: "/api/:path*", headers: [{ key: "Cache-Control", value: "no-store" }] },
    ];
  },
};

export default nextConfig;
