import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Checkbox, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CursorPager } from '../../components/CursorPager';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';
import type { FeedbackStatus } from '../../gql/graphql';
import { FIRST_PAGE, pageArguments, readPaging, writePaging, type CursorPaging } from '../../lib/cursorPaging';
import { formatDate } from '../../lib/format';

export const FeedbackInboxQuery = graphql(`
  query FeedbackInbox($filter: FeedbackFilter, $first: Int, $after: String, $last: Int, $before: String) {
    feedbackList(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        code
        kind
        status
        message
        submittedAt
        answerDueDate
        overdue
        unit {
          id
          name
        }
      }
    }
  }
`);

interface InboxParams {
  status?: FeedbackStatus;
  overdue: boolean;
  text: string;
  paging: CursorPaging;
}

function readParams(params: URLSearchParams): InboxParams {
  const status = params.get('status');
  return {
    status: status === 'OPEN' || status === 'ANSWERED' ? status : undefined,
    overdue: params.get('overdue') === '1',
    text: params.get('q') ?? '',
    paging: readPaging(params),
  };
}

function writeParams(state: InboxParams): URLSearchParams {
  const params = new URLSearchParams();
  if (state.status) params.set('status', state.status);
  if (state.overdue) params.set('overdue', '1');
  if (state.text.trim()) params.set('q', state.text.trim());
  writePaging(params, state.paging);
  return params;
}

/** Staff: feedback of the caller's units (unit heads their subtree, inspectors all), filters and page in the URL. */
export default function FeedbackInboxPage() {
  const { t, i18n } = useTranslation('feedback');
  useDocumentTitle(t('inbox.title'));
  const [params, setParams] = useSearchParams();
  const state = readParams(params);
  const [text, setText] = useState(state.text);
  const [debounced] = useDebouncedValue(text, 300);
  const update = (change: Partial<InboxParams>) => setParams(writeParams({ ...state, paging: { ...state.paging, ...FIRST_PAGE }, ...change }));

  useEffect(() => {
    if (debounced.trim() !== state.text.trim()) update({ text: debounced });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const { data, loading, error, refetch } = useQuery(FeedbackInboxQuery, {
    variables: {
      filter: { status: state.status ?? null, overdue: state.overdue ? true : null, text: state.text.trim() || null },
      ...pageArguments(state.paging),
    },
  });
  const page = data?.feedbackList;

  return (
    <Stack gap="md">
      <Title order={2}>{t('inbox.title')}</Title>
      <Text>{t('inbox.lead')}</Text>
      <Group gap="md" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="inbox-status">
            {t('inbox.statusFilter')}
          </Text>
          <SegmentedControl
            aria-labelledby="inbox-status"
            value={state.status ?? 'ALL'}
            onChange={(value) => update({ status: value === 'ALL' ? undefined : (value as FeedbackStatus) })}
            data={[
              { value: 'ALL', label: t('inbox.all') },
              { value: 'OPEN', label: t('status.OPEN') },
              { value: 'ANSWERED', label: t('status.ANSWERED') },
            ]}
          />
        </Stack>
        <Checkbox label={t('inbox.overdueOnly')} checked={state.overdue} onChange={(event) => update({ overdue: event.currentTarget.checked })} />
        <TextInput label={t('inbox.search')} value={text} onChange={(event) => setText(event.currentTarget.value)} />
      </Group>
      {loading && !page ? (
        <Loading label={t('inbox.loading')} />
      ) : error && !page ? (
        <ErrorMessage error={error} onRetry={() => void refetch()} />
      ) : page && page.nodes.length === 0 ? (
        <Text data-testid="inbox-empty">{t('inbox.empty')}</Text>
      ) : page ? (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover data-testid="feedback-inbox">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('inbox.code')}</Table.Th>
                  <Table.Th>{t('inbox.unit')}</Table.Th>
                  <Table.Th>{t('inbox.submitted')}</Table.Th>
                  <Table.Th>{t('inbox.due')}</Table.Th>
                  <Table.Th>{t('inbox.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.nodes.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/feedback-inbox/${encodeURIComponent(f.id)}`}>
                        {f.code}
                      </Anchor>
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {t(`kind.${f.kind}`)}: {f.message}
                      </Text>
                    </Table.Td>
                    <Table.Td>{f.unit.name}</Table.Td>
                    <Table.Td>{formatDate(f.submittedAt.slice(0, 10), i18n.language)}</Table.Td>
                    <Table.Td>{formatDate(f.answerDueDate, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Badge color={f.status === 'ANSWERED' ? 'green' : f.overdue ? 'red' : 'blue'} variant="light">
                        {f.overdue ? t('inbox.overdue') : t(`status.${f.status}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <CursorPager
            totalCount={page.totalCount ?? page.nodes.length}
            shown={page.nodes.length}
            page={state.paging.page}
            pageSize={state.paging.pageSize}
            hasPreviousPage={page.pageInfo.hasPreviousPage}
            hasNextPage={page.pageInfo.hasNextPage}
            busy={loading}
            onPrevious={() =>
              setParams(writeParams({ ...state, paging: { ...state.paging, before: page.pageInfo.startCursor ?? undefined, after: undefined, page: state.paging.page - 1 } }))
            }
            onNext={() =>
              setParams(writeParams({ ...state, paging: { ...state.paging, after: page.pageInfo.endCursor ?? undefined, before: undefined, page: state.paging.page + 1 } }))
            }
            onPageSize={(size) => update({ paging: { ...FIRST_PAGE, pageSize: size } })}
          />
        </>
      ) : null}
    </Stack>
  );
}
