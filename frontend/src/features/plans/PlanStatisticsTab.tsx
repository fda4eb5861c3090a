import { useQuery } from '@apollo/client/react';
import { Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { BarList } from '../../components/charts/BarList';
import { StackedBar } from '../../components/charts/StackedBar';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql/gql';
import type { InspectionCauseKind, PlanStatisticsFieldsFragment } from '../../gql/graphql';
import { useAuth } from '../../lib/auth/AuthContext';
import { downloadWithToken, withQueryParam } from '../../lib/download';
import { formatNumber, formatPercent, todayInVietnam } from '../../lib/format';
import type { PlanTabProps } from './planTabs';

export const PlanStatisticsFields = graphql(`
  fragment PlanStatisticsFields on InspectionStatistics {
    unit {
      id
      code
      name
    }
    receivedDirect
    receivedOnline
    receivedPostal
    received
    carriedOver
    resolvedOnTime
    resolvedLate
    lateWithoutApology
    rejected
    withdrawn
    openWithinTime
    openOverdue
  }
`);

export const PlanStatisticsQuery = graphql(`
  query PlanStatistics($number: String!, $unitId: ID) {
    inspectionPlan(number: $number) {
      id
      statisticsExportUrl
      statistics {
        ...PlanStatisticsFields
      }
      totals {
        ...PlanStatisticsFields
      }
      statisticsByField(unitId: $unitId) {
        ...PlanStatisticsFields
        field
      }
      statisticsByProcedure(unitId: $unitId) {
        ...PlanStatisticsFields
        procedure {
          id
          nationalCode
          name
        }
      }
      causes(unitId: $unitId) {
        kind
        category
        count
      }
    }
  }
`);

/** The figure columns of the statistics tables, in order. */
export const STATISTICS_COLUMNS = [
  'receivedDirect',
  'receivedOnline',
  'receivedPostal',
  'carriedOver',
  'resolvedOnTime',
  'resolvedLate',
  'lateWithoutApology',
  'rejected',
  'withdrawn',
  'openWithinTime',
  'openOverdue',
] as const satisfies readonly (keyof PlanStatisticsFieldsFragment)[];

/** The outcomes every counted dossier ends in, with the colour each gets in the charts. */
export const OUTCOME_COLOURS = {
  resolvedOnTime: 'teal',
  resolvedLate: 'orange',
  rejected: 'red',
  withdrawn: 'gray',
  openWithinTime: 'blue',
  openOverdue: 'grape',
} as const satisfies Partial<Record<keyof PlanStatisticsFieldsFragment, string>>;

const OUTCOMES = Object.keys(OUTCOME_COLOURS) as (keyof typeof OUTCOME_COLOURS)[];

/** How many of a row's dossiers ended late or refused: the share inspectors look at first. */
function lateShare(row: PlanStatisticsFieldsFragment): number {
  const counted = row.received + row.carriedOver;
  return counted === 0 ? 0 : (row.resolvedLate + row.openOverdue) / counted;
}

/** Live figures per target unit and for the plan, charts, breakdowns by field, procedure and cause, and the workbook download. */
export function PlanStatisticsTab({ plan }: PlanTabProps) {
  const { t, i18n } = useTranslation(['plans', 'common']);
  const [searchParams, setSearchParams] = useSearchParams();
  const unitParam = searchParams.get('unit');
  const unitId = plan.targets.some((target) => target.id === unitParam) ? unitParam! : null;
  const { data, loading, error, refetch, previousData } = useQuery(PlanStatisticsQuery, {
    variables: { number: plan.number, unitId },
    fetchPolicy: 'cache-and-network',
  });
  const stats = (data ?? previousData)?.inspectionPlan;
  const format = (value: number) => formatNumber(value, i18n.language);

  const selectUnit = (value: string | null) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set('unit', value);
    else next.delete('unit');
    setSearchParams(next, { replace: true });
  };

  if (!stats && loading) return <Loading label={t('statistics.loading')} />;
  if (!stats && error) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  if (!stats) return null;

  const selected = unitId ? stats.statistics.find((row) => row.unit?.id === unitId) : stats.totals;
  const selectedLabel = unitId ? (plan.targets.find((target) => target.id === unitId)?.name ?? '') : t('statistics.wholePlan');

  return (
    <Stack gap="md">
      <Card withBorder>
        <Group justify="space-between" align="flex-start" mb="xs" wrap="wrap">
          <Stack gap={2} style={{ flex: '1 1 20rem' }}>
            <Title order={3} size="h4">
              {t('statistics.title')}
            </Title>
            <Text fz="sm" c="dimmed">
              {t('statistics.help')}
            </Text>
          </Stack>
          <ExportButtons url={stats.statisticsExportUrl} planNumber={plan.number} disabled={stats.statistics.length === 0} />
        </Group>
        <StatisticsTable
          rows={stats.statistics}
          totals={stats.totals ?? null}
          heading={t('statistics.unit')}
          label={(row) => row.unit?.name ?? ''}
          format={format}
          testId="plan-statistics"
        />
      </Card>

      {stats.statistics.length > 0 && (
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('statistics.outcomesChart')}
          </Title>
          <Stack gap="md" data-testid="plan-outcome-charts">
            {[...stats.statistics, ...(stats.totals ? [stats.totals] : [])].map((row) => {
              const name = row.unit?.name ?? t('statistics.total');
              return (
                <Stack key={row.unit?.id ?? 'total'} gap={4}>
                  <Group justify="space-between" wrap="nowrap">
                    <Text fz="sm" fw={row.unit ? 500 : 700}>
                      {name}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {t('statistics.lateShare', { share: formatPercent(lateShare(row), i18n.language) })}
                    </Text>
                  </Group>
                  <StackedBar
                    label={t('statistics.outcomesOf', { name })}
                    format={format}
                    formatShare={(share) => formatPercent(share, i18n.language)}
                    testId="plan-outcome-chart"
                    parts={OUTCOMES.map((key) => ({ key, label: t(`statistics.${key}`), value: row[key], color: OUTCOME_COLOURS[key] }))}
                  />
                </Stack>
              );
            })}
          </Stack>
        </Card>
      )}

      <Card withBorder>
        <Group justify="space-between" align="flex-end" wrap="wrap" mb="md">
          <Title order={3} size="h4">
            {t('statistics.breakdown', { name: selectedLabel })}
          </Title>
          <Select
            label={t('statistics.unitSelect')}
            description={t('statistics.unitSelectHelp')}
            data={plan.targets.map((target) => ({ value: target.id, label: target.name }))}
            value={unitId}
            onChange={selectUnit}
            placeholder={t('statistics.wholePlan')}
            clearable
            w={{ base: '100%', sm: 320 }}
            data-testid="plan-statistics-unit"
          />
        </Group>
        {loading && <Loading label={t('statistics.loading')} />}
        {!selected || selected.received + selected.carriedOver === 0 ? (
          <Text c="dimmed" data-testid="plan-breakdown-empty">
            {t('statistics.noDossiers')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Stack gap="xs">
              <Title order={4} size="h5">
                {t('statistics.channels')}
              </Title>
              <BarList
                label={t('statistics.channels')}
                format={format}
                testId="plan-channel-chart"
                bars={(['receivedDirect', 'receivedOnline', 'receivedPostal', 'carriedOver'] as const).map((key) => ({
                  key,
                  label: t(`statistics.${key}`),
                  value: selected[key],
                  color: key === 'carriedOver' ? 'gray' : 'blue',
                }))}
              />
            </Stack>
            <CausesChart causes={stats.causes} format={format} />
          </SimpleGrid>
        )}
        <Title order={4} size="h5" mt="lg" mb="xs">
          {t('statistics.byField')}
        </Title>
        <StatisticsTable
          rows={stats.statisticsByField}
          totals={null}
          heading={t('statistics.field')}
          label={(row) => ('field' in row && row.field ? t(`common:procedureField.${row.field}`) : '')}
          format={format}
          testId="plan-statistics-by-field"
        />
        <Title order={4} size="h5" mt="lg" mb="xs">
          {t('statistics.byProcedure')}
        </Title>
        <StatisticsTable
          rows={stats.statisticsByProcedure}
          totals={null}
          heading={t('statistics.procedure')}
          label={(row) => ('procedure' in row && row.procedure ? `${row.procedure.nationalCode} · ${row.procedure.name}` : '')}
          format={format}
          testId="plan-statistics-by-procedure"
        />
      </Card>
    </Stack>
  );
}

