/**
 * Dates as clerks read them. Vietnamese: `05/03/2024` and `05/03/2024 14:30`; English: `5 Mar 2024`
 * and `5 Mar 2024, 14:30`. Times are shown in Vietnam's time zone whatever the browser's is, because
 * the receipt slip and the deadline rules use it.
 */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isEnglish(language: string | undefined): boolean {
  return (language ?? '').startsWith('en');
}

function formatParts(year: string, month: string, day: string, language: string | undefined): string {
  if (isEnglish(language)) {
    return `${Number(day)} ${EN_MONTHS[Number(month) - 1]} ${year}`;
  }
  return `${day}/${month}/${year}`;
}

/** A calendar date (`2024-03-05`) without any time-zone shift; null and malformed values come back as given. */
export function formatDate(iso: string | null | undefined, language: string | undefined): string {
  if (!iso) return '';
  const match = ISO_DATE.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  return formatParts(year!, month!, day!, language);
}

function vietnamParts(date: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: VIETNAM_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '';
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** An instant (`2024-03-05T07:30:00Z`) as date and time in Vietnam. */
export function formatDateTime(iso: string | null | undefined, language: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const { year, month, day, hour, minute } = vietnamParts(date);
  const time = `${hour}:${minute}`;
  return isEnglish(language) ? `${formatParts(year, month, day, language)}, ${time}` : `${formatParts(year, month, day, language)} ${time}`;
}

/** Today's date in Vietnam as `yyyy-MM-dd`: the day the deadline rules compare with. */
export function todayInVietnam(now: Date = new Date()): string {
  const { year, month, day } = vietnamParts(now);
  return `${year}-${month}-${day}`;
}

/** A number with the locale's digit grouping (`1.234` in Vietnamese, `1,234` in English). */
export function formatNumber(value: number, language: string | undefined): string {
  return new Intl.NumberFormat(isEnglish(language) ? 'en-GB' : 'vi-VN').format(value);
}

/** A share (0.122 → `12,2%` in Vietnamese, `12.2%` in English), at most one decimal. */
export function formatPercent(share: number, language: string | undefined): string {
  return new Intl.NumberFormat(isEnglish(language) ? 'en-GB' : 'vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(share);
}
