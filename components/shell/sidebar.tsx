"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { hasRole, ROLE_LABELS, type Actor } from "@/lib/auth/roles";
import { signOutAction } from "@/lib/auth/auth-actions";
import { NAV_ITEMS } from "./nav-items";
import { ThemeToggle } from "./theme-toggle";
import { useHydrated } from "@/components/use-hydrated";

function Icon({ d }: { d: string }) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
      <path d={d} />
    </svg>
  );
}

export function Sidebar({ actor }: { actor: Pick<Actor, "email" | "name" | "role"> }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  const items = NAV_ITEMS.filter((item) => hasRole(actor, item.roles));
  return (
    <>
      <div className="flex items-center justify-between border-b border-zinc-200 bg-white px-4 py-3 md:hidden dark:border-zinc-800 dark:bg-zinc-900">
        <span className="font-semibold">Relay</span>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="sidebar"
          onClick={() => setOpen(!open)}
          disabled={!hydrated}
          className="rounded-md px-2 py-1 text-sm ring-1 ring-zinc-300 dark:ring-zinc-700"
        >
          Menu
        </button>
      </div>
      <aside
        id="sidebar"
        className={`${open ? "flex" : "hidden"} w-full shrink-0 flex-col border-r border-zinc-200 bg-white md:sticky md:top-0 md:flex md:h-screen md:w-60 dark:border-zinc-800 dark:bg-zinc-900`}
      >
        <div className="hidden items-center gap-2 px-5 py-5 md:flex">
          <div className="flex h-8 w-8 items-center justify-center rounded-md bg-brand-600 text-sm font-bold text-white">R</div>
          <div className="leading-tight">
            <div className="font-semibold">Relay</div>
            <div className="text-xs text-zinc-500">RainFocus ⇄ AEP</div>
          </div>
        </div>
        <nav aria-label="Main" className="flex-1 space-y-0.5 px-3 py-2">
          {items.map((item) => {
            const active = pathname === item.href || pathname.startsWith(item.href + "/");
            return (
              <Link
                key={item.href}
                href={item.href}
                aria-current={active ? "page" : undefined}
                onClick={() => setOpen(false)}
                className={`flex items-center gap-2.5 rounded-md px-3 py-2 text-sm font-medium ${
                  active
                    ? "bg-brand-50 text-brand-700 dark:bg-brand-700/20 dark:text-brand-100"
                    : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
                }`}
              >
                <Icon d={item.icon} />
                {item.label}
              </Link>
            );
          })}
        </nav>
        <div className="space-y-3 border-t border-zinc-200 p-4 dark:border-zinc-800">
          <div className="min-w-0" data-testid="current-user">
            <Link href="/account" className="block truncate text-sm font-medium hover:underline" title="Your account: password, API tokens, theme">
              {actor.name || actor.email}
            </Link>
            {actor.name ? <div className="truncate text-xs text-zinc-500">{actor.email}</div> : null}
            <div className="mt-1 text-xs text-zinc-500">
              Role: <span className="font-medium text-zinc-700 dark:text-zinc-300">{ROLE_LABELS[actor.role]}</span>
            </div>
          </div>
          <div className="flex items-center justify-between gap-2">
            <ThemeToggle />
            <form action={signOutAction}>
              <button
                type="submit"
                className="rounded-md px-2.5 py-1.5 text-sm text-zinc-700 ring-1 ring-zinc-300 hover:bg-zinc-100 dark:text-zinc-300 dark:ring-zinc-700 dark:hover:bg-zinc-800"
              >
                Sign out
              </button>
            </form>
          </div>
        </div>
      </aside>
    </>
  );
}
