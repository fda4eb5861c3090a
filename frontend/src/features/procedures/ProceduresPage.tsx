import { useQuery } from '@apollo/client/react';
import {
  Anchor,
  Badge,
  Drawer,
  EmptyState,
  Group,
  NativeSelect,
  Progress,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CursorPager } from '../../components/CursorPager';
import { FactsTable } from '../../components/FactsTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { UnitSelect } from '../../components/UnitSelect';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';
import { formatNumber } from '../../lib/format';
import { AUTHORITY_LEVELS, ONLINE_LEVELS, PROCEDURE_FIELDS, REVIEW_STATES, oneOf } from '../../lib/vocabulary';
import { ProcedureFactsSection } from './ProcedureFactsSection';
import {
  parseProcedureListParams,
  procedureListSearchParams,
  procedureListVariables,
  withFilter,
  type ProcedureListState,
} from './procedureListParams';

export const ProcedureListQuery = graphql(`
  query ProcedureList($filter: ProcedureFilter, $first: Int, $after: String, $last: Int, $before: String) {
    procedures(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        nationalCode
        name
        field
        authorityLevel
        statutoryWorkingDays
        onlineLevel
        published
        reviewState
        unit {
          id
          name
        }
      }
    }
  }
`);

export const ProcedureDetailQuery = graphql(`
  query ProcedureDetail($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Procedure {
        nationalCode
        name
        field
        authorityLevel
        statutoryWorkingDays
        fee
        onlineLevel
        published
        reviewState
        version
        effectiveOn
        announcedOn
        publishedOn
        fullContentPublished
        onlinePaymentEnabled
        portalPaymentConfigured
        populationDbConnected
        unit {
          id
          name
        }
        steps {
          id
          ordinal
          name
          allowanceWorkingDays
          responsibleUnit {
            id
            name
          }
        }
      }
    }
  }
`);

const REVIEW_COLOURS = { IN_FORCE: 'green', PROPOSED_SIMPLIFICATION: 'yellow', AMENDED: 'blue', ABOLISHED: 'gray' } as const;

