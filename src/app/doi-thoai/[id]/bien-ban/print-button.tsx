"use client";

/** Opens the browser's print dialog; without JavaScript the hint beside it says Ctrl+P. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="btn-primary" onClick={() => window.print()}>
      {label}
    </button>
  );
}
