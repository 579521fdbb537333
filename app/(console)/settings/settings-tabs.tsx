import Link from "next/link";

const TABS = [
  { href: "/settings/users", label: "Users" },
  { href: "/settings/tokens", label: "API tokens" },
];

export function SettingsTabs({ current }: { current: string }) {
  return (
    <nav aria-label="Settings" className="mb-6 flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
      {TABS.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={current === t.href ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
            current === t.href
              ? "border-brand-600 text-brand-700 dark:text-brand-100"
              : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400"
          }`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