const CAUSE_COLOURS: Record<InspectionCauseKind, string> = { LATE: 'orange', REJECTED: 'red' };

function CausesChart({ causes, format }: { causes: ReadonlyArray<{ kind: InspectionCauseKind; category: string; count: number }>; format: (value: number) => string }) {
  const { t } = useTranslation('plans');
  return (
    <Stack gap="xs">
      <Title order={4} size="h5">
        {t('statistics.causes')}
      </Title>
      {causes.length === 0 ? (
        <Text c="dimmed" fz="sm">
          {t('statistics.noCauses')}
        </Text>
      ) : (
        (['LATE', 'REJECTED'] as const).map((kind) => {
          const bars = causes
            .filter((cause) => cause.kind === kind && cause.count > 0)
            .sort((a, b) => b.count - a.count)
            .map((cause) => ({ key: `${kind}-${cause.category}`, label: t(`causeCategory.${cause.category}`), value: cause.count, color: CAUSE_COLOURS[kind] }));
          if (bars.length === 0) return null;
          return (
            <Stack key={kind} gap={4}>
              <Text fz="sm" fw={600}>
                {t(`causeKind.${kind}`)}
              </Text>
              <BarList label={t(`causeKind.${kind}`)} format={format} bars={bars} testId={`plan-causes-${kind.toLowerCase()}`} />
            </Stack>
          );
        })
      )}
    </Stack>
  );
}

