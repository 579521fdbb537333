"use client";
import { useSyncExternalStore } from "react";

type Theme = "system" | "light" | "dark";
const LABELS: Record<Theme, string> = { system: "Match the system", light: "Light", dark: "Dark" };

const read = (): Theme => (document.cookie.match(/(?:^|; )theme=(light|dark)/)?.[1] as Theme) ?? "system";
const listeners = new Set<() => void>();

/** The same cookie the sidebar's toggle writes, so the server renders the chosen class (no flash). */
function apply(theme: Theme) {
  const root = document.documentElement;
  root.classList.remove("light", "dark");
  if (theme === "system") document.cookie = "theme=; path=/; max-age=0; samesite=lax";
  else {
    root.classList.add(theme);
    document.cookie = `theme=${theme}; path=/; max-age=31536000; samesite=lax`;
  }
  for (const l of listeners) l();
}

export function ThemeChoice() {
  const theme = useSyncExternalStore(
    (fn) => (listeners.add(fn), () => listeners.delete(fn)),
    read,
    () => null,
  );
  return (
    <fieldset className="mt-4 space-y-2" aria-label="Theme">
      {(Object.keys(LABELS) as Theme[]).map((t) => (
        <label key={t} className="flex items-center gap-2 text-sm">
          <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => apply(t)} /> {LABELS[t]}
        </label>
      ))}
    </fieldset>
  );
}