export default function ProceduresPage() {
  const { t, i18n } = useTranslation(['procedures', 'common']);
  useDocumentTitle(t('title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const state = parseProcedureListParams(searchParams);
  const go = (next: ProcedureListState, replace = false) => setSearchParams(procedureListSearchParams(next), { replace });

  const [search, setSearch] = useState(state.text ?? '');
  const [debounced] = useDebouncedValue(search, 400);
  // The text this page last put in the URL: its arrival there must not overwrite what was typed since.
  const pushedText = useRef(state.text);
  useEffect(() => {
    const text = debounced.trim() || undefined;
    if (text !== state.text) {
      pushedText.current = text;
      go(withFilter(state, { text }), true);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  useEffect(() => {
    if (state.text !== pushedText.current) {
      pushedText.current = state.text;
      setSearch(state.text ?? '');
    }
  }, [state.text]);

  const list = useQuery(ProcedureListQuery, { variables: procedureListVariables(state) });
  const connection = (list.data ?? list.previousData)?.procedures;
  const rows = connection?.nodes ?? [];
  const firstLoad = list.loading && !connection;
  const lng = i18n.language;

  const enumSelect = <T extends string>(label: string, values: readonly T[], value: T | undefined, labelOf: (value: T) => string, onChange: (value: T | undefined) => void) => (
    <Select
      label={label}
      placeholder={t('any')}
      clearable
      data={values.map((v) => ({ value: v, label: labelOf(v) }))}
      value={value ?? null}
      onChange={(next) => onChange(oneOf(values, next))}
    />
  );

  return (
    <Stack gap="md">
      <Title order={2}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <TextInput
          label={t('search')}
          description={t('searchHint')}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          data-testid="procedure-search"
        />
        <UnitSelect label={t('unit')} value={state.unit} onChange={(unit) => go(withFilter(state, { unit }))} />
        {enumSelect(t('field'), PROCEDURE_FIELDS, state.field, (v) => t(`common:procedureField.${v}`), (field) => go(withFilter(state, { field })))}
        {enumSelect(t('level'), AUTHORITY_LEVELS, state.level, (v) => t(`authorityLevel.${v}`), (level) => go(withFilter(state, { level })))}
        {enumSelect(t('onlineLevel'), ONLINE_LEVELS, state.onlineLevel, (v) => t(`online.${v}`), (onlineLevel) => go(withFilter(state, { onlineLevel })))}
        <NativeSelect
          label={t('published')}
          value={state.published === undefined ? '' : String(state.published)}
          data={[
            { value: '', label: t('any') },
            { value: 'true', label: t('publishedYes') },
            { value: 'false', label: t('publishedNo') },
          ]}
          onChange={(event) => {
            const value = event.currentTarget.value;
            go(withFilter(state, { published: value === '' ? undefined : value === 'true' }));
          }}
        />
        {enumSelect(t('reviewState'), REVIEW_STATES, state.reviewState, (v) => t(`review.${v}`), (reviewState) => go(withFilter(state, { reviewState })))}
      </SimpleGrid>

      {list.error && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />}
      {firstLoad && <Loading label={t('loading')} />}
      {list.loading && connection && <Progress value={100} animated size="xs" aria-label={t('loading')} />}
      {!firstLoad && !list.error && rows.length === 0 ? (
        <EmptyState title={t('emptyTitle')} description={t('empty')} data-testid="procedure-empty" />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-busy={list.loading}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('nationalCode')}</Table.Th>
                <Table.Th>{t('name')}</Table.Th>
                <Table.Th>{t('field')}</Table.Th>
                <Table.Th>{t('level')}</Table.Th>
                <Table.Th>{t('statutoryDays')}</Table.Th>
                <Table.Th>{t('onlineLevel')}</Table.Th>
                <Table.Th>{t('reviewState')}</Table.Th>
                <Table.Th>{t('unit')}</Table.Th>
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
                : rows.map((procedure) => (
                    <Table.Tr key={procedure.id} data-testid="procedure-row">
                      <Table.Td ff="monospace" fz="sm">
                        {procedure.nationalCode}
                      </Table.Td>
                      <Table.Td>
                        <UnstyledButton onClick={() => go({ ...state, open: procedure.id })} c="blue.8" fz="sm" ta="left">
                          {procedure.name}
                        </UnstyledButton>
                        {!procedure.published && (
                          <Badge ml={6} size="xs" color="red" variant="light" tt="none">
                            {t('unpublished')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td fz="sm">{t(`common:procedureField.${procedure.field}`)}</Table.Td>
                      <Table.Td fz="sm">{t(`authorityLevel.${procedure.authorityLevel}`)}</Table.Td>
                      <Table.Td fz="sm">{formatNumber(procedure.statutoryWorkingDays, lng)}</Table.Td>
                      <Table.Td fz="sm">{t(`online.${procedure.onlineLevel}`)}</Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light" color={REVIEW_COLOURS[procedure.reviewState]} tt="none">
                          {t(`review.${procedure.reviewState}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td fz="sm">{procedure.unit?.name ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
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
            connection.pageInfo.startCursor && go({ ...state, before: connection.pageInfo.startCursor, after: undefined, page: Math.max(1, state.page - 1) })
          }
          onNext={() => connection.pageInfo.endCursor && go({ ...state, after: connection.pageInfo.endCursor, before: undefined, page: state.page + 1 })}
          onPageSize={(pageSize) => go(withFilter(state, { pageSize }))}
        />
      )}

      <Drawer opened={Boolean(state.open)} onClose={() => go({ ...state, open: undefined })} position="right" size="lg" title={t('detailTitle')}>
        {state.open && <ProcedureDetail id={state.open} />}
      </Drawer>
    </Stack>
  );
}

function ProcedureDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation(['procedures', 'common']);
  const { data, loading, error, refetch } = useQuery(ProcedureDetailQuery, { variables: { id } });
  if (loading && !data) return <Loading label={t('loadingDetail')} />;
  if (error) return <ErrorMessage error={error} onRetry={() => void refetch()} />;
  const procedure = data?.node?.__typename === 'Procedure' ? data.node : null;
  if (!procedure) return <Text role="alert">{t('notFound')}</Text>;
  const lng = i18n.language;
  const allowances = procedure.steps.reduce((sum, step) => sum + step.allowanceWorkingDays, 0);
  const facts: [string, string][] = [
    [t('nationalCode'), procedure.nationalCode],
    [t('field'), t(`common:procedureField.${procedure.field}`)],
    [t('level'), t(`authorityLevel.${procedure.authorityLevel}`)],
    [t('statutoryDays'), t('days', { count: procedure.statutoryWorkingDays })],
    [t('fee'), procedure.fee > 0 ? `${formatNumber(procedure.fee, lng)} ₫` : t('free')],
    [t('onlineLevel'), t(`online.${procedure.onlineLevel}`)],
    [t('published'), procedure.published ? t('publishedYes') : t('publishedNo')],
    [t('reviewState'), t(`review.${procedure.reviewState}`)],
    [t('unit'), procedure.unit?.name ?? '—'],
  ];
  return (
    <Stack gap="md" data-testid="procedure-detail">
      <Title order={3} size="h4">
        {procedure.name}
      </Title>
      <FactsTable facts={facts} />
      <Title order={4} size="h5">
        {t('steps')}
      </Title>
      {procedure.steps.length === 0 ? (
        <Text c="dimmed">{t('noSteps')}</Text>
      ) : (
        <Table data-testid="procedure-steps">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('stepName')}</Table.Th>
              <Table.Th>{t('allowance')}</Table.Th>
              <Table.Th>{t('responsibleUnit')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {procedure.steps.map((step) => (
              <Table.Tr key={step.id}>
                <Table.Td>{step.ordinal}</Table.Td>
                <Table.Td>{step.name}</Table.Td>
                <Table.Td>{t('days', { count: step.allowanceWorkingDays })}</Table.Td>
                <Table.Td>{step.responsibleUnit?.name ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {procedure.steps.length > 0 && allowances !== procedure.statutoryWorkingDays && (
        <Text size="sm" c="orange.9">
          {t('allowanceMismatch', { sum: allowances, statutory: procedure.statutoryWorkingDays })}
        </Text>
      )}
      <ProcedureFactsSection procedure={procedure} onReload={() => void refetch()} />
      <Group>
        <Anchor component={Link} to={`/dossiers?procedure=${encodeURIComponent(procedure.id)}`}>
          {t('dossiersOfProcedure')}
        </Anchor>
      </Group>
    </Stack>
  );
}