function StatisticsTable<R extends PlanStatisticsFieldsFragment>({
  rows,
  totals,
  heading,
  label,
  format,
  testId,
}: {
  rows: readonly R[];
  totals: PlanStatisticsFieldsFragment | null;
  /** What the first column names: unit, field or procedure. */
  heading: string;
  label: (row: R) => string;
  format: (value: number) => string;
  testId: string;
}) {
  const { t } = useTranslation('plans');
  if (rows.length === 0 && !totals) {
    return (
      <Text c="dimmed" data-testid={`${testId}-empty`}>
        {t('statistics.empty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped withTableBorder withColumnBorders data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{heading}</Table.Th>
            {STATISTICS_COLUMNS.map((column) => (
              <Table.Th key={column} ta="right" fz="xs">
                {t(`statistics.${column}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            <Table.Tr key={index} data-testid={`${testId}-row`}>
              <Table.Th scope="row" fw={500}>
                {label(row)}
              </Table.Th>
              {STATISTICS_COLUMNS.map((column) => (
                <Table.Td key={column} ta="right" data-column={column}>
                  {format(row[column])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {totals && (
          <Table.Tfoot>
            <Table.Tr data-testid="plan-totals" fw={700}>
              <Table.Th scope="row">{t('statistics.total')}</Table.Th>
              {STATISTICS_COLUMNS.map((column) => (
                <Table.Td key={column} ta="right" fw={700} data-column={column}>
                  {format(totals[column])}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}

function ExportButtons({ url, planNumber, disabled }: { url: string; planNumber: string; disabled: boolean }) {
  const { t } = useTranslation('plans');
  const { getToken } = useAuth();
  const [busy, setBusy] = useState<'xlsx' | 'csv' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const download = async (format: 'xlsx' | 'csv') => {
    setBusy(format);
    setFailure(null);
    try {
      const safeNumber = planNumber.replace(/[^\p{L}\p{N}-]+/gu, '-');
      await downloadWithToken(withQueryParam(url, 'format', format), await getToken(), `${t('statistics.fileName')}-${safeNumber}-${todayInVietnam()}.${format}`);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs">
        <Button variant="default" onClick={() => void download('xlsx')} loading={busy === 'xlsx'} disabled={disabled} data-testid="plan-export-xlsx">
          {t('statistics.exportXlsx')}
        </Button>
        <Button variant="default" onClick={() => void download('csv')} loading={busy === 'csv'} disabled={disabled} data-testid="plan-export-csv">
          {t('statistics.exportCsv')}
        </Button>
      </Group>
      {failure != null && <ErrorMessage error={failure} />}
    </Stack>
  );
}
