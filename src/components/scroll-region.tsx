import type { ReactNode } from "react";

/**
 * A wide table's box that scrolls sideways on a phone. Keyboard users reach it (tabIndex 0) and screen readers
 * hear what it holds (a named region), as WCAG asks of a scrollable area.
 */
export function ScrollRegion({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 ${className}`}>
      {children}
    </div>
  );
}
