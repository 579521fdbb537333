import Link from "next/link";

// The New profile flow's steps, shown from the first form until the profile is active: a person
// always sees where they are and what is left, not only on the first page.

export type SetupStep = { label: string; done: boolean; href?: string; current?: boolean };

/** The steps a new profile goes through, in order; the sections match the profile's tabs. */
export function setupSteps(direction: "SOURCE" | "DESTINATION", base: string | null, done: Partial<Record<string, boolean>>, current: string): SetupStep[] {
  const all = [
    { key: "basics", label: "Basics", section: "" },
    { key: "credentials", label: "Credentials", section: "/credentials" },
    ...(direction === "SOURCE" ? [{ key: "push-types", label: "Push types", section: "/push-types" }] : []),
    { key: "mapping", label: "Mapping", section: "/mapping" },
    direction === "SOURCE"
      ? { key: "endpoint", label: "Endpoint", section: "/endpoint" }
      : { key: "destination", label: "Destination details", section: "/destination" },
    { key: "activate", label: "Activate", section: "" },
  ];
  return all.map((s) => ({ label: s.label, done: !!done[s.key], current: s.key === current, ...(base ? { href: `${base}${s.section}` } : {}) }));
}

export function SetupSteps({ steps }: { steps: SetupStep[] }) {
  return (
    <ol aria-label="Setup steps" className="flex flex-wrap items-center gap-x-1 gap-y-2 text-xs">
      {steps.map((s, i) => {
        const body = (
          <>
            <span
              aria-hidden
              className={`flex size-5 items-center justify-center rounded-full text-[11px] font-semibold ${s.done ? "bg-emerald-600 text-white" : s.current ? "bg-brand-600 text-white" : "bg-zinc-200 text-zinc-600 dark:bg-zinc-700 dark:text-zinc-300"}`}
            >
              {s.done ? "✓" : i + 1}
            </span>
            <span className={s.current ? "font-semibold" : ""}>{s.label}</span>
            <span className="sr-only">{s.done ? " (done)" : s.current ? " (current step)" : " (to do)"}</span>
          </>
        );
        return (
          <li key={s.label} className="flex items-center gap-1" aria-current={s.current ? "step" : undefined}>
            {s.href && !s.current ? (
              <Link href={s.href} className="flex items-center gap-1.5 rounded px-1 py-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800">
                {body}
              </Link>
            ) : (
              <span className="flex items-center gap-1.5 px-1 py-0.5">{body}</span>
            )}
            {i < steps.length - 1 ? (
              <span aria-hidden className="text-zinc-300 dark:text-zinc-600">
                →
              </span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
