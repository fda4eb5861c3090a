import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../test/downloads';
import { cellText, collectPages, exportFile, percent, points, type ConnectionPage } from './tableExport';

/** A connection of `total` numbered rows served `size` at a time, recording the cursors asked for. */
function pagedList(total: number, size: number) {
  const asked: (string | null)[] = [];
  const fetchPage = async (after: string | null): Promise<ConnectionPage<number>> => {
    asked.push(after);
    const from = after ? Number(after) : 0;
    const nodes = Array.from({ length: Math.min(size, total - from) }, (_, i) => from + i);
    const end = from + nodes.length;
    return { totalCount: total, pageInfo: { hasNextPage: end < total, endCursor: String(end) }, nodes };
  };
  return { asked, fetchPage };
}

describe('collectPages', () => {
  it('walks a list from its first page to its last, reporting how far it got', async () => {
    const list = pagedList(250, 100);
    const progress: [number, number][] = [];
    const all = await collectPages(list.fetchPage, (loaded, total) => progress.push([loaded, total]));

    expect(list.asked).toEqual([null, '100', '200']);
    expect(all.rows).toHaveLength(250);
    expect(all.rows[249]).toBe(249);
    expect(all).toMatchObject({ totalCount: 250, capped: false });
    expect(progress).toEqual([
      [100, 250],
      [200, 250],
      [250, 250],
    ]);
  });

  it('stops at the cap and says the list was cut short', async () => {
    const list = pagedList(12_345, 100);
    const all = await collectPages(list.fetchPage, () => {}, 1_000);

    expect(list.asked).toHaveLength(10);
    expect(all.rows).toHaveLength(1_000);
    expect(all).toMatchObject({ totalCount: 12_345, capped: true });
  });

  it('keeps a list exactly as long as the cap whole', async () => {
    const all = await collectPages(pagedList(200, 100).fetchPage, () => {}, 200);
    expect(all).toMatchObject({ totalCount: 200, capped: false });
  });

  it('stops instead of looping when the server repeats a cursor', async () => {
    let calls = 0;
    const all = await collectPages(async () => {
      calls++;
      return { totalCount: 500, pageInfo: { hasNextPage: true, endCursor: 'same' }, nodes: [calls] };
    });
    expect(calls).toBe(2);
    expect(all.rows).toEqual([1, 2]);
  });
});

describe('the exported cells and files', () => {
  it('keeps points to two decimals and rates as percent with one', () => {
    expect(points(15.166666)).toBe(15.17);
    expect(percent(0.85349)).toBe(85.3);
    expect(percent(1)).toBe(100);
  });

  it('writes numbers in the reader’s notation in CSV, without thousands separators', () => {
    expect(cellText(1207, 'vi')).toBe('1207');
    expect(cellText(82.5, 'vi')).toBe('82,5');
    expect(cellText(82.5, 'en')).toBe('82.5');
    expect(cellText(null, 'vi')).toBe('');
    expect(cellText('Sở Y tế', 'vi')).toBe('Sở Y tế');
  });

  it('names the file after the table and the day, numbers numeric in the workbook', async () => {
    const table = { header: ['Đơn vị', 'Tổng điểm'], rows: [['Sở Y tế', 82.5]] };
    const csv = exportFile(table, 'xep-hang', 'csv', 'vi', '2026-11-24');
    const xlsx = exportFile(table, 'xep-hang', 'xlsx', 'vi', '2026-11-24');

    expect(csv.filename).toBe('xep-hang-2026-11-24.csv');
    // A byte-order mark first, so Excel reads the Vietnamese letters as UTF-8.
    expect([...new Uint8Array(await csv.blob.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(await csv.blob.text()).toMatch(/Đơn vị,Tổng điểm\r\nSở Y tế,"82,5"\r\n$/);
    expect(xlsx.filename).toBe('xep-hang-2026-11-24.xlsx');
    expect(xlsx.blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await readXlsx(xlsx.blob)).toEqual([
      ['Đơn vị', 'Tổng điểm'],
      ['Sở Y tế', 82.5],
    ]);
  });
});
