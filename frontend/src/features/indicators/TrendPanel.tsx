import { useQuery } from '@apollo/client/react';
import { Alert, Group, MultiSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql/gql';
import type { IndicatorTrendQuery } from '../../gql/graphql';
import { lastDayOf, trendMonths, type Period } from './dashboardParams';
import { trendCsv } from './indicatorCsv';
import { cellText } from './tableExport';
import { GROUPS, formatMonth, formatPoints } from './indicatorFormat';
import { ExportButtons } from './parts';
import { TrendChart, type TrendSeries } from './TrendChart';

export const IndicatorTrendQueryDocument = graphql(`
  query IndicatorTrend($unit: ID!, $includeSubunits: Boolean, $from: Date!, $to: Date!) {
    indicatorTrend(unit: $unit, includeSubunits: $includeSubunits, from: $from, to: $to) {
      unit {
        id
        code
        name
      }
      period {
        from
        to
      }
      ruleSet {
        id
        excellentFrom
        goodFrom
        averageFrom
      }
      total
      band
      groups {
        group
        points
      }
    }
  }
`);

type Month = IndicatorTrendQuery['indicatorTrend'][number];

/** At most this many units on one chart (each is a query of its own). */
export const MAX_COMPARED = 4;

export interface TrendScope {
  unit: string;
  includeSubunits: boolean;
  period: Period;
}

/** One unit's monthly totals; reports them upwards so one chart draws every unit. */
function useTrend(unit: string, scope: TrendScope) {
  const { from, to } = trendMonths(scope.period);
  return useQuery(IndicatorTrendQueryDocument, {
    variables: { unit, includeSubunits: scope.includeSubunits, from: `${from}-01`, to: lastDayOf(to) },
  });
}

interface Loaded {
  months?: Month[];
  failed: boolean;
}

function TrendLoader({ unit, scope, onData }: { unit: string; scope: TrendScope; onData: (unit: string, loaded: Loaded | undefined) => void }) {
  const query = useTrend(unit, scope);
  const months = query.data?.indicatorTrend;
  const failed = Boolean(query.error);
  useEffect(() => {
    onData(unit, { months, failed });
  }, [unit, months, failed, onData]);
  useEffect(() => () => onData(unit, undefined), [unit, onData]);
  return null;
}

/** Monthly totals of the chosen unit, and of up to four others to compare, as lines and as a table. */
export function TrendPanel({ scope, unitOptions }: { scope: TrendScope; unitOptions: { value: string; label: string }[] }) {
  const { t, i18n } = useTranslation(['indicators', 'common']);
  const language = i18n.language;
  const main = useTrend(scope.unit, scope);
  const [compared, setCompared] = useState<string[]>([]);
  const [others, setOthers] = useState<Record<string, Loaded | undefined>>({});
  const onData = useCallback(
    (unit: string, loaded: Loaded | undefined) =>
      setOthers((prev) => (prev[unit]?.months === loaded?.months && prev[unit]?.failed === loaded?.failed ? prev : { ...prev, [unit]: loaded })),
    [],
  );

  const months = main.data?.indicatorTrend;
  if (main.error && !months) return <ErrorMessage error={main.error} onRetry={() => void main.refetch()} />;
  if (!months) return <Loading label={t('trend.loading')} />;

  const monthLabel = (m: Month) => formatMonth(m.period.from, language);
  const toSeries = (list: Month[]): TrendSeries => ({
    name: list[0]?.unit.name ?? '',
    points: list.map((m) => ({
      label: monthLabel(m),
      total: m.total,
      band: m.band,
      description: t('trend.pointLabel', { month: monthLabel(m), total: formatPoints(m.total, language), band: t(`band.${m.band}`) }),
    })),
  });
  const series = [toSeries(months), ...compared.map((unit) => others[unit]?.months).filter((list): list is Month[] => Boolean(list?.length)).map(toSeries)];
  const thresholds = months[months.length - 1]?.ruleSet ?? { excellentFrom: 90, goodFrom: 70, averageFrom: 50 };
  const groupNames = GROUPS.map((group) => t(`groupShort.${group}`));
  const failedUnits = unitOptions.filter((option) => compared.includes(option.value) && others[option.value]?.failed).map((option) => option.label);
  const csvRows = [months, ...compared.map((unit) => others[unit]?.months ?? [])].flatMap((list) => trendCsv(list[0]?.unit.name ?? '', list, groupNames, t).rows);
  const csvHeader = trendCsv('', [], groupNames, t).header;

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={3} size="h4">
            {t('trend.title')}
          </Title>
          <Group gap="xs" align="flex-end" wrap="wrap">
            <MultiSelect
              label={t('trend.compare')}
              placeholder={compared.length < MAX_COMPARED ? t('trend.comparePlaceholder') : undefined}
              data={unitOptions.filter((option) => option.value !== scope.unit)}
              value={compared}
              onChange={(value) => setCompared(value.slice(0, MAX_COMPARED))}
              maxValues={MAX_COMPARED}
              searchable
              clearable
              w={320}
              data-testid="trend-compare"
            />
            <ExportButtons name={t('csv.trend')} table={{ header: csvHeader, rows: csvRows }} testId="trend-export" />
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {t('trend.help')}
        </Text>
        {compared.map((unit) => (
          <TrendLoader key={unit} unit={unit} scope={scope} onData={onData} />
        ))}
        {failedUnits.length > 0 && (
          <Alert color="red" role="alert" data-testid="trend-compare-failed">
            {t('trend.compareFailed', { units: failedUnits.join(', ') })}
          </Alert>
        )}
        <TrendChart series={series} thresholds={thresholds} ariaLabel={t('trend.chartLabel', { unit: series[0]?.name ?? '' })} />
        <Group gap="md" wrap="wrap" data-testid="trend-legend">
          {series.map((s, index) => (
            <Text key={s.name} size="xs">
              {index + 1}. {s.name}
            </Text>
          ))}
        </Group>
        <details>
          <summary>
            <Text span size="sm">
              {t('trend.asTable')}
            </Text>
          </summary>
          <Table.ScrollContainer minWidth={600}>
            <Table data-testid="trend-table">
              <Table.Thead>
                <Table.Tr>
                  {csvHeader.map((name) => (
                    <Table.Th key={name}>{name}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {csvRows.map((row, index) => (
                  <Table.Tr key={index}>
                    {row.map((cell, i) => (
                      <Table.Td key={i} fz="sm">
                        {cellText(cell, language)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </details>
      </Stack>
    </Paper>
  );
}
