/**
 * The print view: A4 with margins, only the report (no site header, menu, footer, form or tools), tables whose rows
 * do not split across pages and whose headings repeat, headings kept with what follows. Plain CSS, no script.
 */
const CSS = `
@page { size: A4; margin: 18mm 16mm 18mm 20mm; }
@media print {
  body > header, body > footer, body > a[href="#main"], .report-screen-only { display: none !important; }
  main { max-width: none !important; padding: 0 !important; }
  body { font-size: 11pt; color: #000; background: #fff; }
  .report-document { font-size: 11pt; }
  .report-document h2 { font-size: 14pt; }
  .report-document h3 { font-size: 12pt; break-after: avoid; page-break-after: avoid; }
  .report-document table { width: 100%; min-width: 0 !important; }
  .report-document thead { display: table-header-group; }
  .report-document tr, .report-document dl > div { break-inside: avoid; page-break-inside: avoid; }
  .report-document [role="region"] { overflow: visible !important; border: 0 !important; }
  .report-document .text-zinc-700, .report-document .text-zinc-800 { color: #000 !important; }
  a { color: #000; text-decoration: none; }
}
`;

export function PrintStyles() {
  return <style>{CSS}</style>;
}
