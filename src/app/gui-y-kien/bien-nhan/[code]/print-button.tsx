"use client";

import { useHydrated } from "@/lib/use-hydrated";

/** Shown only with JavaScript; without it the page says to use the browser's Print command. */
export function PrintButton({ label }: { label: string }) {
  if (!useHydrated()) return null;
  return (
    <button type="button" onClick={() => window.print()} className="btn-secondary print:hidden">
      {label}
    </button>
  );
}
