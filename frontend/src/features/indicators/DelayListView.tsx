import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DelayListFieldsFragment } from '../../gql/graphql';
import { formatDateTime, formatNumber } from '../../lib/format';
import { delayListCsv } from './indicatorCsv';
import { formatMonth } from './indicatorFormat';
import { ExportButtons } from './parts';

/** Draft or published, and by whom and when. */
export function DelayListStatusLine({ list }: { list: DelayListFieldsFragment }) {
  const { t, i18n } = useTranslation('indicators');
  return (
    <Group gap="xs" wrap="wrap" data-testid="delays-status" data-status={list.status}>
      <Badge color={list.status === 'PUBLISHED' ? 'teal' : 'gray'} variant="light" tt="none" radius="sm">
        {t(`delays.status.${list.status}`)}
      </Badge>
      {list.status === 'PUBLISHED' && (
        <Text size="sm" data-testid="delays-published">
          {t('delays.publishedBy', { name: list.publishedBy ?? '', at: formatDateTime(list.publishedAt, i18n.language) })}
        </Text>
      )}
    </Group>
  );
}

/** The officials of a delays list with their dossiers, overruns, days over and procedures. */
export function DelayListView({ list, testId = 'delays-table' }: { list: DelayListFieldsFragment; testId?: string }) {
  const { t, i18n } = useTranslation('indicators');
  const language = i18n.language;
  const csv = delayListCsv(list, t);
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Text fw={600}>
          {t('delays.heading', { unit: list.unitName, month: formatMonth(`${list.year}-${String(list.month).padStart(2, '0')}`, language) })}
        </Text>
        <ExportButtons name={`${t('csv.delays')}-${list.unitCode}-${list.year}-${String(list.month).padStart(2, '0')}`} table={csv} testId="delays-export" />
      </Group>
      {list.entries.length === 0 ? (
        <Text data-testid="delays-empty">{t('delays.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('columns.official')}</Table.Th>
                <Table.Th>{t('columns.unit')}</Table.Th>
                <Table.Th ta="right">{t('columns.dossiersLate')}</Table.Th>
                <Table.Th ta="right">{t('columns.overruns')}</Table.Th>
                <Table.Th ta="right">{t('columns.daysOver')}</Table.Th>
                <Table.Th>{t('columns.procedures')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.entries.map((entry, index) => (
                <Table.Tr key={`${entry.officialName}-${index}`} data-testid="delays-row">
                  <Table.Td fz="sm">
                    <Text fz="sm" fw={600}>
                      {entry.officialName}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {entry.officialPosition}
                    </Text>
                  </Table.Td>
                  <Table.Td fz="sm">{entry.unitName}</Table.Td>
                  <Table.Td ta="right">{formatNumber(entry.dossiers, language)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(entry.overruns, language)}</Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {formatNumber(entry.daysOver, language)}
                  </Table.Td>
                  <Table.Td fz="xs">
                    {entry.procedures.map((procedure) => (
                      <div key={procedure.nationalCode}>
                        {t('delays.procedureLine', { code: procedure.nationalCode, name: procedure.name, count: procedure.dossiers })}
                      </div>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
