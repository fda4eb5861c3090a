import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql/gql';
import { formatDate } from '../../lib/format';
import { FindingEditLoader, FindingWithdrawModal } from './FindingEditing';
import { FindingRecordForm } from './FindingRecordForm';
import { RECOMMENDATION_COLOURS, SEVERITY_COLOURS } from './findingVocabulary';
import type { PlanTabProps } from './planTabs';
import { findingPath } from './planVocabulary';

export const FindingRowFields = graphql(`
  fragment FindingRowFields on Finding {
    id
    number
    category
    severity
    description
    status
    withdrawalReason
    recommendation
    remediationDeadline
    recommendationStatus
    overdue
    recordedBy
    recordedAt
    version
    unit {
      id
      code
      name
    }
    responsibleOfficials {
      id
      fullName
    }
  }
`);

export const PlanFindingsQuery = graphql(`
  query PlanFindings($number: String!) {
    inspectionPlan(number: $number) {
      id
      overdueRecommendationCount
      findings(filter: { includeWithdrawn: true }) {
        ...FindingRowFields
      }
    }
  }
`);

/** Badges in a table cell keep their whole label: the column widens instead of cutting the word. */
const WHOLE_LABEL = { label: { overflow: 'visible' } } as const;

/** The plan's findings with their recommendation's state, and the form that records a new one. */
export function PlanFindingsTab({ plan, role }: PlanTabProps) {
  const { t, i18n } = useTranslation(['plans', 'common']);
  const { data, loading, error, refetch } = useQuery(PlanFindingsQuery, { variables: { number: plan.number }, fetchPolicy: 'cache-and-network' });
  const [recording, setRecording] = useState(false);
  const [recorded, setRecorded] = useState<number | null>(null);
  // The finding's page links here with `&edit=<findingId>` to open its editor at once.
  const [searchParams] = useSearchParams();
  const [editingId, setEditingId] = useState<string | null>(() => searchParams.get('edit'));
  const [withdrawing, setWithdrawing] = useState<{ id: string; number: number; version: number } | null>(null);
  const [notice, setNotice] = useState<{ key: 'findings.saved' | 'findings.withdraw.done'; number: number } | null>(null);
  const [includeWithdrawn, setIncludeWithdrawn] = useState(false);
  const allFindings = data?.inspectionPlan?.findings ?? [];
  const findings = includeWithdrawn ? allFindings : allFindings.filter((finding) => finding.status !== 'WITHDRAWN');
  const withdrawnCount = allFindings.length - allFindings.filter((finding) => finding.status !== 'WITHDRAWN').length;
  const overdue = data?.inspectionPlan?.overdueRecommendationCount ?? 0;
  const canRecord = role.isMember && plan.status === 'IN_PROGRESS';

  return (
    <Stack gap="md">
      {recorded !== null && (
        <Alert color="teal" variant="light" withCloseButton onClose={() => setRecorded(null)} data-testid="finding-recorded">
          {t('findings.recorded', { number: recorded })}
        </Alert>
      )}
      {notice !== null && (
        <Alert color="teal" variant="light" withCloseButton onClose={() => setNotice(null)} data-testid="finding-notice">
          {t(notice.key, { number: notice.number })}
        </Alert>
      )}
      {canRecord && editingId !== null && (
        <FindingEditLoader
          plan={plan}
          findingId={editingId}
          onCancel={() => setEditingId(null)}
          onSaved={(number) => {
            setEditingId(null);
            setNotice({ key: 'findings.saved', number });
          }}
        />
      )}
      {canRecord &&
        editingId === null &&
        (recording ? (
          <FindingRecordForm
            plan={plan}
            onCancel={() => setRecording(false)}
            onRecorded={(number) => {
              setRecording(false);
              setRecorded(number);
            }}
          />
        ) : (
          <Group justify="flex-end">
            <Button onClick={() => setRecording(true)} data-testid="finding-new">
              {t('findings.new')}
            </Button>
          </Group>
        ))}
      {!canRecord && role.isMember && (
        <Text c="dimmed" fz="sm" data-testid="finding-record-closed">
          {t('findings.recordClosed')}
        </Text>
      )}
      <Card withBorder>
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Group gap="md" wrap="wrap">
            <Title order={3} size="h4">
              {t('findings.listTitle')}
            </Title>
            <Checkbox
              label={t('findings.includeWithdrawn', { count: withdrawnCount })}
              checked={includeWithdrawn}
              onChange={(event) => setIncludeWithdrawn(event.currentTarget.checked)}
              data-testid="findings-include-withdrawn"
            />
          </Group>
          {overdue > 0 && (
            <Badge color="red" variant="filled" tt="none" data-testid="findings-overdue-count">
              {t('findings.overdueCount', { count: overdue })}
            </Badge>
          )}
        </Group>
        {loading && !data ? (
          <Loading label={t('findings.loading')} />
        ) : error && !data ? (
          <ErrorMessage error={error} onRetry={() => void refetch()} />
        ) : findings.length === 0 ? (
          <Text c="dimmed" data-testid="findings-empty">
            {t('findings.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={880}>
            <Table striped withTableBorder data-testid="findings-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('findings.number')}</Table.Th>
                  <Table.Th>{t('findings.category')}</Table.Th>
                  <Table.Th>{t('findings.severity')}</Table.Th>
                  <Table.Th>{t('findings.unit')}</Table.Th>
                  <Table.Th>{t('findings.recommendationStatus')}</Table.Th>
                  <Table.Th>{t('findings.deadline')}</Table.Th>
                  {canRecord && <Table.Th>{t('findings.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {findings.map((finding) => (
                  <Table.Tr key={finding.id} data-testid="finding-row" data-withdrawn={finding.status === 'WITHDRAWN' || undefined}>
                    <Table.Td>
                      <Anchor component={Link} to={findingPath(finding.id)} fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {t('findings.numbered', { number: finding.number })}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm" td={finding.status === 'WITHDRAWN' ? 'line-through' : undefined}>
                        {t(`findingCategory.${finding.category}`)}
                      </Text>
                      <Text fz="xs" c="dimmed" lineClamp={2} td={finding.status === 'WITHDRAWN' ? 'line-through' : undefined}>
                        {finding.description}
                      </Text>
                      {finding.status === 'WITHDRAWN' && finding.withdrawalReason && (
                        <Text fz="xs" mt={2} data-testid="finding-withdrawal-reason">
                          {t('findings.withdrawalReason', { reason: finding.withdrawalReason })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={SEVERITY_COLOURS[finding.severity]} variant="light" tt="none" styles={WHOLE_LABEL}>
                        {t(`severity.${finding.severity}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td fz="sm">{finding.unit.name}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="wrap">
                        {finding.status === 'WITHDRAWN' ? (
                          <Badge color="gray" variant="outline" tt="none" data-testid="finding-withdrawn">
                            {t('findings.withdrawn')}
                          </Badge>
                        ) : (
                          <Badge color={RECOMMENDATION_COLOURS[finding.recommendationStatus]} variant="light" tt="none" styles={WHOLE_LABEL}>
                            {t(`recommendationStatus.${finding.recommendationStatus}`)}
                          </Badge>
                        )}
                        {finding.overdue && (
                          <Badge color="red" variant="filled" tt="none" data-testid="finding-overdue">
                            {t('findings.overdue')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td fz="sm">{formatDate(finding.remediationDeadline, i18n.language)}</Table.Td>
                    {canRecord && (
                      <Table.Td>
                        {finding.status !== 'WITHDRAWN' && (
                          <Group gap={4} wrap="nowrap">
                            <Button
                              size="compact-sm"
                              variant="light"
                              onClick={() => {
                                setRecording(false);
                                setNotice(null);
                                setEditingId(finding.id);
                              }}
                              aria-label={t('findings.editOne', { number: finding.number })}
                              data-testid="finding-edit"
                            >
                              {t('findings.edit')}
                            </Button>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              color="red"
                              onClick={() => {
                                setNotice(null);
                                setWithdrawing({ id: finding.id, number: finding.number, version: finding.version });
                              }}
                              aria-label={t('findings.withdraw.one', { number: finding.number })}
                              data-testid="finding-withdraw"
                            >
                              {t('findings.withdraw.button')}
                            </Button>
                          </Group>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <FindingWithdrawModal
        finding={withdrawing}
        onClose={() => setWithdrawing(null)}
        onWithdrawn={(number) => {
          setWithdrawing(null);
          setEditingId(null);
          setNotice({ key: 'findings.withdraw.done', number });
        }}
      />
    </Stack>
  );
}
