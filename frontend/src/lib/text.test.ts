import { describe, expect, it } from 'vitest';
import { foldDiacritics } from './text';

describe('foldDiacritics', () => {
  it('lets “do luong” find “Đô Lương”', () => {
    expect(foldDiacritics('Ủy ban nhân dân huyện Đô Lương')).toContain('do luong');
    expect(foldDiacritics('Quỳ Hợp')).toBe('quy hop');
  });
});
