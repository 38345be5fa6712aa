import { ScrollRegion } from "@/components/scroll-region";

export type ColumnRow = { name: string; type: string; meaning: string };

/** A format's columns: name, type and meaning (a real table, readable on a phone by scrolling sideways). */
export function ColumnTable({ caption, label, rows, headings }: { caption: string; label: string; rows: ColumnRow[]; headings: { column: string; type: string; meaning: string } }) {
  return (
    <ScrollRegion label={label}>
      <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
        <caption className="mb-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-zinc-300">
            <th scope="col" className="py-2 pr-4">{headings.column}</th>
            <th scope="col" className="py-2 pr-4">{headings.type}</th>
            <th scope="col" className="py-2">{headings.meaning}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} className="border-b border-zinc-200 align-top">
              <th scope="row" className="py-2 pr-4 font-mono text-xs font-semibold">{r.name}</th>
              <td className="py-2 pr-4 text-zinc-700">{r.type}</td>
              <td className="py-2">{r.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
