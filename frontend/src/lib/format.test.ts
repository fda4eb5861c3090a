import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, todayInVietnam } from './format';

describe('formatDate', () => {
  it('writes dd/MM/yyyy in Vietnamese and day month year in English', () => {
    expect(formatDate('2024-03-05', 'vi')).toBe('05/03/2024');
    expect(formatDate('2024-03-05', 'en')).toBe('5 Mar 2024');
  });

  it('never shifts a calendar date by the browser’s time zone', () => {
    expect(formatDate('2025-07-01', 'vi')).toBe('01/07/2025');
    expect(formatDate('2021-12-31', 'en')).toBe('31 Dec 2021');
  });

  it('gives back what it cannot read, and nothing for nothing', () => {
    expect(formatDate('not a date', 'vi')).toBe('not a date');
    expect(formatDate(null, 'vi')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('shows the time in Vietnam whatever the offset of the instant', () => {
    expect(formatDateTime('2024-03-05T07:30:00Z', 'vi')).toBe('05/03/2024 14:30');
    expect(formatDateTime('2024-03-05T14:30:00+07:00', 'en')).toBe('5 Mar 2024, 14:30');
  });

  it('moves to the next day in Vietnam late in the UTC evening', () => {
    expect(formatDateTime('2024-02-09T18:00:00Z', 'vi')).toBe('10/02/2024 01:00');
  });
});

describe('todayInVietnam', () => {
  it('is already tomorrow in Vietnam at 20:00 UTC', () => {
    expect(todayInVietnam(new Date('2024-12-31T20:00:00Z'))).toBe('2025-01-01');
    expect(todayInVietnam(new Date('2024-12-31T10:00:00Z'))).toBe('2024-12-31');
  });
});

describe('formatNumber', () => {
  it('groups digits the local way', () => {
    expect(formatNumber(20345, 'vi')).toBe('20.345');
    expect(formatNumber(20345, 'en')).toBe('20,345');
  });
});
