import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FactsTable } from '../../components/FactsTable';
import { Loading } from '../../components/Loading';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';
import type { PlanDetailQuery as PlanDetailQueryResult } from '../../gql/graphql';
import { downloadText, toCsv } from '../../lib/csv';
import { formatDate, formatNumber, todayInVietnam } from '../../lib/format';
import { PlanStatusBadge } from './PlanStatusBadge';

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

export const PlanDetailQuery = graphql(`
  query PlanDetail($number: String!) {
    inspectionPlan(number: $number) {
      id
      number
      title
      issuingAuthority
      issueDate
      periodFrom
      periodTo
      selfReportDue
      fieldworkFrom
      fieldworkTo
      conclusionDue
      status
      checklist {
        ordinal
        text
      }
      targets {
        id
        code
        name
      }
      team {
        role
        official {
          id
          fullName
          unit {
            id
            code
            name
          }
        }
      }
      lead {
        id
        fullName
      }
      statistics {
        ...PlanStatisticsFields
      }
      totals {
        ...PlanStatisticsFields
      }
    }
  }
`);

type Plan = NonNullable<PlanDetailQueryResult['inspectionPlan']>;
type Statistics = Plan['statistics'][number];

/** The figure columns of the statistics table, in order. */
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
] as const satisfies readonly (keyof Statistics)[];

export default function PlanDetailPage() {
  const { t, i18n } = useTranslation(['plans', 'common']);
  const params = useParams();
  // The router hands the segment over still percent-encoded when it holds an encoded slash.
  const number = safeDecode(params.number ?? '');
  useDocumentTitle(number);
  const { data, loading, error, refetch } = useQuery(PlanDetailQuery, { variables: { number }, fetchPolicy: 'cache-and-network' });
  const plan = data?.inspectionPlan;

  if (loading && !data) return <Loading label={t('detail.loading')} />;
  if (error && !data) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  if (!plan) {
    return (
      <Stack gap="md">
        <Alert color="yellow" data-testid="plan-not-found">
          {t('detail.notFound', { number })}
        </Alert>
        <Anchor component={Link} to="/plans">
          {t('detail.back')}
        </Anchor>
      </Stack>
    );
  }

  const date = (value?: string | null) => (value ? formatDate(value, i18n.language) : t('detail.notSet'));
  const range = (from?: string | null, to?: string | null) => (from || to ? `${date(from)} – ${date(to)}` : t('detail.notSet'));

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/plans" fz="sm">
        ← {t('detail.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} data-testid="plan-number">
            {plan.number}
          </Title>
          <Text>{plan.title}</Text>
        </Stack>
        <PlanStatusBadge status={plan.status} />
      </Group>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('detail.facts')}
          </Title>
          <FactsTable
            testId="plan-facts"
            facts={[
              [t('detail.authority'), plan.issuingAuthority],
              [t('detail.issueDate'), date(plan.issueDate)],
              [t('detail.period'), range(plan.periodFrom, plan.periodTo)],
              [t('detail.selfReportDue'), date(plan.selfReportDue)],
              [t('detail.fieldwork'), range(plan.fieldworkFrom, plan.fieldworkTo)],
              [t('detail.conclusionDue'), date(plan.conclusionDue)],
            ]}
          />
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('detail.checklist')}
          </Title>
          {plan.checklist.length === 0 ? (
            <Text c="dimmed">{t('detail.none')}</Text>
          ) : (
            <List type="ordered" spacing={4} data-testid="plan-checklist">
              {[...plan.checklist]
                .sort((a, b) => a.ordinal - b.ordinal)
                .map((item) => (
                  <List.Item key={item.ordinal}>{item.text}</List.Item>
                ))}
            </List>
          )}
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('detail.targets')}
          </Title>
          {plan.targets.length === 0 ? (
            <Text c="dimmed">{t('detail.none')}</Text>
          ) : (
            <List spacing={4} data-testid="plan-targets">
              {plan.targets.map((unit) => (
                <List.Item key={unit.id}>
                  {unit.name}{' '}
                  <Text span c="dimmed" fz="sm" ff="monospace">
                    {unit.code}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('detail.team')}
          </Title>
          {plan.team.length === 0 ? (
            <Text c="dimmed">{t('detail.none')}</Text>
          ) : (
            <List spacing={4} data-testid="plan-team">
              {plan.team.map((member) => (
                <List.Item key={member.official.id} data-testid="plan-team-member">
                  <Group gap={6} wrap="wrap">
                    <Text span fw={member.role === 'LEAD' ? 700 : undefined}>
                      {member.official.fullName}
                    </Text>
                    {member.role === 'LEAD' && (
                      <Badge size="sm" variant="filled" tt="none" data-testid="plan-lead">
                        {t('detail.lead')}
                      </Badge>
                    )}
                    <Text span c="dimmed" fz="sm">
                      {member.official.unit.name}
                    </Text>
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </Card>
      </SimpleGrid>

      <StatisticsTable plan={plan} language={i18n.language} />
    </Stack>
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function StatisticsTable({ plan, language }: { plan: Plan; language: string }) {
  const { t } = useTranslation('plans');
  const rows = plan.statistics;
  const totals = plan.totals;

  const exportCsv = () => {
    const header = [t('statistics.unit'), ...STATISTICS_COLUMNS.map((column) => t(`statistics.${column}`))];
    const line = (label: string, figures: Statistics) => [label, ...STATISTICS_COLUMNS.map((column) => String(figures[column]))];
    const body = rows.map((row) => line(row.unit?.name ?? '', row));
    if (totals) body.push(line(t('statistics.total'), totals));
    const safeNumber = plan.number.replace(/[^\p{L}\p{N}-]+/gu, '-');
    downloadText(`${t('statistics.csvFileName')}-${safeNumber}-${todayInVietnam()}.csv`, toCsv(header, body));
  };

  return (
    <Card withBorder>
      <Group justify="space-between" align="flex-start" mb="xs">
        <Stack gap={2}>
          <Title order={3} size="h4">
            {t('statistics.title')}
          </Title>
          <Text fz="sm" c="dimmed">
            {t('statistics.help')}
          </Text>
        </Stack>
        <Button variant="default" onClick={exportCsv} disabled={rows.length === 0} data-testid="plan-statistics-export">
          {t('statistics.export')}
        </Button>
      </Group>
      {rows.length === 0 && !totals ? (
        <Text c="dimmed" data-testid="plan-statistics-empty">
          {t('statistics.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={1100}>
          <Table striped withTableBorder withColumnBorders data-testid="plan-statistics">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('statistics.unit')}</Table.Th>
                {STATISTICS_COLUMNS.map((column) => (
                  <Table.Th key={column} ta="right" fz="xs">
                    {t(`statistics.${column}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => (
                <Table.Tr key={row.unit?.id ?? index} data-testid="plan-statistics-row">
                  <Table.Th scope="row" fw={500}>
                    {row.unit?.name ?? ''}
                  </Table.Th>
                  {STATISTICS_COLUMNS.map((column) => (
                    <Table.Td key={column} ta="right" data-column={column}>
                      {formatNumber(row[column], language)}
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
                      {formatNumber(totals[column], language)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tfoot>
            )}
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
