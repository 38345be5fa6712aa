import type { ReactNode } from "react";
import { ScrollRegion } from "@/components/scroll-region";

/** A section of the API documentation, with its heading as the section's name (an anchor for the contents). */
export function DocSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} id={id} className="scroll-mt-4 space-y-3">
      <h2 id={`${id}-title`} className="text-2xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Bullets({ items }: { items: string[] }) {
  return (
    <ul className="max-w-3xl list-disc space-y-2 pl-6 text-zinc-800">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/** A table of two or three columns with a caption, in a box that scrolls sideways on a phone. */
export function DocTable({ region, caption, head, rows, mono = [0] }: { region: string; caption: string; head: string[]; rows: string[][]; mono?: number[] }) {
  return (
    <ScrollRegion label={region}>
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-zinc-300">
            {head.map((h) => (
              <th key={h} scope="col" className="p-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.join("|")} className="border-b border-zinc-200 align-top">
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className={`p-2 font-semibold ${mono.includes(i) ? "font-mono break-all" : ""}`}>
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={`p-2 ${mono.includes(i) ? "font-mono break-all" : ""}`}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** A command to copy: preformatted, scrolling sideways rather than breaking. */
export function Example({ label, code }: { label: string; code: string }) {
  return (
    <figure className="space-y-1">
      <figcaption className="text-zinc-800">{label}</figcaption>
      <pre className="overflow-x-auto rounded-md bg-zinc-900 p-3 text-sm text-zinc-50" tabIndex={0}>
        <code>{code}</code>
      </pre>
    </figure>
  );
}
