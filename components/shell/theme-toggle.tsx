"use client";
import { useState } from "react";
import { useHydrated } from "@/components/use-hydrated";

type Theme = "system" | "light" | "dark";
const NEXT: Record<Theme, Theme> = { system: "light", light: "dark", dark: "system" };

function readTheme(): Theme {
  if (typeof document === "undefined") return "system";
  const match = document.cookie.match(/(?:^|; )theme=(light|dark)/);
  return (match?.[1] as Theme) ?? "system";
}

/** Cycles system → light → dark; kept in a cookie so the server renders the right class (no flash). */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(readTheme);
  const hydrated = useHydrated();
  function cycle() {
    const next = NEXT[theme];
    const root = document.documentElement;
    root.classList.remove("light", "dark");
    if (next === "system") document.cookie = "theme=; path=/; max-age=0; samesite=lax";
    else {
      root.classList.add(next);
      document.cookie = `theme=${next}; path=/; max-age=31536000; samesite=lax`;
    }
    setTheme(next);
  }
  return (
    <button
      type="button"
      onClick={cycle}
      disabled={!hydrated}
      suppressHydrationWarning
      className="rounded-md px-2.5 py-1.5 text-sm text-zinc-700 ring-1 ring-zinc-300 hover:bg-zinc-100 dark:text-zinc-300 dark:ring-zinc-700 dark:hover:bg-zinc-800"
      aria-label={`Theme: ${theme}. Change theme`}
    >
      <span suppressHydrationWarning>{theme === "system" ? "Auto" : theme === "light" ? "Light" : "Dark"}</span>
    </button>
  );
}
