import { useMutation } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Group, List, Radio, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql/gql';
import type { PublicDossierFieldsFragment } from '../../gql/graphql';
import { retryAfterSeconds } from '../../lib/apollo/rateLimit';
import { formatDate, formatDateTime } from '../../lib/format';
import { RATINGS } from './publicDossier';

export const DossierSatisfactionSubmitMutation = graphql(`
  mutation DossierSatisfactionSubmit($input: DossierSatisfactionSubmitInput!) {
    dossierSatisfactionSubmit(input: $input) {
      userErrors {
        field
        code
        message
      }
      dossier {
        ...PublicDossierFields
      }
    }
  }
`);

const STATUS_COLOR: Record<string, string> = {
  RECEIVED: 'blue',
  PROCESSING: 'blue',
  SUPPLEMENT_REQUESTED: 'orange',
  RESOLVED: 'green',
  RETURNED: 'green',
  REJECTED: 'red',
  WITHDRAWN: 'gray',
};

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="xs" align="baseline" wrap="wrap">
      <Text fw={600} size="sm" component="dt">
        {label}:
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </Group>
  );
}

/**
 * A dossier as its applicant sees it: status in plain words, what to do, lateness and the apology,
 * the unit's contact and the timeline, and the satisfaction rating once the result was handed over.
 * `secondFactor` is what the lookup was opened with (none for a logged-in citizen's own dossier).
 */
export function PublicDossierView({ dossier, secondFactor }: { dossier: PublicDossierFieldsFragment; secondFactor?: string }) {
  const { t, i18n } = useTranslation('citizen');
  const lng = i18n.language;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`dossier-${dossier.receiptCode}`} data-testid="public-dossier">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h4" id={`dossier-${dossier.receiptCode}`}>
            {dossier.receiptCode}
          </Title>
          <Badge color={STATUS_COLOR[dossier.status] ?? 'gray'} size="lg" variant="light" data-testid="public-status">
            {t(`status.${dossier.status}`)}
          </Badge>
        </Group>
        <Stack gap={4} component="dl" m={0}>
          <Fact label={t('facts.procedure')}>
            {dossier.procedureName} ({dossier.procedureCode})
          </Fact>
          <Fact label={t('facts.unit')}>{dossier.unitName}</Fact>
          {(dossier.unitAddress || dossier.unitPhone || dossier.unitEmail) && (
            <Fact label={t('facts.contact')}>
              {[dossier.unitAddress, dossier.unitPhone, dossier.unitEmail].filter(Boolean).join(' · ')}
            </Fact>
          )}
          <Fact label={t('facts.received')}>{formatDateTime(dossier.receivedAt, lng)}</Fact>
          <Fact label={t('facts.due')}>{formatDate(dossier.dueDate, lng)}</Fact>
          {dossier.currentStepName && dossier.status !== 'RETURNED' && <Fact label={t('facts.step')}>{dossier.currentStepName}</Fact>}
          {dossier.resolvedAt && <Fact label={t('facts.resolved')}>{formatDateTime(dossier.resolvedAt, lng)}</Fact>}
          {dossier.returnedAt && <Fact label={t('facts.returned')}>{formatDateTime(dossier.returnedAt, lng)}</Fact>}
        </Stack>

        {(dossier.overdue || dossier.late) && (
          <Alert color="orange" variant="light" title={dossier.overdue ? t('late.overdue') : t('late.late')} data-testid="public-late">
            {dossier.apologyReason ? (
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  {t('late.apologyTitle')}
                </Text>
                <Text size="sm">{t('late.apologyReason', { reason: dossier.apologyReason })}</Text>
                {dossier.apologyNewDate && <Text size="sm">{t('late.newDate', { date: formatDate(dossier.apologyNewDate, lng) })}</Text>}
              </Stack>
            ) : (
              <Text size="sm">{t('late.noApology')}</Text>
            )}
          </Alert>
        )}

        <section aria-labelledby={`todo-${dossier.receiptCode}`}>
          <Title order={4} size="h5" id={`todo-${dossier.receiptCode}`}>
            {t('whatToDo')}
          </Title>
          <Text size="sm" data-testid="public-next">
            {t(`next.${dossier.nextAction}`, { due: formatDate(dossier.apologyNewDate ?? dossier.dueDate, lng), unit: dossier.unitName })}
          </Text>
          {dossier.supplementReason && (
            <Text size="sm" mt={4}>
              <strong>{t('supplementReason')}:</strong> {dossier.supplementReason}
            </Text>
          )}
          {dossier.rejectionReason && (
            <Text size="sm" mt={4}>
              <strong>{t('rejectionReason')}:</strong> {dossier.rejectionReason}
            </Text>
          )}
        </section>

        {(dossier.canRate || dossier.satisfaction != null) && (
          <RatingForm receiptCode={dossier.receiptCode} secondFactor={secondFactor} satisfaction={dossier.satisfaction ?? null} />
        )}

        <section aria-labelledby={`timeline-${dossier.receiptCode}`}>
          <Title order={4} size="h5" id={`timeline-${dossier.receiptCode}`}>
            {t('timeline.title')}
          </Title>
          <List size="sm" spacing={4} component="ol" data-testid="public-timeline">
            {dossier.timeline.map((step) => (
              <List.Item key={step.seq}>
                <Text size="sm" span fw={600}>
                  {formatDateTime(step.at, lng)}
                </Text>{' '}
                {t(`timeline.${step.transition}`)}
                {step.stepName ? ` — ${step.stepName}` : ''}
                {step.unitName ? ` (${step.unitName})` : ''}
              </List.Item>
            ))}
          </List>
        </section>

        {/* The feedback form is a light public page outside this SPA: a full page load. */}
        <Anchor href={`/feedback?dossier=${encodeURIComponent(dossier.receiptCode)}`} size="sm">
          {t('feedbackLink')}
        </Anchor>
      </Stack>
    </Card>
  );
}

