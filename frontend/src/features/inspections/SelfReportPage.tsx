import { useApolloClient, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Group, List, Modal, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FactsTable } from '../../components/FactsTable';
import { Loading } from '../../components/Loading';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import type { SelfReportFieldsFragment } from '../../gql/graphql';
import { mapUserErrors, type FormErrors, type UserErrorLike } from '../../lib/apollo/userErrors';
import { useAuth } from '../../lib/auth/AuthContext';
import { formatDate, formatDateTime, formatNumber, todayInVietnam } from '../../lib/format';
import { REPORT_TO_WRITE } from './inbox';
import { OverdueBadge, SelfReportStatusBadge } from './InspectionBadges';
import { idFromPath, planPagePath } from './inspectionVocabulary';
import { SelfReportEditor } from './SelfReportEditor';
import { LEGAL_DOCUMENT_FIELDS } from './selfReportForm';
import { SelfReportAcceptMutation, SelfReportQuery, SelfReportReturnMutation } from './selfReportOperations';
import { userErrorText } from './userErrorText';

/** The unit's figures shown on the report, in order. */
export const FIGURE_ROWS = [
  'received',
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
] as const satisfies readonly (keyof NonNullable<SelfReportFieldsFragment['figures']>)[];

type Notice = 'saved' | 'submitted' | 'returned' | 'accepted' | null;

/**
 * A target unit's self-inspection report: the unit's head writes and submits it, the plan's team
 * reads it and returns or accepts it. The server decides who sees it at all.
 */
