import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';
import { useAuth } from '../../lib/auth/AuthContext';
import { formatDate, formatDateTime } from '../../lib/format';

export const FeedbackItemQuery = graphql(`
  query FeedbackItem($id: ID!) {
    node(id: $id) {
      __typename
      ... on Feedback {
        id
        code
        kind
        status
        message
        submittedAt
        answerDueDate
        overdue
        rating
        version
        dossierReceiptCode
        unit {
          id
          name
        }
        procedure {
          id
          nationalCode
          name
        }
        sender {
          name
          email
          phone
          loggedIn
        }
        answer {
          text
          answeredAt
          late
        }
        answeredBy {
          id
          fullName
        }
      }
    }
  }
`);

export const FeedbackAnswerMutation = graphql(`
  mutation FeedbackAnswer($input: FeedbackAnswerInput!) {
    feedbackAnswer(input: $input) {
      userErrors {
        field
        code
        message
      }
      feedback {
        id
        status
        version
        answer {
          text
          answeredAt
          late
        }
        answeredBy {
          id
          fullName
        }
      }
    }
  }
`);

const KNOWN_CODES = ['NOT_SPECIFIC', 'REQUIRED', 'ALREADY_ANSWERED', 'CONCURRENT_MODIFICATION'];

/** Staff: one feedback item; its unit's head answers it here, specifically and once. */
export default function FeedbackAnswerPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('feedback');
  const lng = i18n.language;
  const { user } = useAuth();
  const { data, loading, error, refetch } = useQuery(FeedbackItemQuery, { variables: { id } });
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [answer, answered] = useMutation(FeedbackAnswerMutation);
  const node = data?.node;
  const item = node && node.__typename === 'Feedback' ? node : null;
  useDocumentTitle(t('answer.title', { code: item?.code ?? '' }));

  if (loading && !data) return <Loading label={t('answer.loading')} />;
  if (error && !data) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  if (!item) {
    return (
      <Stack gap="sm">
        <Alert color="yellow" variant="light" role="alert">
          {t('answer.notFound')}
        </Alert>
        <Anchor component={Link} to="/feedback-inbox">
          {t('answer.back')}
        </Anchor>
      </Stack>
    );
  }
  const current = answered.data?.feedbackAnswer.feedback ?? item;
  const mayAnswer = user?.roles.includes('unit_head') && current.status === 'OPEN';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!item) return;
    const result = await answer({ variables: { input: { feedbackId: item.id, version: item.version, answer: text } } }).catch(() => null);
    const errors = result?.data?.feedbackAnswer.userErrors ?? [];
    setProblem(errors.length > 0 ? errors.map((e) => (KNOWN_CODES.includes(e.code) ? t(`answer.${e.code}`) : e.message)).join(' ') : null);
  }

  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to="/feedback-inbox" size="sm">
        {t('answer.back')}
      </Anchor>
      <Title order={2}>{t('answer.title', { code: item.code })}</Title>
      <Card withBorder padding="md">
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600}>{t(`kind.${item.kind}`)}</Text>
            <Badge color={current.status === 'ANSWERED' ? 'green' : item.overdue ? 'red' : 'blue'} variant="light" data-testid="answer-status">
              {item.overdue && current.status === 'OPEN' ? t('inbox.overdue') : t(`status.${current.status}`)}
            </Badge>
          </Group>
          <Text size="sm">
            <strong>{t('inbox.unit')}:</strong> {item.unit.name}
          </Text>
          {item.procedure && (
            <Text size="sm">
              <strong>{t('follow.procedure')}:</strong> {item.procedure.name} ({item.procedure.nationalCode})
            </Text>
          )}
          {item.dossierReceiptCode && (
            <Text size="sm">
              <strong>{t('follow.dossier')}:</strong> {item.dossierReceiptCode}
            </Text>
          )}
          <Text size="sm">
            <strong>{t('inbox.submitted')}:</strong> {formatDateTime(item.submittedAt, lng)} · <strong>{t('inbox.due')}:</strong>{' '}
            {formatDate(item.answerDueDate, lng)}
          </Text>
          <Text size="sm">
            <strong>{t('answer.sender')}:</strong>{' '}
            {item.sender
              ? [item.sender.name, item.sender.email, item.sender.phone, item.sender.loggedIn ? t('answer.loggedIn') : null].filter(Boolean).join(' · ')
              : t('answer.anonymousSender')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="answer-message">
            {item.message}
          </Text>
        </Stack>
      </Card>
      {current.answer && (
        <Alert color="green" variant="light" title={t('follow.answer')} data-testid="answer-given">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {current.answer.text}
          </Text>
          <Text size="xs" mt={4}>
            {t('follow.answeredAt', { at: formatDateTime(current.answer.answeredAt, lng) })}
            {current.answer.late ? ` · ${t('follow.answeredLate')}` : ''}
            {current.answeredBy ? ` · ${t('answer.answeredBy', { name: current.answeredBy.fullName })}` : ''}
          </Text>
          {item.rating != null && <Text size="xs">{t('answer.rating', { label: t(`rating.${item.rating}`) })}</Text>}
        </Alert>
      )}
      {answered.data?.feedbackAnswer.feedback && (
        <Text role="status" size="sm">
          {t('answer.done')}
        </Text>
      )}
      {mayAnswer && (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack gap="sm">
            <Textarea
              label={t('answer.label')}
              description={t('answer.hint')}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              error={problem ?? undefined}
              autosize
              minRows={4}
              maxLength={4000}
              required
              name="answer"
            />
            {answered.error && <ErrorMessage error={answered.error} />}
            <Button type="submit" loading={answered.loading} w="fit-content">
              {t('answer.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
