"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { listProfilesAction } from "@/lib/profiles/actions";
import type { ProfileListRow } from "@/lib/profiles/queries";
import { unwrap } from "@/lib/actions/unwrap";
import { profileKeys } from "@/lib/query-keys";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/page-header";
import { Select, TextInput } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { DirectionLabel, ProfileStatusBadge } from "@/components/ui/status";
import { TimeAgo } from "@/components/time-ago";

export function ProfilesClient({ initial, canEdit }: { initial: ProfileListRow[]; canEdit: boolean }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filter = { q: params.get("q") || undefined, direction: params.get("direction") || undefined, status: params.get("status") || undefined };
  const filtered = !!(filter.q || filter.direction || filter.status);
  const profiles = useQuery({ queryKey: profileKeys.list(filter), queryFn: () => unwrap(listProfilesAction(filter)), initialData: initial, staleTime: 5_000 });

  function setFilter(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}?${next}`);
  }

  if (!filtered && profiles.data.length === 0) {
    return (
      <Card>
        <EmptyState
          title="No integration profiles yet"
          action={
            canEdit ? (
              <Link href="/profiles/new" className="inline-flex h-9 items-center rounded-md bg-brand-600 px-3.5 text-sm font-medium text-white">
                New profile
              </Link>
            ) : null
          }
        >
          A profile holds the RainFocus event, the Adobe and RainFocus credentials, the push types to send, the XDM mapping and the AEP streaming endpoint and
          dataflow ID. Create a <b>source</b> profile to stream RainFocus events into AEP, or a<b> destination</b> profile to upsert AEP audiences into the
          RainFocus attendee store.
        </EmptyState>
      </Card>
    );
  }

  return (
    <div className="space-y-4">
      <Card className="flex flex-wrap items-end gap-3 p-4">
        <label className="min-w-56 flex-1 text-sm">
          <span className="mb-1 block font-medium">Search</span>
          <TextInput aria-label="Search profiles" placeholder="Name or event code" defaultValue={filter.q} onChange={(e) => setFilter("q", e.target.value)} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Direction</span>
          <Select aria-label="Direction" value={filter.direction ?? ""} onChange={(e) => setFilter("direction", e.target.value)}>
            <option value="">Both</option>
            <option value="SOURCE">RainFocus → AEP</option>
            <option value="DESTINATION">AEP → RainFocus</option>
          </Select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Status</span>
          <Select aria-label="Status" value={filter.status ?? ""} onChange={(e) => setFilter("status", e.target.value)}>
            <option value="">Any</option>
            <option value="DRAFT">Draft</option>
            <option value="READY">Ready</option>
            <option value="ACTIVE">Active</option>
            <option value="PAUSED">Paused</option>
          </Select>
        </label>
      </Card>
      <Card>
        {profiles.data.length === 0 ? (
          <EmptyState title="No profile matches these filters" />
        ) : (
          <Table label="Profiles">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Direction</Th>
                <Th>Event</Th>
                <Th>Status</Th>
                <Th>Push types</Th>
                <Th>Last delivery</Th>
                <Th>24 h success</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {profiles.data.map((p) => (
                <tr key={p.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                  <Td className="max-w-72">
                    {/* A long name is cut here (whole in its tooltip), never pushing the other columns off-screen. */}
                    <Link href={`/profiles/${p.id}`} title={p.name} className="block truncate font-medium text-brand-700 hover:underline dark:text-brand-100">
                      {p.name}
                    </Link>
                    {p.demo ? <Badge tone="amber">Demo</Badge> : null}
                  </Td>
                  <Td>
                    <DirectionLabel direction={p.direction} />
                  </Td>
                  <Td className="max-w-40">
                    <code className="block truncate font-mono text-xs" title={p.eventCode}>
                      {p.eventCode}
                    </code>
                  </Td>
                  <Td>
                    <ProfileStatusBadge status={p.status} />
                  </Td>
                  <Td className="text-xs text-zinc-600 dark:text-zinc-400">
                    {p.direction === "SOURCE" ? (p.pushTypes.length ? p.pushTypes.join(", ") : "none") : "—"}
                  </Td>
                  <Td>
                    <TimeAgo date={p.lastDeliveryAt} never="Never" />
                  </Td>
                  <Td>
                    {p.successRate24h === null ? (
                      <span className="text-zinc-500">—</span>
                    ) : (
                      <span title="Delivered attempts over all attempts in the last 24 h, test events excluded: the dashboard's number">{`${(p.successRate24h * 100).toFixed(1)}% of ${p.attempts24h.toLocaleString("en-US")} attempts`}</span>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
