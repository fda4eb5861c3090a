import type { IndicatorPart, IndicatorPeriodInput, UnitLevel } from '../../gql/graphql';
import type { Role } from '../../lib/auth/user';
import { todayInVietnam } from '../../lib/format';
import { UNIT_LEVELS, oneOf } from '../../lib/vocabulary';

/** How the period picker offers a period; the URL's `period` parameter. */
export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The dashboard's sections; the URL's `tab` parameter. `work`: the overdue backlog and the nearly-due dossiers. */
export const DASHBOARD_TABS = ['scorecard', 'ranking', 'trend', 'work', 'delays'] as const;
export type DashboardTab = (typeof DASHBOARD_TABS)[number];

/** Tab names of earlier links, still understood. */
const FORMER_TABS: Partial<Record<string, DashboardTab>> = { backlog: 'work', nearlyDue: 'work' };

/**
 * The tabs a reader gets, in order; they land on the first. Inspectors and administrators watch
 * the province: the ranking first. A unit head runs a unit: what to act on first (overdue and
 * nearly-due dossiers), then the delays list they publish. Anyone else the API lets read
 * scorecards (partner systems) gets the scorecard, ranking and trend: the work lists and delays
 * lists are refused to them.
 */
export function dashboardTabs(roles: readonly Role[]): readonly DashboardTab[] {
  if (roles.includes('inspector') || roles.includes('admin')) return ['ranking', 'scorecard', 'trend', 'work', 'delays'];
  if (roles.includes('unit_head')) return ['work', 'delays', 'scorecard', 'trend', 'ranking'];
  return ['scorecard', 'ranking', 'trend'];
}

/** The tab shown: the one the URL names when the reader has it, else the reader's landing tab. */
export function shownTab(tab: DashboardTab | undefined, roles: readonly Role[]): DashboardTab {
  const tabs = dashboardTabs(roles);
  return tab && tabs.includes(tab) ? tab : tabs[0]!;
}

/** Working days ahead the nearly-due list offers (the API allows 0–30). */
export const NEARLY_DUE_CHOICES = [0, 1, 2, 3, 5, 7, 10, 15, 30] as const;
export const DEFAULT_NEARLY_DUE = 3;

/** A month as `yyyy-MM`. */
export type YearMonth = string;

/** A period as the picker holds it. `from`/`to` are whole months (custom periods only). */
export interface Period {
  kind: PeriodKind;
  year: number;
  /** Month 1–12 or quarter 1–4; unused for years and custom periods. */
  number: number;
  from: YearMonth;
  to: YearMonth;
}

