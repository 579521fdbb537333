"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { DirectionLabel, ProfileStatusBadge } from "@/components/ui/status";
import { useProfile } from "./profile-context";
import { readinessChecklist, readinessInput } from "@/lib/profiles/readiness";
import { SetupSteps, setupSteps } from "../setup-steps";

export function ProfileHeader() {
  const { profile, canSeeActivity } = useProfile();
  const pathname = usePathname();
  const base = `/profiles/${profile.id}`;
  const tabs = [
    { href: base, label: "Overview" },
    { href: `${base}/credentials`, label: "Credentials" },
    ...(profile.direction === "SOURCE" ? [{ href: `${base}/push-types`, label: "Push types" }] : []),
    { href: `${base}/mapping`, label: "Mapping" },
    profile.direction === "SOURCE" ? { href: `${base}/endpoint`, label: "Endpoint" } : { href: `${base}/destination`, label: "Destination details" },
    ...(canSeeActivity ? [{ href: `${base}/activity`, label: "Activity" }] : []),
  ];
  return (
    <div className="mb-6">
      <Link href="/profiles" className="text-sm text-zinc-500 hover:underline">
        ← Profiles
      </Link>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="min-w-0 max-w-full break-words text-xl font-semibold tracking-tight [overflow-wrap:anywhere]">{profile.name}</h1>
        <ProfileStatusBadge status={profile.status} />
        {profile.demo ? <Badge tone="amber">Demo: points at the local emulators</Badge> : null}
      </div>
      <div className="mt-1 flex flex-wrap gap-x-4 text-sm text-zinc-600 dark:text-zinc-400">
        <DirectionLabel direction={profile.direction} />
        <span>
          Event <code className="font-mono text-xs">{profile.eventCode}</code> ({profile.rainfocus.environment})
        </span>
      </div>
      {profile.status === "DRAFT" || profile.status === "READY" ? <SetupProgress /> : null}
      <nav aria-label="Profile sections" className="mt-4 flex gap-1 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800">
        {tabs.map((t) => {
          const active = pathname === t.href;
          return (
            <Link
              key={t.href}
              href={t.href}
              aria-current={active ? "page" : undefined}
              className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-brand-600 text-brand-700 dark:text-brand-100" : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400"}`}
            >
              {t.label}
            </Link>
          );
        })}
      </nav>
    </div>
  );
}

/** Until the profile is active, the setup steps stay in view on every section, done ones ticked. */
function SetupProgress() {
  const { profile } = useProfile();
  const pathname = usePathname();
  const base = `/profiles/${profile.id}`;
  const items = new Map(readinessChecklist(readinessInput(profile)).map((i) => [i.key, i.done]));
  const all = (...keys: string[]) => keys.every((k) => items.get(k) ?? true);
  const done = {
    basics: all("basics"),
    credentials: all("rainfocus-credentials", "rainfocus-test", "adobe-credentials", "adobe-test"),
    "push-types": all("push-types"),
    mapping: all("mapping-published"),
    endpoint: all("endpoint"),
    destination: profile.direction === "DESTINATION",
    activate: false,
  };
  const section = pathname === base ? "activate" : (pathname.slice(base.length + 1).split("/")[0] ?? "");
  // Not links: the section tabs below are the way there (one link per place).
  return (
    <div className="mt-3">
      <SetupSteps steps={setupSteps(profile.direction, null, done, section)} />
    </div>
  );
}
