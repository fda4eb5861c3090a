import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes fields with commas, quotes and line breaks and keeps Vietnamese letters', () => {
    const csv = toCsv(['Mã', 'Người nộp'], [['NA-1', 'Nguyễn Văn "Ba", Đô Lương'], ['NA-2', 'a\nb']]);
    expect(csv).toBe('\ufeffMã,Người nộp\r\nNA-1,"Nguyễn Văn ""Ba"", Đô Lương"\r\nNA-2,"a\nb"\r\n');
  });
});
