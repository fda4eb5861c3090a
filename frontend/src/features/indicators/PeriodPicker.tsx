import { Group, NativeSelect, SegmentedControl, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { todayInVietnam } from '../../lib/format';
import { PERIOD_KINDS, addMonths, monthsBetween, parseYearMonth, periodMonths, type Period, type PeriodKind } from './dashboardParams';

/** Years the picker offers: from the first year with data to this one. */
export function pickableYears(today: string = todayInVietnam()): number[] {
  const current = Number(today.slice(0, 4));
  const years: number[] = [];
  for (let year = current; year >= 2020; year -= 1) years.push(year);
  return years;
}

/** The same stretch of time seen as another kind of period. */
export function switchKind(period: Period, kind: PeriodKind): Period {
  const { from, to } = periodMonths(period);
  const last = parseYearMonth(to);
  switch (kind) {
    case 'month':
      return { ...period, kind, year: last.year, number: last.month };
    case 'quarter':
      return { ...period, kind, year: last.year, number: Math.ceil(last.month / 3) };
    case 'year':
      return { ...period, kind, year: last.year };
    case 'custom':
      return { ...period, kind, from, to };
  }
}

/** The longest custom period the API accepts, in months. */
export const MAX_CUSTOM_MONTHS = 120;

/**
 * A custom period with one end moved; the other end follows when the run would be backwards or
 * longer than the API accepts, so the picker never shows a period the server would refuse.
 */
export function withCustomMonths(period: Period, month: string, end: 'from' | 'to'): Period {
  let { from, to } = period;
  if (end === 'from') {
    from = month;
    if (to < from) to = from;
    if (monthsBetween(from, to) > MAX_CUSTOM_MONTHS) to = addMonths(from, MAX_CUSTOM_MONTHS - 1);
  } else {
    to = month;
    if (to < from) from = to;
    if (monthsBetween(from, to) > MAX_CUSTOM_MONTHS) from = addMonths(to, -(MAX_CUSTOM_MONTHS - 1));
  }
  return { ...period, from, to };
}

/** Month, quarter, year or a run of months. */
export function PeriodPicker({ value, onChange }: { value: Period; onChange: (period: Period) => void }) {
  const { t } = useTranslation('indicators');
  const years = pickableYears().map((year) => ({ value: String(year), label: String(year) }));
  if (!years.some((y) => y.value === String(value.year))) years.push({ value: String(value.year), label: String(value.year) });
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="period-picker">
      <SegmentedControl
        aria-label={t('period.kind')}
        value={value.kind}
        onChange={(kind) => onChange(switchKind(value, kind as PeriodKind))}
        data={PERIOD_KINDS.map((kind) => ({ value: kind, label: t(`period.kinds.${kind}`) }))}
        data-testid="period-kind"
      />
      {value.kind !== 'custom' && (
        <NativeSelect
          label={t('period.year')}
          value={String(value.year)}
          data={years}
          onChange={(event) => onChange({ ...value, year: Number(event.currentTarget.value) })}
          data-testid="period-year"
        />
      )}
      {value.kind === 'month' && (
        <NativeSelect
          label={t('period.month')}
          value={String(value.number)}
          data={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: t('period.monthName', { month: i + 1 }) }))}
          onChange={(event) => onChange({ ...value, number: Number(event.currentTarget.value) })}
          data-testid="period-month"
        />
      )}
      {value.kind === 'quarter' && (
        <NativeSelect
          label={t('period.quarter')}
          value={String(value.number)}
          data={[1, 2, 3, 4].map((q) => ({ value: String(q), label: t('period.quarterName', { quarter: q }) }))}
          onChange={(event) => onChange({ ...value, number: Number(event.currentTarget.value) })}
          data-testid="period-quarter"
        />
      )}
      {value.kind === 'custom' && (
        <>
          <TextInput
            type="month"
            label={t('period.from')}
            value={value.from}
            onChange={(event) => event.currentTarget.value && onChange(withCustomMonths(value, event.currentTarget.value, 'from'))}
            data-testid="period-from"
          />
          <TextInput
            type="month"
            label={t('period.to')}
            value={value.to}
            onChange={(event) => event.currentTarget.value && onChange(withCustomMonths(value, event.currentTarget.value, 'to'))}
            data-testid="period-to"
          />
        </>
      )}
    </Group>
  );
}
