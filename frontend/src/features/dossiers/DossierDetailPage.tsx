import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FactsTable } from '../../components/FactsTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';
import type { DossierDetailFieldsFragment } from '../../gql/graphql';
import { formatDate, formatDateTime } from '../../lib/format';
import { DossierActionModal } from './DossierActionModal';
import { DossierFlags, DossierStatusBadge } from './DossierBadges';
import { actionSlug, actionsFrom, type DossierAction } from './dossierActions';

export const DossierDetailFields = graphql(`
  fragment DossierDetailFields on Dossier {
    id
    receiptCode
    version
    status
    channel
    receivedAt
    dueDate
    late
    overdue
    result
    resolvedAt
    returnedAt
    closedAt
    onlinePayment
    digitisedDossier
    digitisedResult
    resultSyncedToCitizenStore
    satisfaction
    workingDaysUsedBeforePause
    allowedTransitions
    procedure {
      id
      nationalCode
      name
      statutoryWorkingDays
    }
    unit {
      id
      code
      name
    }
    applicant {
      kind
      name
      identityNumber
      phone
      address
    }
    currentStep {
      id
      ordinal
      name
    }
    currentOfficial {
      id
      fullName
      position
    }
    apology {
      reason
      newAppointmentDate
      issuedAt
    }
    rejection {
      category
      reason
    }
    events {
      seq
      transition
      fromStatus
      toStatus
      at
      reason
      step {
        id
        ordinal
        name
      }
      unit {
        id
        name
      }
      official {
        id
        fullName
        position
      }
    }
  }
`);

export const DossierDetailQuery = graphql(`
  query DossierDetail($code: String!) {
    dossier(code: $code) {
      ...DossierDetailFields
    }
  }
`);

type Dossier = DossierDetailFieldsFragment;

export default function DossierDetailPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation(['dossiers', 'common']);
  useDocumentTitle(`${t('detail.title')} ${code}`);
  const { data, loading, error, refetch } = useQuery(DossierDetailQuery, { variables: { code }, fetchPolicy: 'cache-and-network' });

  const back = (
    <Anchor component={Link} to="/dossiers" size="sm">
      ← {t('detail.back')}
    </Anchor>
  );

  if (loading && !data) {
    return (
      <Stack gap="md">
        {back}
        <Loading label={t('detail.loading')} />
      </Stack>
    );
  }
  if (error && !data?.dossier) {
    return (
      <Stack gap="md">
        {back}
        <ErrorMessage error={error} onRetry={() => void refetch()} />
      </Stack>
    );
  }
  if (!data?.dossier) {
    return (
      <Stack gap="md">
        {back}
        <Alert color="yellow" role="alert" title={t('detail.notFoundTitle')} data-testid="dossier-not-found">
          {t('detail.notFound', { code })}
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      {back}
      <DossierView dossier={data.dossier} reload={() => void refetch()} />
    </Stack>
  );
}

