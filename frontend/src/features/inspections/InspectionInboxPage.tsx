import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';
import type { InspectionInboxQuery as InboxResult } from '../../gql/graphql';
import { formatDate, formatDateTime, todayInVietnam } from '../../lib/format';
import { reportLateness, sortRecommendations, sortReports } from './inbox';
import { OverdueBadge, RecommendationStatusBadge, SelfReportStatusBadge } from './InspectionBadges';
import { findingPath, reportPath } from './inspectionVocabulary';

export const InspectionInboxQuery = graphql(`
  query InspectionInbox {
    inspectionInbox {
      selfReports {
        id
        status
        submittedAt
        submittedLate
        returnReason
        unit {
          id
          code
          name
        }
        plan {
          id
          number
          title
          selfReportDue
        }
      }
      recommendations {
        id
        number
        category
        recommendation
        remediationDeadline
        recommendationStatus
        overdue
        unit {
          id
          code
          name
        }
        plan {
          id
          number
          title
        }
      }
    }
  }
`);

type Inbox = InboxResult['inspectionInbox'];

/** The unit head's to-do list: self-inspection reports to write and recommendations to answer. */
export default function InspectionInboxPage() {
  const { t } = useTranslation('inspections');
  useDocumentTitle(t('inbox.title'));
  const { data, loading, error, refetch } = useQuery(InspectionInboxQuery, { fetchPolicy: 'cache-and-network' });

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={2}>{t('inbox.title')}</Title>
        <Text c="dimmed">{t('inbox.help')}</Text>
      </Stack>
      {loading && !data ? (
        <Loading label={t('inbox.loading')} />
      ) : error && !data ? (
        <ErrorMessage error={error} onRetry={() => void refetch()} />
      ) : data ? (
        <>
          <ReportsSection reports={data.inspectionInbox.selfReports} />
          <RecommendationsSection recommendations={data.inspectionInbox.recommendations} />
        </>
      ) : null}
    </Stack>
  );
}

function ReportsSection({ reports }: { reports: Inbox['selfReports'] }) {
  const { t, i18n } = useTranslation('inspections');
  const today = todayInVietnam();
  return (
    <Stack gap="sm" component="section" aria-labelledby="inbox-reports-title">
      <Title order={3} size="h4" id="inbox-reports-title">
        {t('inbox.reports')}
      </Title>
      {reports.length === 0 ? (
        <Text c="dimmed" data-testid="inbox-reports-empty">
          {t('inbox.reportsEmpty')}
        </Text>
      ) : (
        sortReports(reports).map((report) => {
          const lateness = reportLateness(report, today);
          return (
            <Card key={report.id} withBorder padding="sm" data-testid="inbox-report" data-status={report.status} style={lateness === 'overdue' ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}>
              <Stack gap={6}>
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                  <Anchor component={Link} to={reportPath(report.id)} fw={600} data-testid="inbox-report-link">
                    {t('inbox.reportFor', { number: report.plan.number })}
                  </Anchor>
                  <Group gap={4}>
                    <SelfReportStatusBadge status={report.status} />
                    {lateness === 'overdue' && <OverdueBadge label={t('inbox.reportOverdue')} hint={t('inbox.reportOverdueHint')} data-testid="badge-report-overdue" />}
                    {lateness === 'submittedLate' && (
                      <Badge color="orange" variant="filled" radius="sm" tt="none" data-testid="badge-submitted-late">
                        {t('report.submittedLate')}
                      </Badge>
                    )}
                  </Group>
                </Group>
                <Text fz="sm">{report.plan.title}</Text>
                <Text fz="sm" c={lateness === 'overdue' ? 'red' : 'dimmed'} data-testid="inbox-report-due">
                  {report.plan.selfReportDue ? t('inbox.due', { date: formatDate(report.plan.selfReportDue, i18n.language) }) : t('inbox.noDue')}
                  {report.submittedAt && ` · ${t('inbox.submittedAt', { at: formatDateTime(report.submittedAt, i18n.language) })}`}
                </Text>
                {report.status === 'RETURNED' && report.returnReason && (
                  <Alert color="orange" variant="light" p="xs" title={t('report.returnedTitle')} data-testid="inbox-return-reason">
                    {report.returnReason}
                  </Alert>
                )}
              </Stack>
            </Card>
          );
        })
      )}
    </Stack>
  );
}

function RecommendationsSection({ recommendations }: { recommendations: Inbox['recommendations'] }) {
  const { t, i18n } = useTranslation('inspections');
  return (
    <Stack gap="sm" component="section" aria-labelledby="inbox-recommendations-title">
      <Title order={3} size="h4" id="inbox-recommendations-title">
        {t('inbox.recommendations')}
      </Title>
      {recommendations.length === 0 ? (
        <Text c="dimmed" data-testid="inbox-recommendations-empty">
          {t('inbox.recommendationsEmpty')}
        </Text>
      ) : (
        sortRecommendations(recommendations).map((finding) => (
          <Card
            key={finding.id}
            withBorder
            padding="sm"
            data-testid="inbox-recommendation"
            data-overdue={finding.overdue}
            bg={finding.overdue ? 'var(--mantine-color-red-light)' : undefined}
            style={finding.overdue ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
          >
            <Stack gap={6}>
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <Anchor component={Link} to={findingPath(finding.id)} fw={600} data-testid="inbox-recommendation-link">
                  {t('inbox.findingOf', { number: finding.number, plan: finding.plan.number })} · {t(`findingCategory.${finding.category}`)}
                </Anchor>
                <Group gap={4}>
                  <RecommendationStatusBadge status={finding.recommendationStatus} />
                  {finding.overdue && <OverdueBadge label={t('finding.overdue')} hint={t('finding.overdueHint')} />}
                </Group>
              </Group>
              <Text fz="sm" lineClamp={3}>
                {finding.recommendation}
              </Text>
              <Text fz="sm" c={finding.overdue ? 'red' : 'dimmed'} fw={finding.overdue ? 600 : undefined} data-testid="inbox-recommendation-deadline">
                {t('inbox.deadline', { date: formatDate(finding.remediationDeadline, i18n.language) })} · {finding.unit.name}
              </Text>
            </Stack>
          </Card>
        ))
      )}
    </Stack>
  );
}