function RatingForm({ receiptCode, secondFactor, satisfaction }: { receiptCode: string; secondFactor?: string; satisfaction: number | null }) {
  const { t } = useTranslation('citizen');
  const [value, setValue] = useState<string>('');
  const [problem, setProblem] = useState<string | null>(null);
  const [rate, { loading, data }] = useMutation(DossierSatisfactionSubmitMutation);
  const rated = data?.dossierSatisfactionSubmit.dossier?.satisfaction ?? satisfaction;

  if (rated != null) {
    return (
      <Alert color="green" variant="light" role="status" data-testid="rating-given">
        {data ? `${t('rate.thanks')} ` : ''}
        {t('rate.given', { label: t(`rate.${rated}`) })}
      </Alert>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!value) {
      setProblem(t('rate.choose'));
      return;
    }
    setProblem(null);
    try {
      const result = await rate({ variables: { input: { receiptCode, secondFactor: secondFactor ?? null, satisfaction: Number(value) } } });
      const errors = result.data?.dossierSatisfactionSubmit.userErrors ?? [];
      if (errors.length > 0) setProblem(errors.map((e) => e.message).join(' '));
    } catch (error) {
      const seconds = retryAfterSeconds(error);
      setProblem(seconds ? t('lookup.rateLimited', { seconds }) : String((error as Error).message));
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby={`rate-${receiptCode}`}>
      <Stack gap="xs">
        <Title order={4} size="h5" id={`rate-${receiptCode}`}>
          {t('rate.title')}
        </Title>
        <Radio.Group label={t('rate.label')} value={value} onChange={setValue} error={problem ?? undefined}>
          <Stack gap={6} mt={4}>
            {RATINGS.map((n) => (
              <Radio key={n} value={String(n)} label={t(`rate.${n}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Button type="submit" loading={loading} w="fit-content">
          {t('rate.submit')}
        </Button>
      </Stack>
    </form>
  );
}
