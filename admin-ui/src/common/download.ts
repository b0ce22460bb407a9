/**
 * Saves text as a file. Excel opens a UTF-8 CSV with Chinese text correctly only when it starts
 * with a byte-order mark, so one is added if the server did not send it.
 */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const body = text.startsWith('\uFEFF') ? text : `\uFEFF${text}`;
  const url = URL.createObjectURL(new Blob([body], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
