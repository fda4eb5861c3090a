import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IndicatorDossierRowFragment } from '../../gql/graphql';
import { formatDate, formatDateTime } from '../../lib/format';
import { dossierPath } from './dossierRows';

/** Dossiers as a table, each code linking to its page. */
export function DossierRowsTable({ rows, busy, testId }: { rows: readonly IndicatorDossierRowFragment[]; busy?: boolean; testId: string }) {
  const { t, i18n } = useTranslation(['indicators', 'dossiers']);
  const language = i18n.language;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover aria-busy={busy} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('columns.receiptCode')}</Table.Th>
            <Table.Th>{t('columns.procedure')}</Table.Th>
            <Table.Th>{t('columns.unit')}</Table.Th>
            <Table.Th>{t('columns.status')}</Table.Th>
            <Table.Th>{t('columns.receivedAt')}</Table.Th>
            <Table.Th>{t('columns.dueDate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} data-testid="dossier-row">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={dossierPath(row.receiptCode)} ff="monospace" fz="sm" fw={600} data-testid="dossier-link">
                  {row.receiptCode}
                </Anchor>
              </Table.Td>
              <Table.Td fz="sm">
                <Text span ff="monospace" fz="xs">
                  {row.procedure.nationalCode}
                </Text>{' '}
                {row.procedure.name}
              </Table.Td>
              <Table.Td fz="sm">{row.unit.name}</Table.Td>
              <Table.Td fz="sm">
                <Group gap={4} wrap="nowrap">
                  {t(`dossiers:status.${row.status}`)}
                  {row.late && (
                    <Badge color="orange" size="xs" tt="none">
                      {t('dossiers:flags.late')}
                    </Badge>
                  )}
                  {row.overdue && (
                    <Badge color="red" size="xs" tt="none">
                      {t('dossiers:flags.overdue')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(row.receivedAt, language)}
              </Table.Td>
              <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatDate(row.dueDate, language)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
