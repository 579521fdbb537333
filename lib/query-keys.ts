// TanStack Query key factories: one place, so writes invalidate exactly what they change.
export const userKeys = { all: ["users"] as const, list: () => [...userKeys.all, "list"] as const };
export const tokenKeys = {
  all: ["api-tokens"] as const,
  list: () => [...tokenKeys.all, "list"] as const,
  everyone: () => [...tokenKeys.all, "everyone"] as const,
};
export const auditKeys = {
  all: ["audit"] as const,
  list: (filter: Record<string, string | undefined>) => [...auditKeys.all, "list", filter] as const,
};
export const profileKeys = {
  all: ["profiles"] as const,
  list: (filter: Record<string, string | undefined>) => [...profileKeys.all, "list", filter] as const,
  detail: (id: string) => [...profileKeys.all, "detail", id] as const,
};
export const deliveryKeys = {
  all: ["deliveries"] as const,
  list: (filter: Record<string, string | undefined>) => [...deliveryKeys.all, "list", filter] as const,
  detail: (id: string) => [...deliveryKeys.all, "detail", id] as const,
  replayPreview: (id: string) => [...deliveryKeys.all, "replay-preview", id] as const,
};
export const testEventKeys = {
  all: ["test-events"] as const,
  history: () => [...testEventKeys.all, "history"] as const,
  sample: (profileId: string, pushType: string) => [...testEventKeys.all, "sample", profileId, pushType] as const,
};
export const dashboardKeys = {
  all: ["dashboard"] as const,
  view: (range: string, profileId: string | undefined) => [...dashboardKeys.all, range, profileId ?? "all"] as const,
};
export const mappingKeys = {
  all: ["mappings"] as const,
  /** The editor's XDM check of one mapped output against one schema (its hash). */
  xdmCheck: (schemaHash: string, output: string) => [...mappingKeys.all, "xdm-check", schemaHash, output] as const,
};
export const alertKeys = { all: ["alerts"] as const, banner: () => [...alertKeys.all, "banner"] as const };
export const refusalKeys = { all: ["refusals"] as const, list: (filter: Record<string, string | undefined>) => [...refusalKeys.all, "list", filter] as const };
export const accountKeys = { all: ["account"] as const, tokens: () => [...accountKeys.all, "tokens"] as const };
