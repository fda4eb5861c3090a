import { vi } from 'vitest';

/** A file the page made the browser save. */
export interface SavedFile {
  name: string;
  blob: Blob;
}

/**
 * Catches the files the page saves (a blob URL on a clicked link) instead of letting jsdom try to
 * navigate; restore with `vi.restoreAllMocks()`.
 */
export function captureDownloads(): SavedFile[] {
  const saved: SavedFile[] = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  }) as never;
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.getAttribute('href') ?? '');
    if (blob) saved.push({ name: this.download, blob });
  });
  return saved;
}

/** The entries of a ZIP archive stored without compression, as the SPA's XLSX writer makes them. */
export function unzipStored(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const endAt = bytes.length - 22;
  if (view.getUint32(endAt, true) !== 0x06054b50) throw new Error('Not a ZIP archive');
  const count = view.getUint16(endAt + 10, true);
  let at = view.getUint32(endAt + 16, true);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const start = local + 30 + view.getUint16(local + 26, true);
    files.set(name, decoder.decode(bytes.subarray(start, start + size)));
    at += 46 + nameLength;
  }
  return files;
}

/** A cell of a worksheet as a spreadsheet reads it: a number, text, or empty. */
export type ReadCell = number | string | null;

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0];
  return [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

/** The first sheet of an .xlsx file as rows of cells, numbers as numbers. */
export async function readXlsx(blob: Blob): Promise<ReadCell[][]> {
  const files = unzipStored(new Uint8Array(await blob.arrayBuffer()));
  const xml = files.get('xl/worksheets/sheet1.xml');
  if (!xml) throw new Error('No sheet1.xml in the workbook');
  const sheet = new DOMParser().parseFromString(xml, 'application/xml');
  return [...sheet.getElementsByTagName('row')].map((row) => {
    const cells: ReadCell[] = [];
    for (const c of row.getElementsByTagName('c')) {
      const index = columnIndex(c.getAttribute('r') ?? 'A');
      while (cells.length < index) cells.push(null);
      cells.push(c.getAttribute('t') === 'inlineStr' ? (c.getElementsByTagName('t')[0]?.textContent ?? '') : Number(c.getElementsByTagName('v')[0]?.textContent));
    }
    return cells;
  });
}

/** The lines of a CSV file, without its byte-order mark. */
export async function csvLines(blob: Blob): Promise<string[]> {
  return (await blob.text()).replace(/^\ufeff/, '').trimEnd().split('\r\n');
}