export default function SelfReportPage() {
  const { t, i18n } = useTranslation('inspections');
  const { user } = useAuth();
  const id = idFromPath(useParams().reportId);
  const { data, loading, error, refetch } = useQuery(SelfReportQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [notice, setNotice] = useState<Notice>(null);
  const [generation, setGeneration] = useState(0);
  const report = data?.node?.__typename === 'SelfInspectionReport' ? data.node : null;
  useDocumentTitle(report ? t('report.documentTitle', { number: report.plan.number, unit: report.unit.code }) : t('report.title'));

  if (loading && !data) return <Loading label={t('report.loading')} />;
  if (error && !data) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  if (!report) {
    return (
      <Alert color="yellow" title={t('report.notFoundTitle')} data-testid="report-not-found">
        {t('report.notFound')}
      </Alert>
    );
  }

  const roles = user?.roles ?? [];
  const isUnitHead = roles.includes('unit_head');
  const isInspector = roles.includes('inspector');
  const editable = isUnitHead && REPORT_TO_WRITE.includes(report.status);
  const due = report.plan.selfReportDue;
  const overdue = REPORT_TO_WRITE.includes(report.status) && Boolean(due && due < todayInVietnam());
  const reload = () => {
    void refetch().then(() => setGeneration((value) => value + 1));
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to={isUnitHead ? '/inspections' : planPagePath(report.plan.number, 'self-reports')} fz="sm">
        ← {isUnitHead ? t('inbox.title') : t('report.backToPlan', { number: report.plan.number })}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={2} data-testid="report-title">
            {t('report.heading', { unit: report.unit.name })}
          </Title>
          <Text>
            {report.plan.number} · {report.plan.title}
          </Text>
        </Stack>
        <Group gap={4}>
          <SelfReportStatusBadge status={report.status} />
          {report.submittedLate && (
            <Badge color="orange" variant="filled" radius="sm" tt="none" data-testid="badge-submitted-late">
              {t('report.submittedLate')}
            </Badge>
          )}
          {overdue && <OverdueBadge label={t('inbox.reportOverdue')} hint={t('inbox.reportOverdueHint')} data-testid="badge-report-overdue" />}
        </Group>
      </Group>

      {notice && (
        <Alert color="green" role="status" withCloseButton onClose={() => setNotice(null)} data-testid="report-notice">
          {t(`report.notice.${notice}`)}
        </Alert>
      )}
      {report.status === 'RETURNED' && report.returnReason && (
        <Alert color="orange" title={t('report.returnedTitle')} data-testid="report-return-reason">
          {report.returnReason}
        </Alert>
      )}
      {isUnitHead && report.status === 'SUBMITTED' && (
        <Alert color="blue" data-testid="report-awaiting">
          {t('report.awaitingReview')}
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('report.facts')}
          </Title>
          <FactsTable
            testId="report-facts"
            facts={[
              [t('report.unit'), `${report.unit.name} (${report.unit.code})`],
              [t('report.period'), report.plan.periodFrom ? `${formatDate(report.plan.periodFrom, i18n.language)} – ${formatDate(report.plan.periodTo, i18n.language)}` : t('report.notSet')],
              [t('report.due'), due ? formatDate(due, i18n.language) : t('report.notSet')],
              [t('report.submittedAt'), report.submittedAt ? formatDateTime(report.submittedAt, i18n.language) : t('report.notSubmitted')],
            ]}
          />
        </Card>
        <Figures report={report} />
      </SimpleGrid>

      {editable ? (
        <SelfReportEditor
          key={generation}
          report={report}
          onSaved={() => setNotice('saved')}
          onSubmitted={() => setNotice('submitted')}
          onReload={reload}
        />
      ) : (
        <>
          <ReportContents report={report} />
          {isInspector && report.status === 'SUBMITTED' && <TeamActions report={report} onDone={setNotice} onReload={reload} />}
        </>
      )}
    </Stack>
  );
}

function Figures({ report }: { report: SelfReportFieldsFragment }) {
  const { t, i18n } = useTranslation('inspections');
  const figures = report.figures;
  return (
    <Card withBorder>
      <Title order={3} size="h4">
        {t('report.figures')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('report.figuresHelp')}
      </Text>
      {figures ? (
        <Table variant="vertical" layout="fixed" data-testid="report-figures">
          <Table.Tbody>
            {FIGURE_ROWS.map((name) => (
              <Table.Tr key={name}>
                <Table.Th w="65%" scope="row">
                  {t(`figures.${name}`)}
                </Table.Th>
                <Table.Td ta="right" data-figure={name}>
                  {formatNumber(figures[name], i18n.language)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text c="dimmed" data-testid="report-figures-empty">
          {t('report.noFigures')}
        </Text>
      )}
    </Card>
  );
}

/** What the unit wrote, read-only. */
function ReportContents({ report }: { report: SelfReportFieldsFragment }) {
  const { t, i18n } = useTranslation('inspections');
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="report-contents">
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('report.difficulties')}
        </Title>
        {report.difficulties.length === 0 ? (
          <Text c="dimmed">{t('report.noDifficulties')}</Text>
        ) : (
          <List spacing="xs" data-testid="report-difficulties">
            {report.difficulties.map((difficulty, index) => (
              <List.Item key={index}>
                <Text span fw={600}>
                  {t(`difficultyCategory.${difficulty.category}`)}:
                </Text>{' '}
                <Text span style={{ whiteSpace: 'pre-wrap' }}>
                  {difficulty.description}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('report.legalDocuments')}
        </Title>
        <FactsTable
          testId="report-legal-documents"
          facts={LEGAL_DOCUMENT_FIELDS.map((name) => [t(`legalDocuments.${name}`), formatNumber(report.legalDocuments[name], i18n.language)] as const)}
        />
      </Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('report.simplification')}
        </Title>
        {report.simplificationProposals.length === 0 ? (
          <Text c="dimmed">{t('report.noSimplification')}</Text>
        ) : (
          <List spacing="xs" data-testid="report-simplification">
            {report.simplificationProposals.map((item) => (
              <List.Item key={item.procedure.id}>
                <Text span fw={600}>
                  {item.procedure.nationalCode} – {item.procedure.name}:
                </Text>{' '}
                <Text span style={{ whiteSpace: 'pre-wrap' }}>
                  {item.proposal}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('report.proposals')}
        </Title>
        <Text c={report.proposals ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }} data-testid="report-proposals-text">
          {report.proposals || t('report.noProposals')}
        </Text>
      </Card>
    </SimpleGrid>
  );
}

const NO_ERRORS: FormErrors = { fields: {}, form: [], concurrentModification: false };

/** The team's answer to a submitted report: return it with a reason, or accept it. */
function TeamActions({ report, onDone, onReload }: { report: SelfReportFieldsFragment; onDone: (notice: Notice) => void; onReload: () => void }) {
  const { t, i18n } = useTranslation('inspections');
  const client = useApolloClient();
  const [open, setOpen] = useState<'return' | 'accept' | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const describe = (error: UserErrorLike) => userErrorText(error, t, (key) => i18n.exists(key));

  const start = (action: 'return' | 'accept') => {
    setReason('');
    setErrors(NO_ERRORS);
    setFailure(null);
    setOpen(action);
  };

  const send = async () => {
    if (open === 'return' && reason.trim() === '') {
      setErrors({ ...NO_ERRORS, fields: { reason: t('report.validation.reasonRequired') } });
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const base = { reportId: report.id, version: report.version };
      const payload =
        open === 'return'
          ? (await client.mutate({ mutation: SelfReportReturnMutation, variables: { input: { ...base, reason: reason.trim() } } })).data?.selfInspectionReportReturn
          : (await client.mutate({ mutation: SelfReportAcceptMutation, variables: { input: base } })).data?.selfInspectionReportAccept;
      if (!payload || payload.userErrors.length > 0) {
        setErrors(mapUserErrors(payload?.userErrors ?? [], ['reason'], describe));
        return;
      }
      onDone(open === 'return' ? 'returned' : 'accepted');
      setOpen(null);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fz="sm">{t('report.teamHelp')}</Text>
        <Group gap="sm">
          <Button color="orange" variant="light" onClick={() => start('return')} data-testid="report-return">
            {t('report.return')}
          </Button>
          <Button color="green" onClick={() => start('accept')} data-testid="report-accept">
            {t('report.accept')}
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open === 'return' ? t('report.returnTitle') : t('report.acceptTitle')}
        data-testid={`modal-report-${open ?? 'closed'}`}
      >
        <Stack gap="sm">
          <Text size="sm">{open === 'return' ? t('report.returnIntro', { unit: report.unit.name }) : t('report.acceptIntro', { unit: report.unit.name })}</Text>
          {errors.concurrentModification && (
            <Alert color="orange" role="alert" title={t('concurrent.title')} data-testid="concurrent-modification">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('concurrent.text')}</Text>
                <Button
                  size="xs"
                  variant="outline"
                  color="orange"
                  onClick={() => {
                    setOpen(null);
                    onReload();
                  }}
                >
                  {t('concurrent.reload')}
                </Button>
              </Stack>
            </Alert>
          )}
          {errors.form.length > 0 && (
            <Alert color="red" role="alert" title={t('report.refused')} data-testid="form-errors">
              {errors.form.map((message) => (
                <Text size="sm" key={message}>
                  {message}
                </Text>
              ))}
            </Alert>
          )}
          {Boolean(failure) && <ErrorMessage error={failure} />}
          {open === 'return' && (
            <Textarea
              label={t('report.returnReason')}
              description={t('report.returnReasonHelp')}
              required
              autosize
              minRows={3}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={errors.fields.reason || undefined}
              data-testid="report-return-reason-input"
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(null)} disabled={busy}>
              {t('common:cancel')}
            </Button>
            <Button color={open === 'return' ? 'orange' : 'green'} onClick={() => void send()} loading={busy} data-testid="report-action-confirm">
              {open === 'return' ? t('report.return') : t('report.accept')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
