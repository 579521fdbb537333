"use client";
import { useSyncExternalStore } from "react";
import { isoTime, timeAgo } from "./format";

// Relative and local times differ between the server's render and the browser's (a second has
// passed, another time zone), which React reports as hydration error #418 and then re-renders the
// whole tree. These render a fixed UTC time on the server and while hydrating (getServerSnapshot),
// then the browser's own, and tick every 15 s so "3 min ago" stays true without a reload.

const TICK_MS = 15_000;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(fn: () => void) {
  listeners.add(fn);
  now = Date.now();
  timer ??= setInterval(() => {
    now = Date.now();
    for (const l of listeners) l();
  }, TICK_MS);
  return () => {
    listeners.delete(fn);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The browser's clock (ticking), or null on the server and during hydration. */
export function useNow(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => null,
  );
}

/** "2026-12-06 02:40 UTC": the same on the server and in every browser. */
export function utcMinute(date: Date | string): string {
  return `${isoTime(date).slice(0, 16).replace("T", " ")} UTC`;
}

export function TimeAgo({ date, never = "—", className }: { date: Date | string | null | undefined; never?: string; className?: string }) {
  const clock = useNow();
  if (!date) return <span className={className}>{never}</span>;
  return (
    <time dateTime={isoTime(date)} title={isoTime(date)} className={className}>
      {clock === null ? utcMinute(date) : timeAgo(date, clock)}
    </time>
  );
}

/** A date and time in the browser's locale and zone, after hydration. */
export function LocalTime({ date, className }: { date: Date | string; className?: string }) {
  const clock = useNow();
  return (
    <time dateTime={isoTime(date)} title={isoTime(date)} className={className}>
      {clock === null ? utcMinute(date) : new Date(date).toLocaleString()}
    </time>
  );
}
