/**
 * A document to print, independent of the output format: rendered as a PDF (pdf.ts) or as a printable
 * HTML page (html.ts). Plain text only: the renderers do the layout and the escaping.
 */
export interface PrintableTable {
  columns: string[];
  rows: string[][];
}

/** A simple bar chart drawn above the section's table (optional; HTML shows the table only). */
export interface PrintableChart {
  kind: 'bar';
  labels: string[];
  values: number[];
}

export interface PrintableSection {
  heading: string;
  paragraphs?: string[];
  chart?: PrintableChart;
  table?: PrintableTable;
}

export interface PrintableDocument {
  title: string;
  subtitle?: string;
  /** Label and value pairs shown under the title (number, dates, people …). */
  meta: Array<[label: string, value: string]>;
  sections: PrintableSection[];
  /** Printed at the foot of every page (PDF) or of the page (HTML). */
  footer?: string;
}
