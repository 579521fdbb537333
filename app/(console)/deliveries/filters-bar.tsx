"use client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { FilterValues } from "./use-delivery-filter";

export type FilterOptions = {
  profiles: { id: string; name: string; direction: "SOURCE" | "DESTINATION" }[];
  pushTypes: string[];
  mappingVersions: number[];
};

const STATUS_OPTIONS: [string, string][] = [
  ["", "Any status"],
  ["DELIVERED", "Delivered"],
  ["QUEUED,DELIVERING", "Queued or delivering"],
  ["RETRYING", "Retrying"],
  ["FAILED", "Failed"],
  ["DEAD", "Dead"],
  ["FAILED,DEAD", "Failed or dead"],
  ["RETRYING,FAILED,DEAD", "Not delivered (problems)"],
];
const RANGES: [string, string][] = [
  ["", "Any time"],
  ["15m", "Last 15 minutes"],
  ["1h", "Last hour"],
  ["24h", "Last 24 hours"],
  ["7d", "Last 7 days"],
  ["30d", "Last 30 days"],
  ["custom", "Custom range…"],
];

// Denser than the form controls in components/ui: the log's filters sit above a table, not in a form.
const control =
  "block h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 dark:border-zinc-700 dark:bg-zinc-900";
function Select({ className = "", ...props }: React.SelectHTMLAttributes<HTMLSelectElement>) {
  return <select {...props} className={`${control} ${className}`} />;
}
function TextInput({ className = "", ...props }: React.InputHTMLAttributes<HTMLInputElement>) {
  return <input {...props} className={`${control} w-full placeholder:text-zinc-400 ${className}`} />;
}

function Labelled({ label, children, className = "" }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the children are the control (a Select or TextInput)
    <label className={`text-sm ${className}`}>
      <span className="mb-0.5 block text-[11px] font-medium uppercase tracking-wide text-zinc-500">{label}</span>
      {children}
    </label>
  );
}

export function FiltersBar({
  filter,
  options,
  update,
  clear,
}: {
  filter: FilterValues;
  options: FilterOptions;
  update: (c: FilterValues) => void;
  clear: () => void;
}) {
  const set = (k: keyof FilterValues) => (e: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) => update({ [k]: e.target.value });
  const custom = !filter.range && (filter.from || filter.to);
  const rangeValue = filter.range ?? (custom ? "custom" : "");
  const active = Object.values(filter).some(Boolean);
  return (
    <Card className="space-y-2.5 px-4 py-3">
      <div className="flex flex-wrap items-end gap-x-2.5 gap-y-2">
        <Labelled label="Search" className="min-w-72 flex-1">
          <TextInput
            key={filter.q ?? ""}
            aria-label="Search"
            type="search"
            defaultValue={filter.q}
            placeholder="Transmission id, attendee id, email or error text"
            onKeyDown={(e) => e.key === "Enter" && update({ q: e.currentTarget.value.trim() })}
            onBlur={(e) => e.currentTarget.value.trim() !== (filter.q ?? "") && update({ q: e.currentTarget.value.trim() })}
          />
        </Labelled>
        <Labelled label="Profile">
          <Select aria-label="Profile" value={filter.profileId ?? ""} onChange={set("profileId")} className="w-64">
            <option value="">All profiles</option>
            {options.profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled label="Time">
          <Select
            aria-label="Time range"
            value={rangeValue}
            onChange={(e) =>
              e.target.value === "custom"
                ? update({ range: "", from: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10) })
                : update({ range: e.target.value, from: "", to: "" })
            }
            className="w-44"
          >
            {RANGES.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled label="Mapping">
          <Select aria-label="Mapping version" value={filter.mappingVersion ?? ""} onChange={set("mappingVersion")} className="w-[5.5rem]">
            <option value="">Any</option>
            <option value="default">Default</option>
            {options.mappingVersions.map((v) => (
              <option key={v} value={String(v)}>
                v{v}
              </option>
            ))}
          </Select>
        </Labelled>
        {custom ? (
          <>
            <Labelled label="From">
              <TextInput aria-label="From" type="date" value={filter.from?.slice(0, 10) ?? ""} onChange={set("from")} />
            </Labelled>
            <Labelled label="To">
              <TextInput aria-label="To" type="date" value={filter.to?.slice(0, 10) ?? ""} onChange={set("to")} />
            </Labelled>
          </>
        ) : null}
      </div>
      <div className="flex flex-wrap items-end gap-x-2.5 gap-y-2">
        <Labelled label="Status">
          <Select aria-label="Status" value={filter.status ?? ""} onChange={set("status")} className="w-40">
            {STATUS_OPTIONS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled label="Direction">
          <Select aria-label="Direction" value={filter.direction ?? ""} onChange={set("direction")} className="w-32">
            <option value="">Both</option>
            <option value="SOURCE">RainFocus → AEP</option>
            <option value="DESTINATION">AEP → RainFocus</option>
          </Select>
        </Labelled>
        <Labelled label="Push type">
          <Select aria-label="Push type" value={filter.pushType ?? ""} onChange={set("pushType")} className="w-36">
            <option value="">Any</option>
            {options.pushTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled label="Last HTTP status">
          <Select aria-label="HTTP status" value={filter.http ?? ""} onChange={set("http")} className="w-28">
            <option value="">Any</option>
            {["2xx", "3xx", "4xx", "5xx"].map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
            <option value="none">No answer</option>
          </Select>
        </Labelled>
        <Labelled label="Attempts">
          <Select aria-label="Attempts" value={filter.failedAttempts ?? ""} onChange={set("failedAttempts")} className="w-[9.5rem]">
            <option value="">All</option>
            <option value="1">With a failed attempt</option>
          </Select>
        </Labelled>
        <Labelled label="Attempted in the time range">
          <Select aria-label="Attempted in the time range" value={filter.attempt ?? ""} onChange={set("attempt")} className="w-[11rem]">
            <option value="">Time range = received</option>
            <option value="delivered">Delivered (first send)</option>
            <option value="replayed">Delivered on replay</option>
            <option value="failed">Failed attempt</option>
          </Select>
        </Labelled>
        <Labelled label="Test events">
          <Select aria-label="Test events" value={filter.test ?? ""} onChange={set("test")} className="w-[6.5rem]">
            <option value="">Included</option>
            <option value="no">Hidden</option>
            <option value="yes">Only tests</option>
          </Select>
        </Labelled>
        {active ? (
          <Button variant="ghost" size="sm" onClick={clear}>
            Clear filters
          </Button>
        ) : null}
      </div>
    </Card>
  );
}
