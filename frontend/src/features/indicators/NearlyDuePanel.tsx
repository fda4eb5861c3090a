import { useApolloClient, useQuery } from '@apollo/client/react';
import { Button, Group, NativeSelect, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql/gql';
import { formatNumber } from '../../lib/format';
import { NEARLY_DUE_CHOICES } from './dashboardParams';
import { DossierRowsTable } from './DossierRowsTable';
import { dossiersCsv } from './indicatorCsv';
import { ExportButtons } from './parts';
import { EXPORT_PAGE_SIZE, queryAllPages } from './tableExport';

export const NEARLY_DUE_PAGE_SIZE = 50;

export const NearlyDueQueryDocument = graphql(`
  query NearlyDueDossiers($unit: ID, $withinWorkingDays: Int, $first: Int, $after: String) {
    nearlyDueDossiers(unit: $unit, withinWorkingDays: $withinWorkingDays, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...IndicatorDossierRow
      }
    }
  }
`);

/** Open dossiers due within N working days, soonest first, so a unit head acts before they turn late. */
export function NearlyDuePanel({ unit, within, onWithin }: { unit?: string; within: number; onWithin: (days: number) => void }) {
  const { t, i18n } = useTranslation(['indicators', 'common']);
  const language = i18n.language;
  // Cursors of the pages seen so far: the API pages forward only, so going back pops one.
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors[cursors.length - 1];
  const client = useApolloClient();
  const query = useQuery(NearlyDueQueryDocument, {
    variables: { unit: unit ?? null, withinWorkingDays: within, first: NEARLY_DUE_PAGE_SIZE, after: after ?? null },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (query.data ?? query.previousData)?.nearlyDueDossiers;
  const rows = connection?.nodes ?? [];
  // The export holds the whole list, not the page on screen.
  const exportAll = async (onProgress: (loaded: number, total: number) => void) => {
    const all = await queryAllPages(
      client,
      NearlyDueQueryDocument,
      (after) => ({ unit: unit ?? null, withinWorkingDays: within, first: EXPORT_PAGE_SIZE, after }),
      (data) => data.nearlyDueDossiers,
      onProgress,
    );
    return { table: dossiersCsv(all.rows, t, language), totalCount: all.totalCount, capped: all.capped };
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={3} size="h4">
            {t('nearlyDue.title')}
          </Title>
          <Group gap="xs" align="flex-end">
            <NativeSelect
              label={t('nearlyDue.within')}
              value={String(within)}
              data={NEARLY_DUE_CHOICES.map((days) => ({ value: String(days), label: days === 0 ? t('nearlyDue.today') : t('nearlyDue.days', { count: days }) }))}
              onChange={(event) => {
                setCursors([]);
                onWithin(Number(event.currentTarget.value));
              }}
              data-testid="nearly-due-within"
            />
            <ExportButtons name={t('csv.nearlyDue')} load={exportAll} disabled={!connection || connection.totalCount === 0} testId="nearly-due-export" />
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {t('nearlyDue.help')}
        </Text>
        {query.error && !connection ? (
          <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
        ) : !connection ? (
          <Loading label={t('nearlyDue.loading')} />
        ) : (
          <>
            {query.loading && <Progress value={100} animated size="xs" aria-label={t('nearlyDue.loading')} />}
            <Text fw={600} data-testid="nearly-due-total">
              {t('nearlyDue.total', { count: connection.totalCount, formatted: formatNumber(connection.totalCount, language) })}
            </Text>
            {rows.length > 0 && <DossierRowsTable rows={rows} busy={query.loading} testId="nearly-due-table" />}
            {(cursors.length > 0 || connection.pageInfo.hasNextPage) && (
              <Group gap="xs">
                <Button size="xs" variant="default" disabled={cursors.length === 0 || query.loading} onClick={() => setCursors((c) => c.slice(0, -1))}>
                  {t('common:pager.previous')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  disabled={!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor || query.loading}
                  onClick={() => connection.pageInfo.endCursor && setCursors((c) => [...c, connection.pageInfo.endCursor!])}
                  data-testid="nearly-due-next"
                >
                  {t('common:pager.next')}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
