"use client";
import { useEffect, useRef, useState } from "react";
import { getMappingAction, saveMappingDraftAction } from "@/lib/mappings/actions";
import type { DraftView } from "@/lib/mappings/service";

export type SaveState = "saved" | "dirty" | "saving" | "conflict" | "error";
type DraftBody = Pick<DraftView, "rules" | "samples" | "schema">;

/**
 * Autosaves the draft 800 ms after the last edit, version-checked by revision. On a conflict the
 * editor keeps the user's copy and gets the stored one, to choose (nothing is lost either way).
 * Saves go one at a time, each on the revision the previous one returned: an edit made while a save
 * was in flight used to be sent on the revision before that save, and the editor then reported a
 * conflict with its own save (CI saw it when a save took longer than usual).
 */
export function useAutosave(profileId: string, body: DraftBody, initialRevision: number, enabled: boolean) {
  const [revision, setRevisionState] = useState(initialRevision);
  const [state, setState] = useState<SaveState>("saved");
  const [error, setError] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<DraftView | null>(null);
  const first = useRef(true);
  const serialized = JSON.stringify(body);
  // The latest unsaved body, flushed if the editor unmounts (in-app navigation) before the timer.
  const pending = useRef<DraftBody | null>(null);
  // The revision of the last draft this editor saved or loaded, as the next save must send it.
  const latestRevision = useRef(initialRevision);
  // The save in flight (or a settled promise): the next save waits for it.
  const saving = useRef<Promise<void>>(Promise.resolve());
  // Which edit is the newest: a save that finishes while a newer edit waits does not say "saved".
  const editSeq = useRef(0);
  const conflicted = useRef(false);
  const setRevision = (rev: number) => {
    latestRevision.current = rev;
    setRevisionState(rev);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per edit, keyed by the serialized body; the other values are read as they are at that edit
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!enabled || state === "conflict") return;
    const seq = ++editSeq.current;
    setState("dirty");
    pending.current = body;
    const timer = setTimeout(() => {
      pending.current = null;
      saving.current = saving.current.then(async () => {
        if (conflicted.current) return;
        setState("saving");
        const result = await saveMappingDraftAction({ profileId, revision: latestRevision.current, ...body });
        if (result.ok) {
          setRevision(result.data.revision);
          if (seq === editSeq.current) {
            setState("saved");
            setError(null);
          } else setState("dirty");
        } else if (result.code === "conflict") {
          conflicted.current = true;
          const latest = await getMappingAction({ profileId });
          if (latest.ok) setTheirs(latest.data.draft);
          setState("conflict");
        } else {
          setError(result.error);
          setState("error");
        }
      });
    }, 800);
    return () => clearTimeout(timer);
  }, [serialized]);

  useEffect(
    () => () => {
      const p = pending.current;
      if (p) void saving.current.then(() => saveMappingDraftAction({ profileId, revision: latestRevision.current, ...p }));
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
        conflicted.current = false;
        setTheirs(null);
        setState("saved");
      }
    },
    /** Take theirs: the caller replaces its state with the stored draft. */
    takeTheirs: () => {
      const t = theirs;
      if (t) setRevision(t.revision);
      conflicted.current = false;
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
