"use client";
import { createContext, useContext } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getProfileAction } from "@/lib/profiles/actions";
import type { ProfileView } from "@/lib/profiles/view";
import { unwrap } from "@/lib/actions/unwrap";
import { profileKeys } from "@/lib/query-keys";

type Ctx = { initial: ProfileView; canEdit: boolean; isAdmin: boolean; canSeeActivity: boolean; baseUrl: string };
const ProfileContext = createContext<Ctx | null>(null);

export function ProfileProvider({ children, ...value }: Ctx & { children: React.ReactNode }) {
  return <ProfileContext.Provider value={value}>{children}</ProfileContext.Provider>;
}

/** The profile every section shows; writes put the action's returned view straight into the cache. */
export function useProfile() {
  const ctx = useContext(ProfileContext);
  if (!ctx) throw new Error("useProfile outside ProfileProvider");
  const queryClient = useQueryClient();
  const key = profileKeys.detail(ctx.initial.id);
  const query = useQuery({ queryKey: key, queryFn: () => unwrap(getProfileAction({ profileId: ctx.initial.id })), initialData: ctx.initial });
  return {
    profile: query.data,
    canEdit: ctx.canEdit,
    isAdmin: ctx.isAdmin,
    canSeeActivity: ctx.canSeeActivity,
    baseUrl: ctx.baseUrl,
    setProfile: (p: ProfileView) => {
      queryClient.setQueryData(key, p);
      queryClient.invalidateQueries({ queryKey: [...profileKeys.all, "list"] });
    },
    refetch: () => queryClient.invalidateQueries({ queryKey: key }),
  };
}
