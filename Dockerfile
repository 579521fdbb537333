# syntax=docker/dockerfile:1
# Relay: three images from one file.
#   runtime (default)  the console and API: Next.js standalone output, `node server.js`
#   tools              full node_modules + sources: `npm run migrate`, scripts/seed.ts, the worker
# docker-compose.yml shows them together. tests/integration/ops-standalone.test.ts runs the same
# sequence without Docker (fresh database → migrate → standalone server + two workers).

FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/lib ./scripts/lib
# Exactly the lock file (it lists every platform's optional packages). postinstall runs
# `prisma generate` (offline, WebAssembly engine). The embedded PostgreSQL's binary package comes
# along as an optional dependency; the images never start it (DATABASE_URL is always set).
RUN npm ci --no-audit --no-fund && npm cache clean --force

FROM deps AS build
COPY . .
# HSTS is read at build time (next.config.ts): pass --build-arg HSTS=on when served behind TLS.
ARG HSTS=off
ENV HSTS=$HSTS NEXT_OUTPUT=standalone
# Collecting page data imports lib/env.ts, which wants a DATABASE_URL; the build never connects.
RUN DATABASE_URL=postgresql://build@127.0.0.1:1/build npx next build

FROM deps AS tools
COPY . .
# Root-owned and read-only to the process: the tools only read sources and talk to the database.
USER node
ENV NODE_ENV=production
# One process, so SIGTERM reaches the worker itself and it settles what it claimed before exiting.
CMD ["node", "--import", "tsx", "scripts/worker.ts"]

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
# /api/ready compares the applied migrations with this folder.
COPY --from=build --chown=node:node /app/prisma/migrations ./prisma/migrations
# Replaces a client-sent X-Forwarded-For with the socket address unless TRUST_PROXY is on.
COPY --from=build --chown=node:node /app/scripts/lib/client-ip.cjs ./client-ip.cjs
ENV NODE_OPTIONS="--require /app/client-ip.cjs"
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
