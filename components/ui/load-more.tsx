"use client";
import { Button } from "./button";

/** The footer of a keyset-paginated list (TanStack useInfiniteQuery): shown while older pages exist. */
export function LoadMore({
  query,
  label = "Load older",
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  label?: string;
}) {
  if (!query.hasNextPage) return null;
  return (
    <div className="border-t border-zinc-200 p-3 text-center dark:border-zinc-800">
      <Button variant="secondary" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
        {query.isFetchingNextPage ? "Loading…" : label}
      </Button>
    </div>
  );
}
