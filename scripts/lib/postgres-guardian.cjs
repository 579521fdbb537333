// Runs the embedded PostgreSQL for `npm start` (scripts/lib/embedded-postgres.ts) in a process group
// of its own, so a terminal's Ctrl-C or a signal to npm start's group never reaches PostgreSQL
// before the delivery worker has settled what it claimed: npm start stops it last, with SIGTERM.
// If npm start dies without stopping it (kill -9), the pipe on stdin closes and PostgreSQL is shut
// down cleanly (fast shutdown: committed work is kept, open transactions roll back) instead of
// being left running. Plain CommonJS: starts in milliseconds, no TypeScript loader needed.
const { spawn } = require("node:child_process");
const { openSync } = require("node:fs");

const cfg = JSON.parse(process.argv[2]);
const log = openSync(cfg.logFile, "a");
const pg = spawn(cfg.bin, cfg.args, { stdio: ["ignore", log, log], uid: cfg.uid, gid: cfg.gid });

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  pg.kill("SIGINT"); // PostgreSQL's fast shutdown
};
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(signal, stop);
pg.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
pg.on("error", (err) => {
  console.error(`postgres: ${err.message}`);
  process.exit(1);
});
