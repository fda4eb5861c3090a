import type { IndicatorBand, IndicatorGroup } from '../../gql/graphql';

/** The six groups in the order of Decision 766. */
export const GROUPS = [
  'PUBLICITY',
  'PROGRESS',
  'ONLINE_SERVICES',
  'ONLINE_PAYMENT',
  'DIGITISATION',
  'SATISFACTION',
] as const satisfies readonly IndicatorGroup[];

/** Colours of the bands, weakest first: the gauge's arcs and the badges. */
export const BAND_COLOURS: Record<IndicatorBand, string> = {
  WEAK: 'red',
  AVERAGE: 'orange',
  GOOD: 'blue',
  EXCELLENT: 'teal',
};

function locale(language: string | undefined): string {
  return (language ?? '').startsWith('en') ? 'en-GB' : 'vi-VN';
}

/** Points with at most two decimals (`82,5` in Vietnamese, `82.5` in English). */
export function formatPoints(value: number, language: string | undefined): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 2 }).format(value);
}

/** A rate between 0 and 1 as a percentage with at most one decimal (`87,5 %`, `87.5%`). */
export function formatRate(rate: number, language: string | undefined): string {
  return new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** The text of a server-given name or formula in the reader's language. */
export function localized(text: { vi: string; en: string }, language: string | undefined): string {
  return (language ?? '').startsWith('en') ? text.en : text.vi;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A month (`2025-03` or any day of it) as `03/2025` in Vietnamese, `Mar 2025` in English. */
export function formatMonth(value: string, language: string | undefined): string {
  const year = value.slice(0, 4);
  const month = value.slice(5, 7);
  return (language ?? '').startsWith('en') ? `${EN_MONTHS[Number(month) - 1]} ${year}` : `${month}/${year}`;
}
