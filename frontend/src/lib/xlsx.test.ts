/// <reference types="node" />
import { crc32 as nodeCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { columnName, crc32, sheetName, toXlsx } from './xlsx';

/** The archive's entries as read from its central directory, each checked against its local header. */
function unzip(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const endAt = bytes.length - 22;
  expect(view.getUint32(endAt, true)).toBe(0x06054b50);
  const count = view.getUint16(endAt + 10, true);
  let at = view.getUint32(endAt + 16, true);
  const files = new Map<string, string>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    expect(view.getUint32(local, true)).toBe(0x04034b50);
    expect(view.getUint16(local + 8, true)).toBe(0); // stored
    expect(view.getUint32(local + 14, true)).toBe(crc);
    const start = local + 30 + view.getUint16(local + 26, true);
    const data = bytes.subarray(start, start + size);
    expect(nodeCrc32(data)).toBe(crc);
    files.set(name, decoder.decode(data));
    at += 46 + nameLength;
  }
  return files;
}

describe('toXlsx', () => {
  it('writes a ZIP whose checksums Node agrees with, holding the workbook parts Excel needs', () => {
    const files = unzip(toXlsx('Xếp hạng', ['Đơn vị', 'Tổng điểm'], [['Sở Y tế', 91.5]]));
    expect([...files.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(files.get('xl/workbook.xml')).toContain('<sheet name="Xếp hạng" sheetId="1" r:id="rId1"/>');
    expect(files.get('[Content_Types].xml')).toContain('PartName="/xl/worksheets/sheet1.xml"');
  });

  it('keeps numbers as numbers and text as text, with a bold header row', () => {
    const sheet = unzip(toXlsx('t', ['Đơn vị', 'Hồ sơ', 'Tỷ lệ'], [['Sở Y tế', 43, '85,3 %'], ['UBND <xã> & "phường"', 0, null]]))
      .get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">Đơn vị</t></is></c>');
    expect(sheet).toContain('<c r="B2"><v>43</v></c>');
    expect(sheet).toContain('<c r="C2" t="inlineStr"><is><t xml:space="preserve">85,3 %</t></is></c>');
    expect(sheet).toContain('<t xml:space="preserve">UBND &lt;xã&gt; &amp; &quot;phường&quot;</t>');
    expect(sheet).toContain('<c r="B3"><v>0</v></c>');
    expect(sheet).not.toContain('r="C3"');
  });

  it('drops characters XML cannot carry instead of writing a file Excel refuses', () => {
    const sheet = unzip(toXlsx('t', ['a'], [['bell\u0007 here']])).get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('>bell here<');
  });
});

describe('the helpers', () => {
  it('computes the ZIP checksum as zlib does', () => {
    const bytes = new TextEncoder().encode('Trạng thái hồ sơ: đã trả kết quả');
    expect(crc32(bytes)).toBe(nodeCrc32(bytes));
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('makes sheet names Excel accepts', () => {
    expect(sheetName('Tồn đọng: quá hạn/theo [đơn vị]')).toBe('Tồn đọng  quá hạn theo  đơn vị');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName('///')).toBe('Sheet1');
  });
});
