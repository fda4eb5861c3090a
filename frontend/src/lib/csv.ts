import { saveBlob } from './download';

/** One CSV field, quoted when it holds a separator, a quote or a line break (RFC 4180). */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * CSV text for a header and rows, lines ending in CRLF, starting with a byte-order mark so Excel
 * reads Vietnamese letters as UTF-8.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\ufeff${[header, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

/** Makes the browser save `content` as a file. */
export function downloadText(filename: string, content: string, type = 'text/csv;charset=utf-8') {
  saveBlob(filename, new Blob([content], { type }));
}
