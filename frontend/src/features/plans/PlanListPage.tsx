import { useQuery } from '@apollo/client/react';
import { Anchor, Button, EmptyState, Group, Progress, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CursorPager } from '../../components/CursorPager';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';
import { useAuth } from '../../lib/auth/AuthContext';
import { formatDate, formatNumber } from '../../lib/format';
import { oneOf } from '../../lib/vocabulary';
import {
  parsePlanListParams,
  planListSearchParams,
  planListVariables,
  withChanges,
  type PlanListState,
} from './planListParams';
import { PlanStatusBadge } from './PlanStatusBadge';
import { PLAN_STATUSES, planPath } from './planVocabulary';

export const PlanListQuery = graphql(`
  query PlanList($filter: InspectionPlanFilter, $first: Int, $after: String, $last: Int, $before: String) {
    inspectionPlans(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        number
        title
        periodFrom
        periodTo
        status
        targets {
          id
        }
      }
    }
  }
`);

/** Pause after the last keystroke before the search goes to the server. */
export const SEARCH_DEBOUNCE_MS = 400;

export default function PlanListPage() {
  const { t, i18n } = useTranslation(['plans', 'common']);
  // Inspectors create plans (and lead them); administrators only read.
  const { user } = useAuth();
  useDocumentTitle(t('list.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const state = parsePlanListParams(searchParams);
  const go = (next: PlanListState, replace = false) => setSearchParams(planListSearchParams(next), { replace });

  const [search, setSearch] = useState(state.text ?? '');
  const [debouncedSearch] = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  const pushedText = useRef(state.text);
  useEffect(() => {
    const text = debouncedSearch.trim() || undefined;
    if (text !== state.text) {
      pushedText.current = text;
      go(withChanges(state, { text }), true);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedSearch]);
  useEffect(() => {
    if (state.text !== pushedText.current) {
      pushedText.current = state.text;
      setSearch(state.text ?? '');
    }
  }, [state.text]);

  const list = useQuery(PlanListQuery, { variables: planListVariables(state), fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' });
  const connection = (list.data ?? list.previousData)?.inspectionPlans;
  const rows = connection?.nodes ?? [];
  const firstLoad = list.loading && !connection;
  const filtered = Boolean(state.text || state.status);
  const period = (from?: string | null, to?: string | null) =>
    from || to ? `${formatDate(from, i18n.language)} – ${formatDate(to, i18n.language)}` : '';

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={2}>{t('list.title')}</Title>
        {user?.roles.includes('inspector') && (
          <Button component={Link} to="/plans/new" data-testid="plan-new">
            {t('list.new')}
          </Button>
        )}
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          type="search"
          style={{ flex: '1 1 320px' }}
          data-testid="plan-search"
        />
        <Select
          label={t('list.status')}
          placeholder={t('list.allStatuses')}
          clearable
          data={PLAN_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
          value={state.status ?? null}
          onChange={(value) => go(withChanges(state, { status: oneOf(PLAN_STATUSES, value) }))}
          data-testid="plan-status-filter"
        />
      </Group>

      {list.error && !connection ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          {list.error && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />}
          {firstLoad && <Loading label={t('list.loading')} />}
          {list.loading && connection && <Progress value={100} animated size="xs" aria-label={t('list.loading')} />}
          {!firstLoad && rows.length === 0 ? (
            <EmptyState
              title={filtered ? t('list.emptyFiltered') : t('list.empty')}
              description={filtered ? undefined : t('list.emptyHint')}
              data-testid="plan-empty"
            >
              {filtered && (
                <EmptyState.Actions>
                  <Button
                    variant="default"
                    onClick={() => {
                      setSearch('');
                      go({ pageSize: state.pageSize, page: 1 });
                    }}
                  >
                    {t('list.clearFilters')}
                  </Button>
                </EmptyState.Actions>
              )}
            </EmptyState>
          ) : (
            !firstLoad && (
              <Table.ScrollContainer minWidth={760}>
                <Table striped highlightOnHover aria-busy={list.loading} data-testid="plan-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('columns.number')}</Table.Th>
                      <Table.Th>{t('columns.title')}</Table.Th>
                      <Table.Th>{t('columns.period')}</Table.Th>
                      <Table.Th>{t('columns.status')}</Table.Th>
                      <Table.Th ta="right">{t('columns.targets')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((row) => (
                      <Table.Tr key={row.id} data-testid="plan-row">
                        <Table.Td>
                          <Anchor component={Link} to={planPath(row.number)} fw={600} ff="monospace" fz="sm" data-testid="plan-number">
                            {row.number}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Text fz="sm">{row.title}</Text>
                        </Table.Td>
                        <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                          {period(row.periodFrom, row.periodTo)}
                        </Table.Td>
                        <Table.Td>
                          <PlanStatusBadge status={row.status} />
                        </Table.Td>
                        <Table.Td fz="sm" ta="right">
                          {formatNumber(row.targets.length, i18n.language)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          )}
          {connection && (connection.totalCount ?? 0) > 0 && (
            <CursorPager
              totalCount={connection.totalCount ?? rows.length}
              shown={rows.length}
              page={state.page}
              pageSize={state.pageSize}
              hasPreviousPage={connection.pageInfo.hasPreviousPage}
              hasNextPage={connection.pageInfo.hasNextPage}
              busy={list.loading}
              onPrevious={() =>
                connection.pageInfo.startCursor &&
                go({ ...state, before: connection.pageInfo.startCursor, after: undefined, page: Math.max(1, state.page - 1) })
              }
              onNext={() =>
                connection.pageInfo.endCursor && go({ ...state, after: connection.pageInfo.endCursor, before: undefined, page: state.page + 1 })
              }
              onPageSize={(size) => go(withChanges(state, { pageSize: size }))}
            />
          )}
        </>
      )}
    </Stack>
  );
}
