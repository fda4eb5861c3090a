import { useLazyQuery, useMutation } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';
import type { FeedbackStatusQuery as Status } from '../../gql/graphql';
import { retryAfterSeconds } from '../../lib/apollo/rateLimit';
import { useAuth } from '../../lib/auth/AuthContext';
import { formatDate, formatDateTime } from '../../lib/format';

export const FeedbackStatusQuery = graphql(`
  query FeedbackStatus($code: String!, $secret: String) {
    feedbackStatus(code: $code, secret: $secret) {
      code
      kind
      status
      unitName
      procedureName
      dossierReceiptCode
      message
      submittedAt
      answerDueDate
      overdue
      rating
      canRate
      answer {
        text
        answeredAt
        late
      }
    }
  }
`);

export const FeedbackRateMutation = graphql(`
  mutation FeedbackRate($input: FeedbackRateInput!) {
    feedbackRate(input: $input) {
      userErrors {
        field
        code
        message
      }
      feedback {
        code
        rating
        canRate
      }
    }
  }
`);

type Item = NonNullable<Status['feedbackStatus']>;

/** Public: the sender follows a feedback item with its code (in the URL) and the secret (typed, never in the URL). */
export default function FeedbackStatusPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation('feedback');
  useDocumentTitle(t('follow.title', { code }));
  const { user } = useAuth();
  const [secret, setSecret] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [find, { data, loading, error }] = useLazyQuery(FeedbackStatusQuery, { fetchPolicy: 'network-only' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAsked(secret.trim());
    await find({ variables: { code, secret: secret.trim() || null } }).catch(() => undefined);
  }

  const item = asked !== null && !loading && !error ? data?.feedbackStatus : undefined;
  const seconds = retryAfterSeconds(error);

  return (
    <Stack gap="md" maw={640}>
      <Title order={2}>{t('follow.title', { code })}</Title>
      {item ? (
        <FeedbackView item={item} secret={asked ?? ''} />
      ) : (
        <>
          <Text>{t('follow.lead')}</Text>
          <Paper withBorder p="md" component="form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('follow.submit')}>
            <Stack gap="sm">
              <TextInput
                label={t('follow.secret')}
                description={user ? t('follow.secretLoggedIn') : undefined}
                value={secret}
                onChange={(event) => setSecret(event.currentTarget.value)}
                autoComplete="off"
                spellCheck={false}
                size="md"
                name="secret"
              />
              <Button type="submit" size="md" loading={loading}>
                {t('follow.submit')}
              </Button>
            </Stack>
          </Paper>
          <div aria-live="polite">
            {asked !== null && !loading && !error && data && data.feedbackStatus == null && (
              <Alert color="red" variant="light" role="alert" data-testid="feedback-no-match">
                {t('follow.noMatch')}
              </Alert>
            )}
            {seconds !== undefined && (
              <Alert color="orange" variant="light" role="alert">
                {t('follow.rateLimited', { seconds })}
              </Alert>
            )}
            {error && seconds === undefined && <ErrorMessage error={error} />}
          </div>
        </>
      )}
    </Stack>
  );
}

function FeedbackView({ item, secret }: { item: Item; secret: string }) {
  const { t, i18n } = useTranslation('feedback');
  const lng = i18n.language;
  return (
    <Card withBorder padding="md" component="article" data-testid="feedback-status">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{t(`kind.${item.kind}`)}</Text>
          <Badge color={item.status === 'ANSWERED' ? 'green' : item.overdue ? 'red' : 'blue'} variant="light" size="lg">
            {t(`status.${item.status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          <strong>{t('follow.unit')}:</strong> {item.unitName}
        </Text>
        {item.procedureName && (
          <Text size="sm">
            <strong>{t('follow.procedure')}:</strong> {item.procedureName}
          </Text>
        )}
        {item.dossierReceiptCode && (
          <Text size="sm">
            <strong>{t('follow.dossier')}:</strong> {item.dossierReceiptCode}
          </Text>
        )}
        <Text size="sm">
          <strong>{t('follow.submitted')}:</strong> {formatDateTime(item.submittedAt, lng)} · <strong>{t('follow.due')}:</strong>{' '}
          {formatDate(item.answerDueDate, lng)}
        </Text>
        <section aria-labelledby="feedback-message">
          <Text size="sm" fw={600} id="feedback-message">
            {t('follow.message')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {item.message}
          </Text>
        </section>
        {item.answer ? (
          <Alert color="green" variant="light" title={t('follow.answer')} data-testid="feedback-answer">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {item.answer.text}
            </Text>
            <Text size="xs" mt={4}>
              {t('follow.answeredAt', { at: formatDateTime(item.answer.answeredAt, lng) })}
              {item.answer.late ? ` · ${t('follow.answeredLate')}` : ''}
            </Text>
          </Alert>
        ) : item.overdue ? (
          <Alert color="red" variant="light" role="status">
            {t('follow.overdue')}
          </Alert>
        ) : (
          <Text size="sm">{t('follow.waiting', { date: formatDate(item.answerDueDate, lng) })}</Text>
        )}
        {(item.canRate || item.rating != null) && <AnswerRating code={item.code} secret={secret} rating={item.rating ?? null} />}
      </Stack>
    </Card>
  );
}

function AnswerRating({ code, secret, rating }: { code: string; secret: string; rating: number | null }) {
  const { t } = useTranslation('feedback');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [rate, { data, loading }] = useMutation(FeedbackRateMutation);
  const given = data?.feedbackRate.feedback?.rating ?? rating;
  if (given != null) {
    return (
      <Alert color="green" variant="light" role="status">
        {data ? `${t('follow.thanks')} ` : ''}
        {t('follow.rated', { label: t(`rating.${given}`) })}
      </Alert>
    );
  }
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!value) return;
    try {
      const result = await rate({ variables: { input: { code, secret: secret || null, rating: Number(value) } } });
      const errors = result.data?.feedbackRate.userErrors ?? [];
      setProblem(errors.length > 0 ? errors.map((e) => e.message).join(' ') : null);
    } catch (error) {
      const seconds = retryAfterSeconds(error);
      setProblem(seconds ? t('follow.rateLimited', { seconds }) : String((error as Error).message));
    }
  }
  return (
    <form onSubmit={(event) => void submit(event)}>
      <Stack gap="xs">
        <Radio.Group label={t('follow.rateTitle')} value={value} onChange={setValue} error={problem ?? undefined}>
          <Stack gap={6} mt={4}>
            {[1, 2, 3, 4, 5].map((n) => (
              <Radio key={n} value={String(n)} label={t(`rating.${n}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Button type="submit" loading={loading} disabled={!value} w="fit-content">
          {t('follow.rateSubmit')}
        </Button>
      </Stack>
    </form>
  );
}
