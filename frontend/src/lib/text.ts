/**
 * Lower case without Vietnamese diacritics (`Đô Lương` → `do luong`), for filtering short lists in the
 * browser the way the server filters long ones.
 */
export function foldDiacritics(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}
