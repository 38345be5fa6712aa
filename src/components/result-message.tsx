"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * The outcome of an action, shown once after the page reloads. It takes the focus, so that keyboard and
 * screen-reader users land on it rather than at the top of the page; without JavaScript the #ket-qua anchor
 * scrolls to it.
 */
export function ResultMessage({ children, className }: { children: ReactNode; className: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p ref={ref} id="ket-qua" role="status" tabIndex={-1} className={className}>
      {children}
    </p>
  );
}
