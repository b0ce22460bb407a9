import type { PrintableDocument } from './printable';

export type { PrintableDocument } from './printable';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const STYLE = `
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #000; max-width: 190mm; margin: 12mm auto; font-size: 10.5pt; line-height: 1.5; }
h1 { text-align: center; font-size: 18pt; margin: 0 0 2mm; }
.subtitle { text-align: center; color: #444; margin: 0 0 6mm; }
dl.meta { display: grid; grid-template-columns: 28mm 1fr; gap: 1mm 4mm; margin: 0 0 6mm; }
dl.meta dt { color: #555; } dl.meta dd { margin: 0; }
h2 { font-size: 13pt; border-bottom: 0.5pt solid #999; margin: 6mm 0 2mm; padding-bottom: 1mm; }
p { margin: 0 0 2mm; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; page-break-inside: auto; }
th, td { border: 0.5pt solid #999; padding: 1mm 1.5mm; text-align: left; vertical-align: top; white-space: pre-wrap; }
thead { display: table-header-group; } th { background: #eee; } tr { page-break-inside: avoid; }
footer { margin-top: 8mm; color: #666; font-size: 8.5pt; text-align: center; }
@page { size: A4; margin: 15mm; }
@media print { body { margin: 0 auto; } }
`;

/** A printable HTML page of the document: every text escaped, no script, print styles for A4. */
export function renderHtml(doc: PrintableDocument): string {
  const e = escapeHtml;
  const parts: string[] = [];
  parts.push(`<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>${e(doc.title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>`);
  parts.push(`<h1>${e(doc.title)}</h1>`);
  if (doc.subtitle) parts.push(`<p class="subtitle">${e(doc.subtitle)}</p>`);
  if (doc.meta.length) parts.push(`<dl class="meta">${doc.meta.map(([label, value]) => `<dt>${e(label)}</dt><dd>${e(value || '—')}</dd>`).join('')}</dl>`);
  for (const section of doc.sections) {
    parts.push(`<section>\n<h2>${e(section.heading)}</h2>`);
    for (const paragraph of section.paragraphs ?? []) parts.push(`<p>${e(paragraph)}</p>`);
    if (section.table && section.table.columns.length) {
      const { columns, rows } = section.table;
      parts.push(
        `<table>\n<thead><tr>${columns.map((c) => `<th>${e(c)}</th>`).join('')}</tr></thead>\n<tbody>\n${rows
          .map((row) => `<tr>${columns.map((_, i) => `<td>${e(row[i] ?? '')}</td>`).join('')}</tr>`)
          .join('\n')}\n</tbody>\n</table>`,
      );
    }
    parts.push('</section>');
  }
  if (doc.footer) parts.push(`<footer>${e(doc.footer)}</footer>`);
  parts.push('</body>\n</html>\n');
  return parts.join('\n');
}
