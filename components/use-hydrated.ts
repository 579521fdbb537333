"use client";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False on the server and while React hydrates, true once this component's handlers are attached.
 * A button rendered on the server is clickable before hydration but does nothing, so a user (or a
 * test) on a slow machine clicks and nothing happens; buttons that work only through a handler use
 * this to stay disabled until the click will do something.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