function DossierView({ dossier, reload }: { dossier: Dossier; reload: () => void }) {
  const { t, i18n } = useTranslation(['dossiers', 'common']);
  const lng = i18n.language;
  const [open, setOpen] = useState<DossierAction | null>(null);
  const [done, setDone] = useState<DossierAction | null>(null);
  const actions = actionsFrom(dossier.allowedTransitions);
  const yesNo = (value: boolean) => (value ? t('common:yes') : t('common:no'));

  const facts: [string, ReactNode][] = [
    [
      t('detail.procedure'),
      <>
        {dossier.procedure.name}
        <Text size="xs" c="dimmed">
          {dossier.procedure.nationalCode} · {t('detail.statutoryDays', { count: dossier.procedure.statutoryWorkingDays })}
        </Text>
      </>,
    ],
    [t('detail.unit'), dossier.unit.name],
    [t('columns.channel'), t(`channel.${dossier.channel}`)],
    [t('columns.receivedAt'), formatDateTime(dossier.receivedAt, lng)],
    [
      t('columns.dueDate'),
      <span data-testid="dossier-due-date">
        {formatDate(dossier.dueDate, lng)}
        {dossier.status === 'SUPPLEMENT_REQUESTED' && (
          <Text span size="xs" c="dimmed">
            {' '}
            ({t('detail.clockStopped', { count: dossier.workingDaysUsedBeforePause })})
          </Text>
        )}
      </span>,
    ],
    [t('detail.currentStep'), dossier.currentStep ? `${dossier.currentStep.ordinal}. ${dossier.currentStep.name}` : '—'],
    [t('detail.currentOfficial'), dossier.currentOfficial ? `${dossier.currentOfficial.fullName} (${dossier.currentOfficial.position})` : '—'],
    [t('detail.result'), dossier.result ?? '—'],
    [t('detail.resolvedAt'), dossier.resolvedAt ? formatDateTime(dossier.resolvedAt, lng) : '—'],
    [t('detail.returnedAt'), dossier.returnedAt ? formatDateTime(dossier.returnedAt, lng) : '—'],
    [t('detail.onlinePayment'), yesNo(dossier.onlinePayment)],
    [t('detail.digitisedDossier'), yesNo(dossier.digitisedDossier)],
    [t('detail.digitisedResult'), yesNo(dossier.digitisedResult)],
    [t('detail.resultSyncedToCitizenStore'), yesNo(dossier.resultSyncedToCitizenStore)],
    [t('detail.satisfaction'), dossier.satisfaction ? t(`satisfaction.${dossier.satisfaction}`) : t('detail.notRated')],
  ];

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('detail.title')}
          </Text>
          <Title order={2} ff="monospace" data-testid="dossier-code">
            {dossier.receiptCode}
          </Title>
          <Group gap="xs">
            <DossierStatusBadge status={dossier.status} data-testid="dossier-status" />
            <DossierFlags late={dossier.late} overdue={dossier.overdue} />
          </Group>
          <Text size="sm">{t(`statusExplained.${dossier.status}`)}</Text>
        </Stack>
        {actions.length > 0 && (
          <Group gap="xs" data-testid="dossier-actions" maw={560} justify="flex-end">
            {actions.map((action) => (
              <Button
                key={action}
                size="sm"
                variant={action === 'reject' || action === 'withdraw' ? 'outline' : 'light'}
                color={action === 'reject' || action === 'withdraw' ? 'red' : undefined}
                onClick={() => {
                  setDone(null);
                  setOpen(action);
                }}
                data-testid={`action-${actionSlug(action)}`}
              >
                {t(`actions.${action}.button`)}
              </Button>
            ))}
          </Group>
        )}
      </Group>

      {done && (
        <Alert color="green" role="status" withCloseButton onClose={() => setDone(null)} data-testid="action-done">
          {t(`actions.${done}.done`)}
        </Alert>
      )}

      {dossier.apology && (
        <Alert color="orange" title={t('detail.apologyTitle')} data-testid="dossier-apology">
          <Text size="sm">
            {t('detail.apologyReason')}: {dossier.apology.reason}
          </Text>
          <Text size="sm">
            {t('detail.newAppointmentDate')}: <strong>{formatDate(dossier.apology.newAppointmentDate, lng)}</strong>
          </Text>
          <Text size="xs" c="dimmed">
            {t('detail.issuedAt')}: {formatDateTime(dossier.apology.issuedAt, lng)}
          </Text>
        </Alert>
      )}
      {dossier.rejection && (
        <Alert color="red" title={t('detail.rejectionTitle')} data-testid="dossier-rejection">
          <Text size="sm">
            {t('detail.reasonCategory')}: {t(`reasonCategory.${dossier.rejection.category}`)}
          </Text>
          <Text size="sm">{dossier.rejection.reason}</Text>
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('detail.facts')}
          </Title>
          <FactsTable facts={facts} />
        </Card>
        <Stack gap="md">
          <Card withBorder data-testid="dossier-applicant-card">
            <Title order={3} size="h4" mb="sm">
              {t('detail.applicant')}
            </Title>
            {dossier.applicant ? (
              <FactsTable
                testId="dossier-applicant"
                facts={[
                      [t('applicant.kind'), t(`applicantKind.${dossier.applicant.kind}`)],
                      [t('applicant.name'), dossier.applicant.name],
                      [t('applicant.identityNumber'), dossier.applicant.identityNumber ?? '—'],
                      [t('applicant.phone'), dossier.applicant.phone ?? '—'],
                      [t('applicant.address'), dossier.applicant.address ?? '—'],
                ]}
              />
            ) : (
              <Text size="sm" c="dimmed">
                {t('detail.applicantHidden')}
              </Text>
            )}
          </Card>
          <Card withBorder>
            <Title order={3} size="h4" mb="sm">
              {t('detail.timeline')}
            </Title>
            <Timeline active={dossier.events.length - 1} bulletSize={16} lineWidth={2} data-testid="dossier-timeline">
              {dossier.events.map((event) => (
                <Timeline.Item key={event.seq} title={t(`transition.${event.transition}`)} data-testid="dossier-event">
                  <Text size="xs" c="dimmed">
                    <time dateTime={event.at}>{formatDateTime(event.at, lng)}</time>
                    {event.fromStatus && event.fromStatus !== event.toStatus
                      ? ` · ${t(`status.${event.fromStatus}`)} → ${t(`status.${event.toStatus}`)}`
                      : event.fromStatus
                        ? ''
                        : ` · ${t(`status.${event.toStatus}`)}`}
                  </Text>
                  {event.step && (
                    <Text size="sm">
                      {t('detail.step')}: {event.step.ordinal}. {event.step.name}
                    </Text>
                  )}
                  {(event.unit || event.official) && (
                    <Text size="sm">
                      {[event.unit?.name, event.official ? `${event.official.fullName} (${event.official.position})` : null].filter(Boolean).join(' · ')}
                    </Text>
                  )}
                  {event.reason && (
                    <Text size="sm" fs="italic">
                      {t('detail.reason')}: {event.reason}
                    </Text>
                  )}
                </Timeline.Item>
              ))}
            </Timeline>
          </Card>
        </Stack>
      </SimpleGrid>

      <DossierActionModal
        action={open}
        dossier={dossier}
        onClose={() => setOpen(null)}
        onDone={(action) => {
          setOpen(null);
          setDone(action);
          // The payload already put the changed dossier in the cache; read it again for derived fields.
          reload();
        }}
        onReload={() => {
          setOpen(null);
          reload();
        }}
      />
    </>
  );
}
