import { describe, expect, it } from 'vitest';
import {
  dashboardSearchParams,
  defaultDelaysMonth,
  delaysMonthOf,
  indicatorPath,
  parseDashboardParams,
  periodAsOf,
  periodInput,
  trendMonths,
  type Period,
} from './dashboardParams';
import { gaugeAngle } from './Gauge';
import { switchKind, withCustomMonths } from './PeriodPicker';

const TODAY = '2026-11-24';
const parse = (query: string) => parseDashboardParams(new URLSearchParams(query), TODAY);
const period = (p: Partial<Period>): Period => ({ kind: 'year', year: 2026, number: 11, from: '2026-01', to: '2026-11', ...p });

describe('the dashboard state in the URL', () => {
  it('opens on the current year, the reader’s landing tab, the caller’s unit with its subunits', () => {
    const state = parse('');
    expect(state.period.kind).toBe('year');
    expect(periodInput(state.period)).toEqual({ kind: 'YEAR', year: 2026 });
    expect(state.tab).toBeUndefined();
    expect(state.unit).toBeUndefined();
    expect(state.includeSubunits).toBe(true);
    expect(state.within).toBe(3);
    expect(delaysMonthOf(state, TODAY)).toBe('2026-10');
  });

  it('reads each kind of period and gives the API the same period', () => {
    expect(periodInput(parse('period=month&y=2025&n=3').period)).toEqual({ kind: 'MONTH', year: 2025, number: 3 });
    expect(periodInput(parse('period=quarter&y=2024&n=4').period)).toEqual({ kind: 'QUARTER', year: 2024, number: 4 });
    expect(periodInput(parse('period=year&y=2023').period)).toEqual({ kind: 'YEAR', year: 2023 });
    expect(periodInput(parse('period=custom&from=2021-07&to=2023-11').period)).toEqual({ kind: 'CUSTOM', from: '2021-07-01', to: '2023-11-01' });
  });

  it('falls back to the current year for a malformed period instead of failing', () => {
    for (const query of ['period=month&y=2025&n=13', 'period=quarter&y=2025&n=5', 'period=week&y=2025', 'period=custom&from=2025-06&to=2025-01', 'period=year&y=abc']) {
      expect(periodInput(parse(query).period)).toEqual({ kind: 'YEAR', year: 2026 });
    }
  });

  it('round-trips through the query string, defaults left out', () => {
    const state = parse('unit=VW5pdDoy&sub=0&period=quarter&y=2025&n=2&tab=ranking&level=DISTRICT&within=7&dm=2025-03');
    const written = dashboardSearchParams(state, TODAY);
    expect(written.toString()).toBe('unit=VW5pdDoy&sub=0&period=quarter&y=2025&n=2&tab=ranking&level=DISTRICT&within=7&dm=2025-03');
    expect(parseDashboardParams(written, TODAY)).toEqual(state);
    expect(dashboardSearchParams(parse('period=year&y=2024'), TODAY).toString()).toBe('period=year&y=2024');
  });

  it('lets the delays month follow a new period unless the reader picked one', () => {
    const state = parse('period=quarter&y=2025&n=2');
    const moved = { ...state, period: { ...state.period, number: 3 } };
    expect(delaysMonthOf(moved, TODAY)).toBe('2025-09');
    expect(dashboardSearchParams(moved, TODAY).has('dm')).toBe(false);
  });

  it('offers only ended months for the delays list, the period’s last one by default', () => {
    expect(delaysMonthOf(parse('period=quarter&y=2025&n=2'), TODAY)).toBe('2025-06');
    expect(delaysMonthOf(parse('dm=2026-11'), TODAY)).toBe('2026-10');
    expect(delaysMonthOf(parse('period=quarter&y=2025&n=2&dm=2024-01'), TODAY)).toBe('2024-01');
    expect(defaultDelaysMonth(period({ kind: 'month', year: 2026, number: 11 }), TODAY)).toBe('2026-10');
  });

  it('draws the trend over the period’s months, or the 12 months up to a short period', () => {
    expect(trendMonths(period({ kind: 'year', year: 2025 }))).toEqual({ from: '2025-01', to: '2025-12' });
    expect(trendMonths(period({ kind: 'month', year: 2025, number: 3 }))).toEqual({ from: '2024-04', to: '2025-03' });
    expect(trendMonths(period({ kind: 'custom', from: '2015-01', to: '2024-12' }))).toEqual({ from: '2020-01', to: '2024-12' });
  });

  it('reads the unit tree as of the period’s last day, or today while the period runs', () => {
    expect(periodAsOf(period({ kind: 'quarter', year: 2024, number: 1 }), TODAY)).toBe('2024-03-31');
    expect(periodAsOf(period({ kind: 'month', year: 2024, number: 2 }), TODAY)).toBe('2024-02-29');
    expect(periodAsOf(period({ kind: 'year', year: 2026 }), TODAY)).toBe(TODAY);
  });

  it('links the drill-down with the unit, scope, period and side of the fraction', () => {
    expect(indicatorPath('DOSSIERS_RESOLVED_ON_TIME', 'VW5pdDox', false, period({ kind: 'month', year: 2025, number: 5 }), 'DENOMINATOR')).toBe(
      '/dashboard/indicators/DOSSIERS_RESOLVED_ON_TIME?unit=VW5pdDox&sub=0&period=month&y=2025&n=5&part=denominator',
    );
  });
});

describe('the period picker', () => {
  it('keeps the same stretch of time when the kind changes', () => {
    const may = period({ kind: 'month', year: 2025, number: 5 });
    expect(switchKind(may, 'quarter')).toMatchObject({ kind: 'quarter', year: 2025, number: 2 });
    expect(switchKind(period({ kind: 'quarter', year: 2025, number: 3 }), 'month')).toMatchObject({ kind: 'month', year: 2025, number: 9 });
    expect(switchKind(period({ kind: 'quarter', year: 2025, number: 3 }), 'custom')).toMatchObject({ kind: 'custom', from: '2025-07', to: '2025-09' });
  });

  it('never builds a backwards or over-long custom period', () => {
    const custom = period({ kind: 'custom', from: '2025-01', to: '2025-06' });
    expect(withCustomMonths(custom, '2025-09', 'from')).toMatchObject({ from: '2025-09', to: '2025-09' });
    expect(withCustomMonths(custom, '2024-11', 'to')).toMatchObject({ from: '2024-11', to: '2024-11' });
    expect(withCustomMonths(custom, '2010-01', 'from')).toMatchObject({ from: '2010-01', to: '2019-12' });
  });
});

describe('the gauge', () => {
  it('points left at 0, up at 50 and right at 100, and stays on the dial beyond', () => {
    expect(gaugeAngle(0)).toBe(180);
    expect(gaugeAngle(50)).toBe(90);
    expect(gaugeAngle(82.5)).toBeCloseTo(31.5);
    expect(gaugeAngle(100)).toBe(0);
    expect(gaugeAngle(120)).toBe(0);
    expect(gaugeAngle(-5)).toBe(180);
  });
});
