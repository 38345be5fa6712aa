"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** False on the server and in the first render, true once scripts run: for parts that only work with JavaScript. */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
