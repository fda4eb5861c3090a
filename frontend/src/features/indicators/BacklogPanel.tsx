import { useApolloClient, useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql/gql';
import { formatDate, formatNumber } from '../../lib/format';
import { backlogCsv } from './indicatorCsv';
import { ExportButtons } from './parts';
import { EXPORT_PAGE_SIZE, queryAllPages } from './tableExport';

export const OverdueBacklogQueryDocument = graphql(`
  query OverdueBacklog($unit: ID, $first: Int, $after: String) {
    overdueBacklog(unit: $unit, first: $first, after: $after) {
      asOf
      totalOverdue
      rowCount
      pageInfo {
        hasNextPage
        endCursor
      }
      rows {
        unit {
          id
          code
          name
        }
        procedure {
          id
          nationalCode
          name
        }
        overdue
        oldestDueDate
        open
      }
    }
  }
`);

export const BACKLOG_PAGE_SIZE = 50;

/** The overdue dossiers of a unit's subtree today, by unit and procedure, most overdue first, a page at a time. */
export function BacklogPanel({ unit }: { unit?: string }) {
  const { t, i18n } = useTranslation(['indicators', 'common']);
  const language = i18n.language;
  // Cursors of the pages seen so far for this unit: the API pages forward only, so going back pops one.
  const [paging, setPaging] = useState<{ unit?: string; cursors: string[] }>({ unit, cursors: [] });
  const cursors = paging.unit === unit ? paging.cursors : [];
  const after = cursors[cursors.length - 1];
  const query = useQuery(OverdueBacklogQueryDocument, {
    variables: { unit: unit ?? null, first: BACKLOG_PAGE_SIZE, after: after ?? null },
    fetchPolicy: 'cache-and-network',
  });
  const backlog = (query.data ?? query.previousData)?.overdueBacklog;
  const client = useApolloClient();
  // The export holds every row of the backlog, not the page on screen.
  const exportAll = async (onProgress: (loaded: number, total: number) => void) => {
    const all = await queryAllPages(
      client,
      OverdueBacklogQueryDocument,
      (after) => ({ unit: unit ?? null, first: EXPORT_PAGE_SIZE, after }),
      ({ overdueBacklog: { rowCount, pageInfo, rows } }) => ({ totalCount: rowCount, pageInfo, nodes: rows }),
      onProgress,
    );
    return { table: backlogCsv(all.rows, t, language), totalCount: all.totalCount, capped: all.capped };
  };
  const dossiersLink = (unitId: string, procedureId: string) =>
    `/dossiers?${new URLSearchParams({ unit: unitId, procedure: procedureId, overdue: '1' }).toString()}`;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={3} size="h4">
            {t('backlog.title')}
          </Title>
          <ExportButtons name={t('csv.backlog')} load={exportAll} disabled={!backlog || backlog.rowCount === 0} testId="backlog-export" />
        </Group>
        <Text size="xs" c="dimmed">
          {t('backlog.help')}
        </Text>
        {query.error && !backlog ? (
          <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
        ) : !backlog ? (
          <Loading label={t('backlog.loading')} />
        ) : (
          <>
            {query.loading && <Progress value={100} animated size="xs" aria-label={t('backlog.loading')} />}
            <Text fw={600} data-testid="backlog-total">
              {t('backlog.total', { count: backlog.totalOverdue, formatted: formatNumber(backlog.totalOverdue, language), asOf: formatDate(backlog.asOf, language) })}
            </Text>
            {backlog.rows.length > 0 && (
              <Table.ScrollContainer minWidth={720}>
                <Table striped data-testid="backlog-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('columns.unit')}</Table.Th>
                      <Table.Th>{t('columns.procedure')}</Table.Th>
                      <Table.Th ta="right">{t('columns.overdue')}</Table.Th>
                      <Table.Th ta="right">{t('columns.open')}</Table.Th>
                      <Table.Th>{t('columns.oldestDueDate')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {backlog.rows.map((row) => (
                      <Table.Tr key={`${row.unit.id}/${row.procedure.id}`} data-testid="backlog-row">
                        <Table.Td fz="sm">{row.unit.name}</Table.Td>
                        <Table.Td fz="sm">
                          <Text span ff="monospace" fz="xs">
                            {row.procedure.nationalCode}
                          </Text>{' '}
                          {row.procedure.name}
                        </Table.Td>
                        <Table.Td ta="right" fw={700}>
                          <Anchor component={Link} to={dossiersLink(row.unit.id, row.procedure.id)} size="sm">
                            {formatNumber(row.overdue, language)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td ta="right" fz="sm">
                          {formatNumber(row.open, language)}
                        </Table.Td>
                        <Table.Td fz="sm">{formatDate(row.oldestDueDate, language)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {(cursors.length > 0 || backlog.pageInfo.hasNextPage) && (
              <Group gap="xs">
                <Button size="xs" variant="default" disabled={cursors.length === 0 || query.loading} onClick={() => setPaging({ unit, cursors: cursors.slice(0, -1) })}>
                  {t('common:pager.previous')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  disabled={!backlog.pageInfo.hasNextPage || !backlog.pageInfo.endCursor || query.loading}
                  onClick={() => backlog.pageInfo.endCursor && setPaging({ unit, cursors: [...cursors, backlog.pageInfo.endCursor] })}
                  data-testid="backlog-next"
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
