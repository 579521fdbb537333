// The Prisma CLI's wasm schema engine leaves 10 s/60 s timers that keep the process alive long
// after the work is done (migrate dev took 61 s). Unref long timers so the CLI exits when finished.
const original = global.setTimeout;
global.setTimeout = (fn, ms, ...args) => {
  const t = original(fn, ms, ...args);
  if (typeof ms === "number" && ms >= 5000 && t && typeof t.unref === "function") t.unref();
  return t;
};
