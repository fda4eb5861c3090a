import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FactsTable } from '../../components/FactsTable';
import { Loading } from '../../components/Loading';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import type { FindingDetailFieldsFragment, FindingDetailQuery as FindingDetailResult } from '../../gql/graphql';
import { useAuth } from '../../lib/auth/AuthContext';
import { downloadWithToken } from '../../lib/download';
import { formatDate, formatDateTime } from '../../lib/format';
import { FindingDetailQuery } from './findingOperations';
import { allowedFollowUpActions, timelineOldestFirst, type FindingViewer, type FollowUpAction } from './followUpActions';
import { FollowUpActionModal } from './FollowUpActionModal';
import { OverdueBadge, RecommendationStatusBadge, SeverityBadge } from './InspectionBadges';
import { dossierPath, idFromPath, planPagePath } from './inspectionVocabulary';

type Finding = Extract<NonNullable<FindingDetailResult['node']>, { __typename: 'Finding' }>;

const TIMELINE_COLOURS: Record<string, string> = { PLAN: 'blue', PROGRESS: 'blue', DONE: 'indigo', VERIFIED: 'green', REOPENED: 'orange', WAIVED: 'teal' };

/** A finding with its evidence and the follow-up of its recommendation, and the steps the viewer may take. */
export default function FindingDetailPage() {
  const { t, i18n } = useTranslation('inspections');
  const { user } = useAuth();
  const id = idFromPath(useParams().findingId);
  const roles = user?.roles ?? [];
  const withTeam = roles.includes('inspector') || roles.includes('admin');
  const { data, loading, error, refetch } = useQuery(FindingDetailQuery, { variables: { id, withTeam }, fetchPolicy: 'cache-and-network' });
  const [action, setAction] = useState<FollowUpAction | null>(null);
  const [done, setDone] = useState<FollowUpAction | null>(null);
  const finding: Finding | null = data?.node?.__typename === 'Finding' ? data.node : null;
  useDocumentTitle(finding ? t('finding.documentTitle', { number: finding.number, plan: finding.plan.number }) : t('finding.title'));

  if (loading && !data) return <Loading label={t('finding.loading')} />;
  if (error && !data) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  if (!finding) {
    return (
      <Alert color="yellow" title={t('finding.notFoundTitle')} data-testid="finding-not-found">
        {t('finding.notFound')}
      </Alert>
    );
  }

  const member = finding.plan.team?.find((entry) => entry.official.idpUsername != null && entry.official.idpUsername === user?.username);
  const viewer: FindingViewer = { unitHead: roles.includes('unit_head'), teamRole: member?.role ?? null };
  const actions = allowedFollowUpActions(finding, viewer);
  const onTeam = viewer.teamRole !== null || roles.includes('admin');

  return (
    <Stack gap="md">
      <Anchor component={Link} to={onTeam ? planPagePath(finding.plan.number, 'findings') : '/inspections'} fz="sm">
        ← {onTeam ? t('finding.backToPlan', { number: finding.plan.number }) : t('inbox.title')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={2} data-testid="finding-title">
            {t('finding.heading', { number: finding.number, category: t(`findingCategory.${finding.category}`) })}
          </Title>
          <Text>
            {finding.plan.number} · {finding.plan.title}
          </Text>
        </Stack>
        <Group gap={4}>
          <SeverityBadge severity={finding.severity} />
          <RecommendationStatusBadge status={finding.recommendationStatus} />
          {finding.status === 'WITHDRAWN' && (
            <Badge color="gray" variant="filled" radius="sm" tt="none" data-testid="finding-withdrawn">
              {t('finding.withdrawn')}
            </Badge>
          )}
          {finding.overdue && <OverdueBadge label={t('finding.overdue')} hint={t('finding.overdueHint')} />}
          {viewer.teamRole !== null && finding.plan.status === 'IN_PROGRESS' && finding.status === 'RECORDED' && (
            <Button
              component={Link}
              to={`${planPagePath(finding.plan.number, 'findings')}&edit=${encodeURIComponent(finding.id)}`}
              variant="light"
              size="xs"
              data-testid="finding-edit-link"
            >
              {t('finding.editInPlan')}
            </Button>
          )}
        </Group>
      </Group>

      {finding.overdue && (
        <Alert color="red" role="alert" title={t('finding.overdueTitle')} data-testid="finding-overdue-banner">
          {t(viewer.unitHead ? 'finding.overdueForUnit' : 'finding.overdueForTeam', {
            date: formatDate(finding.remediationDeadline, i18n.language),
            unit: finding.unit.name,
          })}
        </Alert>
      )}
      {finding.status === 'WITHDRAWN' && finding.withdrawalReason && (
        <Alert color="gray" title={t('finding.withdrawnTitle')} data-testid="finding-withdrawal-reason">
          {finding.withdrawalReason}
        </Alert>
      )}
      {done && (
        <Alert color="green" role="status" withCloseButton onClose={() => setDone(null)} data-testid="followup-notice">
          {t(`followUp.actions.${done}.done`)}
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('finding.facts')}
          </Title>
          <FactsTable
            testId="finding-facts"
            facts={[
              [t('finding.category'), t(`findingCategory.${finding.category}`)],
              [t('finding.severity'), t(`severity.${finding.severity}`)],
              [t('finding.unit'), `${finding.unit.name} (${finding.unit.code})`],
              [
                t('finding.officials'),
                finding.responsibleOfficials.length === 0
                  ? t('finding.noOfficials')
                  : finding.responsibleOfficials.map((official) => `${official.fullName} – ${official.position}`).join('; '),
              ],
              [t('finding.deadline'), formatDate(finding.remediationDeadline, i18n.language)],
              [t('finding.recorded'), t('finding.recordedBy', { by: finding.recordedBy, at: formatDateTime(finding.recordedAt, i18n.language) })],
            ]}
          />
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="xs">
            {t('finding.description')}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="finding-description">
            {finding.description}
          </Text>
          <Title order={3} size="h4" mt="md" mb="xs">
            {t('finding.recommendation')}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="finding-recommendation">
            {finding.recommendation}
          </Text>
        </Card>
      </SimpleGrid>

      <Evidence evidence={finding.evidence} />

      <Card withBorder>
        <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap">
          <Stack gap={2}>
            <Title order={3} size="h4">
              {t('followUp.title')}
            </Title>
            <Text fz="sm" c="dimmed">
              {t(viewer.unitHead ? 'followUp.helpUnit' : 'followUp.helpTeam')}
            </Text>
          </Stack>
          {actions.length > 0 && (
            <Group gap="xs" data-testid="followup-actions">
              {actions.map((name) => (
                <Button
                  key={name}
                  variant={name === 'reopen' || name === 'waive' ? 'light' : 'filled'}
                  color={name === 'reopen' || name === 'waive' ? 'red' : name === 'verify' ? 'green' : undefined}
                  onClick={() => {
                    setDone(null);
                    setAction(name);
                  }}
                  data-testid={`followup-action-${name}`}
                >
                  {t(`followUp.actions.${name}.button`)}
                </Button>
              ))}
            </Group>
          )}
        </Group>
        <FollowUpTimeline entries={finding.followUp} />
      </Card>

      <FollowUpActionModal
        action={action}
        finding={finding}
        onClose={() => setAction(null)}
        onDone={(name) => {
          setAction(null);
          setDone(name);
        }}
        onReload={() => {
          setAction(null);
          void refetch();
        }}
      />
    </Stack>
  );
}

function FollowUpTimeline({ entries }: { entries: FindingDetailFieldsFragment['followUp'] }) {
  const { t, i18n } = useTranslation('inspections');
  if (entries.length === 0) {
    return (
      <Text c="dimmed" data-testid="followup-empty">
        {t('followUp.empty')}
      </Text>
    );
  }
  const ordered = timelineOldestFirst(entries);
  return (
    <Timeline active={ordered.length - 1} bulletSize={16} lineWidth={2} data-testid="followup-timeline">
      {ordered.map((entry, index) => (
        <Timeline.Item key={index} color={TIMELINE_COLOURS[entry.kind]} title={t(`followUpKind.${entry.kind}`)} data-testid="followup-entry" data-kind={entry.kind}>
          <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {entry.text}
          </Text>
          <Text fz="xs" c="dimmed" mt={4}>
            {t('followUp.byAt', { by: entry.by, at: formatDateTime(entry.at, i18n.language) })}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function Evidence({ evidence }: { evidence: FindingDetailFieldsFragment['evidence'] }) {
  const { t } = useTranslation('inspections');
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t('evidence.title')}
      </Title>
      {evidence.length === 0 ? (
        <Text c="dimmed">{t('evidence.none')}</Text>
      ) : (
        <List spacing="sm" data-testid="finding-evidence">
          {evidence.map((item, index) => (
            <List.Item key={index} data-testid="evidence-item" data-kind={item.kind}>
              <Stack gap={2}>
                <Group gap={6} wrap="wrap">
                  <Badge variant="light" radius="sm" tt="none">
                    {t(`evidenceKind.${item.kind}`)}
                  </Badge>
                  <EvidenceTarget item={item} />
                </Group>
                {item.note && (
                  <Text fz="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                    {item.note}
                  </Text>
                )}
              </Stack>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

function EvidenceTarget({ item }: { item: FindingDetailFieldsFragment['evidence'][number] }) {
  const { t } = useTranslation('inspections');
  const dossier = item.dossier && (
    <Anchor component={Link} to={dossierPath(item.dossier.receiptCode)} ff="monospace" data-testid="evidence-dossier">
      {item.dossier.receiptCode}
    </Anchor>
  );
  switch (item.kind) {
    case 'DOSSIER':
      return (
        <>
          {dossier}
          {item.dossier && <Text span fz="sm">{item.dossier.procedure.name}</Text>}
        </>
      );
    case 'SAMPLE_ITEM':
      return (
        <>
          {dossier}
          {item.sample && (
            <Text span fz="sm">
              {t('evidence.sampleItem', { sample: item.sample.name, ordinal: item.sampleItem?.ordinal ?? '' })}
            </Text>
          )}
          {item.sampleItem?.result && (
            <Badge color={item.sampleItem.result === 'NON_COMPLIANT' ? 'red' : 'gray'} variant="outline" radius="sm" tt="none">
              {t(`sampleResult.${item.sampleItem.result}`)}
            </Badge>
          )}
        </>
      );
    case 'PROCEDURE':
      return item.procedure ? (
        <Text span fz="sm" data-testid="evidence-procedure">
          {item.procedure.nationalCode} – {item.procedure.name}
        </Text>
      ) : null;
    case 'DOCUMENT':
      return item.document ? <DocumentDownload document={item.document} /> : null;
  }
}

/** Downloads with the caller's token: the document's URL is not public. */
function DocumentDownload({ document: file }: { document: NonNullable<FindingDetailFieldsFragment['evidence'][number]['document']> }) {
  const { t, i18n } = useTranslation('inspections');
  const { getToken } = useAuth();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const download = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await downloadWithToken(file.downloadUrl, await getToken(), file.fileName);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Group gap={6} wrap="wrap">
      <Button variant="subtle" size="compact-sm" onClick={() => void download()} loading={busy} data-testid="evidence-document">
        {file.fileName}
      </Button>
      <Text span fz="xs" c="dimmed">
        {t('evidence.size', { size: new Intl.NumberFormat(i18n.language.startsWith('en') ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 }).format(file.size / 1024) })}
      </Text>
      {failed && (
        <Text span fz="xs" c="red" role="alert">
          {t('evidence.downloadFailed')}
        </Text>
      )}
    </Group>
  );
}