/** What the dashboard shows; all of it lives in the URL so a link reproduces the view. */
export interface DashboardState {
  /** Global ID of the unit; the caller's top unit when absent. */
  unit?: string;
  /** Count the units below the unit too (default). */
  includeSubunits: boolean;
  period: Period;
  /** The tab the reader picked; absent, they see their landing tab (see `dashboardTabs`). */
  tab?: DashboardTab;
  /** Ranking: all units of this level below the unit instead of its direct children. */
  rankLevel?: UnitLevel;
  /** Nearly due: working days ahead. */
  within: number;
  /** Delays list: the month, `yyyy-MM`, when the reader picked one (see `delaysMonthOf`). */
  delaysMonth?: YearMonth;
}

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function yearMonth(year: number, month: number): YearMonth {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function parseYearMonth(value: YearMonth): { year: number; month: number } {
  const [year, month] = value.split('-').map(Number);
  return { year: year!, month: month! };
}

/** `value` moved by `months` months. */
export function addMonths(value: YearMonth, months: number): YearMonth {
  const { year, month } = parseYearMonth(value);
  const index = year * 12 + (month - 1) + months;
  return yearMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** Months from `from` to `to`, both included (0 or less when `to` comes first). */
export function monthsBetween(from: YearMonth, to: YearMonth): number {
  const a = parseYearMonth(from);
  const b = parseYearMonth(to);
  return (b.year - a.year) * 12 + (b.month - a.month) + 1;
}

function currentMonth(today: string): YearMonth {
  return today.slice(0, 7);
}

/** The current calendar year in Vietnam: what the dashboard opens on. */
export function defaultPeriod(today: string = todayInVietnam()): Period {
  const month = currentMonth(today);
  const { year, month: m } = parseYearMonth(month);
  return { kind: 'year', year, number: m, from: yearMonth(year, 1), to: month };
}

/** First and last month the period covers. */
export function periodMonths(period: Period): { from: YearMonth; to: YearMonth } {
  switch (period.kind) {
    case 'month':
      return { from: yearMonth(period.year, period.number), to: yearMonth(period.year, period.number) };
    case 'quarter':
      return { from: yearMonth(period.year, period.number * 3 - 2), to: yearMonth(period.year, period.number * 3) };
    case 'year':
      return { from: yearMonth(period.year, 1), to: yearMonth(period.year, 12) };
    case 'custom':
      return { from: period.from, to: period.to };
  }
}

/** The last day of a month, `yyyy-MM-dd`. */
export function lastDayOf(month: YearMonth): string {
  const { year, month: m } = parseYearMonth(month);
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** The period as the API takes it. */
export function periodInput(period: Period): IndicatorPeriodInput {
  switch (period.kind) {
    case 'month':
      return { kind: 'MONTH', year: period.year, number: period.number };
    case 'quarter':
      return { kind: 'QUARTER', year: period.year, number: period.number };
    case 'year':
      return { kind: 'YEAR', year: period.year };
    case 'custom':
      return { kind: 'CUSTOM', from: `${period.from}-01`, to: `${period.to}-01` };
  }
}

/** The trend's months: the period's own when it spans several (at most the last 60), else the 12 months up to it. */
export function trendMonths(period: Period): { from: YearMonth; to: YearMonth } {
  const { from, to } = periodMonths(period);
  const span = monthsBetween(from, to);
  if (span < 2) return { from: addMonths(to, -11), to };
  return span > 60 ? { from: addMonths(to, -59), to } : { from, to };
}

/** The delays list's default month: the period's last month once it has ended, else last month. */
export function defaultDelaysMonth(period: Period, today: string = todayInVietnam()): YearMonth {
  const lastEnded = addMonths(currentMonth(today), -1);
  const end = periodMonths(period).to;
  return end < lastEnded ? end : lastEnded;
}

/** The date the unit tree is read as of for the period: its last day, or today while it runs. */
export function periodAsOf(period: Period, today: string = todayInVietnam()): string {
  const last = lastDayOf(periodMonths(period).to);
  return last < today ? last : today;
}

function integer(value: string | null, min: number, max: number): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

function month(value: string | null): YearMonth | undefined {
  return value && YEAR_MONTH.test(value) ? value : undefined;
}

/** Reads the period from `?period=…&y=…&n=…&from=…&to=…`; anything malformed gives the default period. */
export function parsePeriod(params: URLSearchParams, today: string = todayInVietnam()): Period {
  const fallback = defaultPeriod(today);
  const kind = oneOf(PERIOD_KINDS, params.get('period'));
  if (!kind) return fallback;
  const year = integer(params.get('y'), 2000, 2100);
  if (kind === 'custom') {
    const from = month(params.get('from'));
    const to = month(params.get('to'));
    if (!from || !to || to < from || monthsBetween(from, to) > 120) return fallback;
    return { ...fallback, kind, from, to };
  }
  if (year === undefined) return fallback;
  if (kind === 'year') return { ...fallback, kind, year };
  const number = integer(params.get('n'), 1, kind === 'month' ? 12 : 4);
  if (number === undefined) return fallback;
  return { ...fallback, kind, year, number };
}

/** Writes the period into a query string. */
export function writePeriod(params: URLSearchParams, period: Period): void {
  params.set('period', period.kind);
  if (period.kind === 'custom') {
    params.set('from', period.from);
    params.set('to', period.to);
    return;
  }
  params.set('y', String(period.year));
  if (period.kind !== 'year') params.set('n', String(period.number));
}

/** Reads the whole dashboard state; anything malformed falls back to its default. */
export function parseDashboardParams(params: URLSearchParams, today: string = todayInVietnam()): DashboardState {
  const period = parsePeriod(params, today);
  const within = integer(params.get('within'), 0, 30);
  const delays = month(params.get('dm'));
  return {
    unit: params.get('unit')?.trim() || undefined,
    includeSubunits: params.get('sub') !== '0',
    period,
    tab: oneOf(DASHBOARD_TABS, params.get('tab')) ?? FORMER_TABS[params.get('tab') ?? ''],
    rankLevel: oneOf(UNIT_LEVELS, params.get('level')),
    within: within ?? DEFAULT_NEARLY_DUE,
    delaysMonth: delays && delays <= addMonths(currentMonth(today), -1) ? delays : undefined,
  };
}

/** The query string for a state, defaults left out (the period is always written: links name it). */
export function dashboardSearchParams(state: DashboardState, today: string = todayInVietnam()): URLSearchParams {
  const params = new URLSearchParams();
  if (state.unit) params.set('unit', state.unit);
  if (!state.includeSubunits) params.set('sub', '0');
  writePeriod(params, state.period);
  if (state.tab) params.set('tab', state.tab);
  if (state.rankLevel) params.set('level', state.rankLevel);
  if (state.within !== DEFAULT_NEARLY_DUE) params.set('within', String(state.within));
  if (state.delaysMonth && state.delaysMonth !== defaultDelaysMonth(state.period, today)) params.set('dm', state.delaysMonth);
  return params;
}

/** The delays list's month: the one picked, else the default for the period (which so follows the period). */
export function delaysMonthOf(state: Pick<DashboardState, 'delaysMonth' | 'period'>, today: string = todayInVietnam()): YearMonth {
  return state.delaysMonth ?? defaultDelaysMonth(state.period, today);
}

/** Which side of an indicator's fraction the drill-down lists; the URL's `part` parameter. */
export const PARTS = ['NUMERATOR', 'DENOMINATOR', 'SHORTFALL'] as const satisfies readonly IndicatorPart[];

/** Where the drill-down to an indicator's dossiers or procedures lives. */
export function indicatorPath(code: string, unit: string | undefined, includeSubunits: boolean, period: Period, part?: IndicatorPart): string {
  const params = new URLSearchParams();
  if (unit) params.set('unit', unit);
  if (!includeSubunits) params.set('sub', '0');
  writePeriod(params, period);
  if (part && part !== 'NUMERATOR') params.set('part', part.toLowerCase());
  return `/dashboard/indicators/${encodeURIComponent(code)}?${params.toString()}`;
}

/** The dashboard of a unit (the caller's top unit when none) for a period, on a tab (the reader's landing tab when none). */
export function dashboardPath(unit: string | undefined, includeSubunits: boolean, period: Period, tab?: DashboardTab): string {
  const params = new URLSearchParams();
  if (unit) params.set('unit', unit);
  if (!includeSubunits) params.set('sub', '0');
  writePeriod(params, period);
  if (tab) params.set('tab', tab);
  return `/dashboard?${params.toString()}`;
}
