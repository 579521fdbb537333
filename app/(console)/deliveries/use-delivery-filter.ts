"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { FILTER_KEYS } from "@/lib/delivery-log/schemas";

export type FilterValues = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/** The log's filters live in the URL, so any view can be shared or bookmarked. */
export function useDeliveryFilter() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filter: FilterValues = Object.fromEntries(FILTER_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));

  function update(changes: FilterValues) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    router.replace(`${pathname}?${next}`, { scroll: false });
  }
  const live = params.get("live") === "1";
  return {
    filter,
    update,
    set: (k: keyof FilterValues, v: string) => update({ [k]: v }),
    clear: () => router.replace(pathname + (live ? "?live=1" : "")),
    live,
    setLive: (on: boolean) => {
      const next = new URLSearchParams(params);
      if (on) next.set("live", "1");
      else next.delete("live");
      router.replace(`${pathname}?${next}`, { scroll: false });
    },
  };
}

/** The filter as a query string for the REST API and the export. */
export function filterQuery(filter: FilterValues): string {
  return new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]).toString();
}
