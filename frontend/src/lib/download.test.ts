import { describe, expect, it } from 'vitest';
import { fileNameFromDisposition, withQueryParam } from './download';

describe('download', () => {
  it('reads the file name the server gives, the UTF-8 form first', () => {
    expect(fileNameFromDisposition("attachment; filename=\"plan.xlsx\"; filename*=UTF-8''s%E1%BB%91-li%E1%BB%87u.xlsx")).toBe('số-liệu.xlsx');
    expect(fileNameFromDisposition('attachment; filename="plan 2960.csv"')).toBe('plan 2960.csv');
    expect(fileNameFromDisposition('attachment')).toBeUndefined();
    expect(fileNameFromDisposition(null)).toBeUndefined();
  });

  it('adds a query parameter whether or not the URL has some', () => {
    expect(withQueryParam('/api/x', 'format', 'xlsx')).toBe('/api/x?format=xlsx');
    expect(withQueryParam('/api/x?plan=1', 'format', 'csv')).toBe('/api/x?plan=1&format=csv');
  });
});
