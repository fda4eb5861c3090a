import { useQuery } from '@apollo/client/react';
import {
  Anchor,
  Badge,
  Button,
  Collapse,
  EmptyState,
  Group,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CursorPager } from '../../components/CursorPager';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { UnitSelect } from '../../components/UnitSelect';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';
import type { DossierListQuery as DossierListQueryResult, DossierOrderField } from '../../gql/graphql';
import { useAuth } from '../../lib/auth/AuthContext';
import { downloadText, toCsv } from '../../lib/csv';
import { formatDate, formatDateTime, formatNumber, todayInVietnam } from '../../lib/format';
import { DossierFlags, DossierStatusBadge } from './DossierBadges';
import {
  activeFilterCount,
  dossierFilter,
  dossierListSearchParams,
  dossierListVariables,
  parseDossierListParams,
  withChanges,
  type DossierListState,
} from './dossierListParams';
import { PROCEDURE_FIELDS, oneOf } from '../../lib/vocabulary';
import { DOSSIER_CHANNELS, DOSSIER_STATUSES } from './dossierVocabulary';
import { DOSSIER_RECEIVERS, UNIT_PICKERS, hasAnyRole } from './roles';

export const DossierListQuery = graphql(`
  query DossierList($filter: DossierFilter, $orderBy: [DossierOrder!], $first: Int, $after: String, $last: Int, $before: String) {
    dossiers(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        receiptCode
        status
        channel
        receivedAt
        dueDate
        late
        overdue
        procedure {
          id
          nationalCode
          name
        }
        unit {
          id
          code
          name
        }
        applicant {
          name
        }
      }
    }
  }
`);

export const DossierCountsQuery = graphql(`
  query DossierCounts($filter: DossierFilter) {
    dossierCountsByStatus(filter: $filter) {
      status
      count
    }
  }
`);

type DossierRow = DossierListQueryResult['dossiers']['nodes'][number];

/** Pause after the last keystroke before the search goes to the server. */
export const SEARCH_DEBOUNCE_MS = 400;

const ALL_TAB = 'ALL';

