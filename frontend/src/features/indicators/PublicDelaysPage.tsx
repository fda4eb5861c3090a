import { useQuery } from '@apollo/client/react';
import { Button, Group, NativeSelect, Paper, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';
import { formatNumber, todayInVietnam } from '../../lib/format';
import { DelayListStatusLine, DelayListView } from './DelayListView';

/** Published lists per page: each carries its officials, so pages stay short. */
export const PUBLIC_PAGE_SIZE = 10;

export const PublishedDelayListsQuery = graphql(`
  query PublishedDelayLists($unitCode: String, $year: Int, $first: Int, $after: String) {
    publishedDelayLists(unitCode: $unitCode, year: $year, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...DelayListFields
      }
    }
  }
`);

/** `?unit=NA-SYT&year=2025` as the query's filter; malformed values are ignored. */
export function publicDelaysFilter(params: URLSearchParams): { unitCode: string | null; year: number | null } {
  const unitCode = params.get('unit')?.trim().toUpperCase() || null;
  const year = /^\d{4}$/.test(params.get('year') ?? '') ? Number(params.get('year')) : null;
  return { unitCode, year };
}

/**
 * The delays-by-official lists unit heads approved for publication (Hanoi Directive 15), readable
 * by anyone without logging in.
 */
export default function PublicDelaysPage() {
  const { t, i18n } = useTranslation(['indicators', 'common']);
  useDocumentTitle(t('public.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = publicDelaysFilter(searchParams);
  const [code, setCode] = useState(filter.unitCode ?? '');
  const [debouncedCode] = useDebouncedValue(code, 400);
  const [cursors, setCursors] = useState<string[]>([]);
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(key, value);
    else next.delete(key);
    setCursors([]);
    setSearchParams(next, { replace: true });
  };
  useEffect(() => {
    const wanted = debouncedCode.trim().toUpperCase() || null;
    if (wanted !== filter.unitCode) setParam('unit', wanted);
    // Only a new debounced value changes the URL.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedCode]);

  const query = useQuery(PublishedDelayListsQuery, {
    variables: { ...filter, first: PUBLIC_PAGE_SIZE, after: cursors[cursors.length - 1] ?? null },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (query.data ?? query.previousData)?.publishedDelayLists;
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const years = Array.from({ length: thisYear - 2020 }, (_, i) => String(thisYear - i));

  return (
    <Stack gap="md">
      <Title order={2}>{t('public.title')}</Title>
      <Text size="sm">{t('public.intro')}</Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('public.unitCode')}
          placeholder="NA-SYT"
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          data-testid="public-unit"
        />
        <NativeSelect
          label={t('public.year')}
          value={filter.year ? String(filter.year) : ''}
          data={[{ value: '', label: t('public.allYears') }, ...years.map((y) => ({ value: y, label: y }))]}
          onChange={(event) => setParam('year', event.currentTarget.value || null)}
          data-testid="public-year"
        />
      </Group>
      {query.error && !connection ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : !connection ? (
        <Loading label={t('public.loading')} />
      ) : (
        <>
          {query.loading && <Progress value={100} animated size="xs" aria-label={t('public.loading')} />}
          <Text size="sm" data-testid="public-total">
            {t('public.total', { count: connection.totalCount, formatted: formatNumber(connection.totalCount, i18n.language) })}
          </Text>
          {connection.nodes.map((list) => (
            <Paper key={`${list.unitCode}-${list.year}-${list.month}`} withBorder p="md" data-testid="public-list">
              <Stack gap="xs">
                <DelayListStatusLine list={list} />
                <DelayListView list={list} />
              </Stack>
            </Paper>
          ))}
          {(cursors.length > 0 || connection.pageInfo.hasNextPage) && (
            <Group gap="xs">
              <Button size="xs" variant="default" disabled={cursors.length === 0 || query.loading} onClick={() => setCursors((c) => c.slice(0, -1))}>
                {t('common:pager.previous')}
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={!connection.pageInfo.hasNextPage || query.loading}
                onClick={() => connection.pageInfo.endCursor && setCursors((c) => [...c, connection.pageInfo.endCursor!])}
                data-testid="public-next"
              >
                {t('common:pager.next')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
