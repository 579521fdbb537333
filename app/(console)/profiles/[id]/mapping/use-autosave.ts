"use client";
import { useEffect, useRef, useState } from "react";
import { getMappingAction, saveMappingDraftAction } from "@/lib/mappings/actions";
import type { DraftView } from "@/lib/mappings/service";

export type SaveState = "saved" | "dirty" | "saving" | "conflict" | "error";
type DraftBody = Pick<DraftView, "rules" | "samples" | "schema">;

/**
 * Autosaves the draft 800 ms after the last edit, version-checked by revision. On a conflict the
 * editor keeps the user's copy and gets the stored one, to choose (nothing is lost either way).
 */
export function useAutosave(profileId: string, body: DraftBody, initialRevision: number, enabled: boolean) {
  const [revision, setRevision] = useState(initialRevision);
  const [state, setState] = useState<SaveState>("saved");
  const [error, setError] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<DraftView | null>(null);
  const first = useRef(true);
  const serialized = JSON.stringify(body);
  // The latest unsaved body, flushed if the editor unmounts (in-app navigation) before the timer.
  const pending = useRef<{ body: DraftBody; revision: number } | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per edit, keyed by the serialized body; the other values are read as they are at that edit
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!enabled || state === "conflict") return;
    setState("dirty");
    pending.current = { body, revision };
    const timer = setTimeout(async () => {
      pending.current = null;
      setState("saving");
      const result = await saveMappingDraftAction({ profileId, revision, ...body });
      if (result.ok) {
        setRevision(result.data.revision);
        setState("saved");
        setError(null);
      } else if (result.code === "conflict") {
        const latest = await getMappingAction({ profileId });
        if (latest.ok) setTheirs(latest.data.draft);
        setState("conflict");
      } else {
        setError(result.error);
        setState("error");
      }
    }, 800);
    return () => clearTimeout(timer);
  }, [serialized]);

  useEffect(
    () => () => {
      const p = pending.current;
      if (p) void saveMappingDraftAction({ profileId, revision: p.revision, ...p.body });
    },
    [profileId],
  );

  // Leaving the page with unsaved edits asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (state !== "saved") e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [state]);

  return {
    revision,
    state,
    error,
    theirs,
    /** Keep mine: save over theirs, knowingly. */
    keepMine: async () => {
      if (!theirs) return;
      const result = await saveMappingDraftAction({ profileId, revision: theirs.revision, ...body });
      if (result.ok) {
        setRevision(result.data.revision);
        setTheirs(null);
        setState("saved");
      }
    },
    /** Take theirs: the caller replaces its state with the stored draft. */
    takeTheirs: () => {
      const t = theirs;
      if (t) setRevision(t.revision);
      setTheirs(null);
      setState("saved");
      first.current = true;
      return t;
    },
    /** After the editor loaded a draft from the server (restore): adopt its revision, no save. */
    adopt: (rev: number) => {
      first.current = true;
      setRevision(rev);
      setState("saved");
    },
  };
}
