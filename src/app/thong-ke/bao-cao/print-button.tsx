"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * "In / Lưu PDF": opens the browser's print dialog. Shown only once the page's script runs (a button that does
 * nothing would mislead); without JavaScript the note beside it says how to print from the browser's menu.
 */
export function PrintButton({ label }: { label: string }) {
  const ready = useSyncExternalStore(subscribe, () => true, () => false);
  if (!ready) return null;
  return (
    <button type="button" onClick={() => window.print()} className="btn-primary">
      {label}
    </button>
  );
}