export default function DossierListPage() {
  const { t, i18n } = useTranslation(['dossiers', 'common']);
  useDocumentTitle(t('list.title'));
  const { user } = useAuth();
  const roles = user?.roles ?? [];
  const [searchParams, setSearchParams] = useSearchParams();
  const state = parseDossierListParams(searchParams);

  const go = (next: DossierListState, replace = false) => setSearchParams(dossierListSearchParams(next), { replace });

  // The search box: typed text goes to the URL (and so to the server) after a pause.
  const [search, setSearch] = useState(state.text ?? '');
  const [debouncedSearch] = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  // The text this page last put in the URL: its arrival there must not overwrite what the clerk typed since.
  const pushedText = useRef(state.text);
  useEffect(() => {
    const text = debouncedSearch.trim() || undefined;
    if (text !== state.text) {
      pushedText.current = text;
      go(withChanges(state, { text }), true);
    }
    // Only a new debounced value sends a search; the URL changing is handled below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedSearch]);
  useEffect(() => {
    // Back/forward, a link or "clear filters" changed the search: show it in the box.
    if (state.text !== pushedText.current) {
      pushedText.current = state.text;
      setSearch(state.text ?? '');
    }
  }, [state.text]);

  const variables = dossierListVariables(state);
  const list = useQuery(DossierListQuery, { variables, fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' });
  const counts = useQuery(DossierCountsQuery, { variables: { filter: dossierFilter(state) }, fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' });

  const connection = (list.data ?? list.previousData)?.dossiers;
  const rows = connection?.nodes ?? [];
  const countByStatus = new Map((counts.data ?? counts.previousData)?.dossierCountsByStatus.map((c) => [c.status, c.count]) ?? []);
  const allCount = [...countByStatus.values()].reduce((sum, count) => sum + count, 0);
  const hasCounts = countByStatus.size > 0;
  const filtersSet = activeFilterCount(state);
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(filtersSet > 0);

  const sortBy = (field: DossierOrderField) => {
    const direction = state.sort.field === field ? (state.sort.direction === 'ASC' ? 'DESC' : 'ASC') : field === 'DUE_DATE' ? 'ASC' : 'DESC';
    go(withChanges(state, { sort: { field, direction } }));
  };
  const ariaSort = (field: DossierOrderField) =>
    state.sort.field === field ? (state.sort.direction === 'ASC' ? 'ascending' : 'descending') : 'none';
  const sortMark = (field: DossierOrderField) => (state.sort.field === field ? (state.sort.direction === 'ASC' ? ' ▲' : ' ▼') : '');

  const exportCsv = () => {
    const header = [
      t('columns.receiptCode'),
      t('columns.procedureCode'),
      t('columns.procedure'),
      t('columns.unit'),
      t('columns.applicant'),
      t('columns.channel'),
      t('columns.status'),
      t('columns.receivedAt'),
      t('columns.dueDate'),
      t('flags.late'),
      t('flags.overdue'),
    ];
    const yesNo = (value: boolean) => (value ? t('common:yes') : t('common:no'));
    const body = rows.map((row) => [
      row.receiptCode,
      row.procedure.nationalCode,
      row.procedure.name,
      row.unit.name,
      row.applicant?.name ?? '',
      t(`channel.${row.channel}`),
      t(`status.${row.status}`),
      formatDateTime(row.receivedAt, i18n.language),
      formatDate(row.dueDate, i18n.language),
      yesNo(row.late),
      yesNo(row.overdue),
    ]);
    downloadText(`${t('list.csvFileName')}-${todayInVietnam()}.csv`, toCsv(header, body));
  };

  const firstLoad = list.loading && !connection;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('list.title')}</Title>
        <Group gap="xs">
          <Button variant="default" onClick={exportCsv} disabled={rows.length === 0} data-testid="dossier-export">
            {t('list.exportCsv')}
          </Button>
          {hasAnyRole(roles, DOSSIER_RECEIVERS) && (
            <Button component={Link} to="/dossiers/new" data-testid="dossier-new">
              {t('list.receive')}
            </Button>
          )}
        </Group>
      </Group>

      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('filters.search')}
          description={t('filters.searchHint')}
          placeholder={t('filters.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          type="search"
          style={{ flex: '1 1 320px' }}
          data-testid="dossier-search"
        />
        <Button variant="light" onClick={toggleFilters} aria-expanded={filtersOpen} aria-controls="dossier-filters">
          {t('filters.toggle')}
          {filtersSet > 0 && (
            <Badge ml={6} size="sm" circle>
              {filtersSet}
            </Badge>
          )}
        </Button>
      </Group>

      <Collapse expanded={filtersOpen} id="dossier-filters">
        <Paper withBorder p="md">
          <Filters state={state} onChange={(changes) => go(withChanges(state, changes))} mayPickUnit={hasAnyRole(roles, UNIT_PICKERS)} />
        </Paper>
      </Collapse>

      <Tabs
        value={state.status ?? ALL_TAB}
        onChange={(value) => go(withChanges(state, { status: oneOf(DOSSIER_STATUSES, value) }))}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value={ALL_TAB} data-testid={`status-tab-${ALL_TAB}`}>
            {t('list.allStatuses')} {hasCounts && <TabCount count={allCount} language={i18n.language} />}
          </Tabs.Tab>
          {DOSSIER_STATUSES.map((status) => (
            <Tabs.Tab key={status} value={status} data-testid={`status-tab-${status}`}>
              {t(`status.${status}`)} {hasCounts && <TabCount count={countByStatus.get(status) ?? 0} language={i18n.language} />}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>

      {list.error && !connection ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          {list.error && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />}
          {firstLoad && <Loading label={t('list.loading')} />}
          {list.loading && connection && <Progress value={100} animated size="xs" aria-label={t('list.loading')} />}
          {!firstLoad && rows.length === 0 ? (
            <EmptyState
              title={t('list.emptyTitle')}
              description={filtersSet > 0 || state.text || state.status ? t('list.emptyFiltered') : t('list.empty')}
              data-testid="dossier-empty"
            >
              {(filtersSet > 0 || state.text || state.status) && (
                <EmptyState.Actions>
                  <Button
                    variant="default"
                    onClick={() => {
                      setSearch('');
                      go({ ...parseDossierListParams(new URLSearchParams()), sort: state.sort, pageSize: state.pageSize });
                    }}
                  >
                    {t('filters.clear')}
                  </Button>
                </EmptyState.Actions>
              )}
            </EmptyState>
          ) : (
            <Table.ScrollContainer minWidth={960}>
              <Table striped highlightOnHover aria-busy={list.loading} data-testid="dossier-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('columns.receiptCode')}</Table.Th>
                    <Table.Th>{t('columns.procedure')}</Table.Th>
                    <Table.Th>{t('columns.unit')}</Table.Th>
                    <Table.Th>{t('columns.applicant')}</Table.Th>
                    <Table.Th>{t('columns.channel')}</Table.Th>
                    <Table.Th aria-sort={ariaSort('RECEIVED_AT')}>
                      <UnstyledButton fw={700} fz="sm" onClick={() => sortBy('RECEIVED_AT')} data-testid="sort-receivedAt">
                        {t('columns.receivedAt')}
                        {sortMark('RECEIVED_AT')}
                      </UnstyledButton>
                    </Table.Th>
                    <Table.Th aria-sort={ariaSort('DUE_DATE')}>
                      <UnstyledButton fw={700} fz="sm" onClick={() => sortBy('DUE_DATE')} data-testid="sort-dueDate">
                        {t('columns.dueDate')}
                        {sortMark('DUE_DATE')}
                      </UnstyledButton>
                    </Table.Th>
                    <Table.Th>{t('columns.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {firstLoad
                    ? Array.from({ length: 5 }, (_, index) => (
                        <Table.Tr key={index} aria-hidden>
                          {Array.from({ length: 8 }, (_, cell) => (
                            <Table.Td key={cell}>
                              <Skeleton height={14} />
                            </Table.Td>
                          ))}
                        </Table.Tr>
                      ))
                    : rows.map((row) => <DossierListRow key={row.id} row={row} language={i18n.language} />)}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {connection && connection.totalCount > 0 && (
            <CursorPager
              totalCount={connection.totalCount}
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

function TabCount({ count, language }: { count: number; language: string }) {
  return (
    <Badge size="sm" variant="light" color="gray" ml={4} component="span">
      {formatNumber(count, language)}
    </Badge>
  );
}

function DossierListRow({ row, language }: { row: DossierRow; language: string }) {
  const { t } = useTranslation('dossiers');
  return (
    <Table.Tr data-testid="dossier-row">
      <Table.Td>
        <Anchor component={Link} to={`/dossiers/${encodeURIComponent(row.receiptCode)}`} fw={600} ff="monospace" fz="sm">
          {row.receiptCode}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text fz="sm" lineClamp={2} title={row.procedure.name}>
          {row.procedure.name}
        </Text>
        <Text fz="xs" c="dimmed">
          {row.procedure.nationalCode}
        </Text>
      </Table.Td>
      <Table.Td fz="sm">{row.unit.name}</Table.Td>
      <Table.Td fz="sm">{row.applicant?.name ?? <Text span c="dimmed" fz="sm">{t('list.applicantHidden')}</Text>}</Table.Td>
      <Table.Td fz="sm">{t(`channel.${row.channel}`)}</Table.Td>
      <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(row.receivedAt, language)}
      </Table.Td>
      <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDate(row.dueDate, language)}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <DossierStatusBadge status={row.status} />
          <DossierFlags late={row.late} overdue={row.overdue} />
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function Filters({
  state,
  onChange,
  mayPickUnit,
}: {
  state: DossierListState;
  onChange: (changes: Partial<DossierListState>) => void;
  mayPickUnit: boolean;
}) {
  const { t } = useTranslation(['dossiers', 'common']);
  const date = (value: string) => (value ? value : undefined);
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {mayPickUnit && (
          <UnitSelect label={t('filters.unit')} description={t('filters.unitHint')} value={state.unit} onChange={(unit) => onChange({ unit })} />
        )}
        <Select
          label={t('filters.field')}
          placeholder={t('filters.any')}
          clearable
          searchable
          data={PROCEDURE_FIELDS.map((value) => ({ value, label: t(`common:procedureField.${value}`) }))}
          value={state.field ?? null}
          onChange={(value) => onChange({ field: oneOf(PROCEDURE_FIELDS, value) })}
        />
        <Select
          label={t('filters.channel')}
          placeholder={t('filters.any')}
          clearable
          data={DOSSIER_CHANNELS.map((value) => ({ value, label: t(`channel.${value}`) }))}
          value={state.channel ?? null}
          onChange={(value) => onChange({ channel: oneOf(DOSSIER_CHANNELS, value) })}
        />
        <TextInput
          type="date"
          label={t('filters.receivedFrom')}
          value={state.receivedFrom ?? ''}
          onChange={(event) => onChange({ receivedFrom: date(event.currentTarget.value) })}
        />
        <TextInput
          type="date"
          label={t('filters.receivedTo')}
          value={state.receivedTo ?? ''}
          onChange={(event) => onChange({ receivedTo: date(event.currentTarget.value) })}
        />
        <TextInput
          type="date"
          label={t('filters.carriedOverAt')}
          description={t('filters.carriedOverAtHint')}
          value={state.carriedOverAt ?? ''}
          onChange={(event) => onChange({ carriedOverAt: date(event.currentTarget.value) })}
        />
      </SimpleGrid>
      <Group gap="lg">
        <Switch
          label={t('filters.late')}
          checked={state.late === true}
          onChange={(event) => onChange({ late: event.currentTarget.checked ? true : undefined })}
          data-testid="filter-late"
        />
        <Switch
          label={t('filters.overdue')}
          checked={state.overdue === true}
          onChange={(event) => onChange({ overdue: event.currentTarget.checked ? true : undefined })}
          data-testid="filter-overdue"
        />
        <Switch
          label={t('filters.open')}
          checked={state.open === true}
          onChange={(event) => onChange({ open: event.currentTarget.checked ? true : undefined })}
          data-testid="filter-open"
        />
        {state.procedure && (
          <Button size="xs" variant="subtle" onClick={() => onChange({ procedure: undefined })}>
            {t('filters.clearProcedure')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
