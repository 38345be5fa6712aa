"use client";

/**
 * "Print": a plain link to the print version (which works without JavaScript: the reader then uses the browser's
 * Print command); with JavaScript it opens the print dialog at once.
 */
export function PrintButton({ label, href }: { label: string; href: string }) {
  return (
    <a
      href={href}
      className="btn-primary"
      onClick={(event) => {
        if (typeof window.print !== "function") return;
        event.preventDefault();
        window.print();
      }}
    >
      {label}
    </a>
  );
}
