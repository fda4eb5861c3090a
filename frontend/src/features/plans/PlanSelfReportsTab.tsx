import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql/gql';
import type { SelfReportStatus } from '../../gql/graphql';
import { formatDate, formatDateTime, todayInVietnam } from '../../lib/format';
import type { PlanTabProps } from './planTabs';

export const PlanSelfReportsQuery = graphql(`
  query PlanSelfReports($number: String!) {
    inspectionPlan(number: $number) {
      id
      status
      selfReportDue
      targets {
        id
        code
        name
      }
      selfReports {
        id
        status
        submittedAt
        submittedLate
        unit {
          id
        }
      }
    }
  }
`);

const STATUS_COLOURS: Record<SelfReportStatus, string> = { DRAFT: 'gray', SUBMITTED: 'blue', RETURNED: 'orange', ACCEPTED: 'green' };

/** The report page lives with the unit head's inbox; a report's ID travels as one encoded segment. */
const reportPath = (reportId: string) => `/inspections/reports/${encodeURIComponent(reportId)}`;

/**
 * The plan's "self-reports" tab for its team: every target unit with its self-inspection report's
 * status, when it was submitted and whether late, linking to the report to review it. Texts are in
 * the `inspections` namespace with the report pages.
 */
export function PlanSelfReportsTab({ plan: { number } }: PlanTabProps) {
  const { t, i18n } = useTranslation('inspections');
  const { data, loading, error, refetch } = useQuery(PlanSelfReportsQuery, { variables: { number }, fetchPolicy: 'cache-and-network' });
  const plan = data?.inspectionPlan;

  if (loading && !data) return <Loading label={t('planTab.loading')} />;
  if (error && !data) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  if (!plan) return null;

  const due = plan.selfReportDue;
  const pastDue = Boolean(due && due < todayInVietnam());
  const byUnit = new Map(plan.selfReports.map((report) => [report.unit.id, report]));

  return (
    <Card withBorder data-testid="plan-self-reports">
      <Stack gap={2} mb="sm">
        <Title order={3} size="h4">
          {t('planTab.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {due ? t('planTab.help', { date: formatDate(due, i18n.language) }) : t('planTab.helpNoDue')}
        </Text>
      </Stack>
      {plan.status === 'DRAFT' ? (
        <Text c="dimmed" data-testid="plan-self-reports-draft">
          {t('planTab.draft')}
        </Text>
      ) : plan.targets.length === 0 ? (
        <Text c="dimmed">{t('planTab.noTargets')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('planTab.unit')}</Table.Th>
                <Table.Th>{t('planTab.status')}</Table.Th>
                <Table.Th>{t('planTab.submittedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.targets.map((unit) => {
                const report = byUnit.get(unit.id);
                const waiting = !report || report.status === 'DRAFT' || report.status === 'RETURNED';
                return (
                  <Table.Tr key={unit.id} data-testid="plan-self-report-row" data-unit={unit.code}>
                    <Table.Th scope="row" fw={500}>
                      {report && report.status !== 'DRAFT' ? (
                        <Anchor component={Link} to={reportPath(report.id)} data-testid="plan-self-report-link">
                          {unit.name}
                        </Anchor>
                      ) : (
                        unit.name
                      )}{' '}
                      <Text span c="dimmed" fz="sm" ff="monospace">
                        {unit.code}
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      <Group gap={4}>
                        {report ? (
                          <Badge color={STATUS_COLOURS[report.status]} variant="light" radius="sm" tt="none" data-testid="report-status" data-status={report.status}>
                            {t(`reportStatus.${report.status}`)}
                          </Badge>
                        ) : (
                          <Badge color="gray" variant="outline" radius="sm" tt="none" data-testid="report-status" data-status="NOT_STARTED">
                            {t('planTab.notStarted')}
                          </Badge>
                        )}
                        {report?.submittedLate && (
                          <Badge color="orange" variant="filled" radius="sm" tt="none" data-testid="badge-submitted-late">
                            {t('report.submittedLate')}
                          </Badge>
                        )}
                        {waiting && pastDue && (
                          <Badge color="red" variant="filled" radius="sm" tt="none" data-testid="badge-report-overdue">
                            {t('inbox.reportOverdue')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{report?.submittedAt ? formatDateTime(report.submittedAt, i18n.language) : '—'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
