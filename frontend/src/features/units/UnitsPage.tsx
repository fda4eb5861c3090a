import { useQuery } from '@apollo/client/react';
import { Badge, Button, EmptyState, Group, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';
import { formatDate, formatNumber, todayInVietnam } from '../../lib/format';

export const UnitTreeQuery = graphql(`
  query UnitTree($asOf: Date) {
    unitTree(asOf: $asOf) {
      depth
      unit {
        id
        code
        name
        level
        oneStopShop
        validFrom
        validTo
        successors {
          kind
          effectiveOn
          successor {
            id
            name
          }
        }
      }
    }
  }
`);

/** The last day of the district level, and the first day of the merged structure (Resolution 202/2025/QH15). */
export const BEFORE_REFORM = '2025-06-30';
export const AFTER_REFORM = '2025-07-01';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The date the tree is read as of: `?asOf=` when well formed, else today in Vietnam. */
export function asOfFromParams(params: URLSearchParams, today: string = todayInVietnam()): string {
  const asOf = params.get('asOf');
  return asOf && ISO_DATE.test(asOf) ? asOf : today;
}

export default function UnitsPage() {
  const { t, i18n } = useTranslation(['units', 'common']);
  useDocumentTitle(t('title'));
  const lng = i18n.language;
  const [params, setParams] = useSearchParams();
  const today = todayInVietnam();
  const asOf = asOfFromParams(params, today);
  const setAsOf = (date: string) => setParams(date && date !== today ? { asOf: date } : {});
  const { data, previousData, loading, error, refetch } = useQuery(UnitTreeQuery, { variables: { asOf } });
  const entries = (data ?? previousData)?.unitTree;

  return (
    <Stack gap="md">
      <Title order={2}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      <Group align="flex-end" gap="sm">
        <TextInput type="date" label={t('asOf')} value={asOf} onChange={(event) => setAsOf(event.currentTarget.value)} data-testid="units-as-of" />
        <Button variant="default" onClick={() => setAsOf(BEFORE_REFORM)} data-testid="units-before-reform">
          {t('beforeReform', { date: formatDate(BEFORE_REFORM, lng) })}
        </Button>
        <Button variant="default" onClick={() => setAsOf(AFTER_REFORM)} data-testid="units-after-reform">
          {t('afterReform', { date: formatDate(AFTER_REFORM, lng) })}
        </Button>
        <Button variant="subtle" onClick={() => setAsOf(today)}>
          {t('today')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" data-testid="units-caption">
        {asOf < AFTER_REFORM ? t('captionBefore', { date: formatDate(asOf, lng) }) : t('captionAfter', { date: formatDate(asOf, lng) })}
        {entries && ` · ${t('count', { count: entries.length, formatted: formatNumber(entries.length, lng) })}`}
      </Text>

      {error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {loading && !entries && <Loading label={t('loading')} />}
      {loading && entries && <Progress value={100} animated size="xs" aria-label={t('loading')} />}
      {entries && entries.length === 0 && <EmptyState title={t('emptyTitle')} description={t('empty')} />}
      {entries && entries.length > 0 && (
        <Table.ScrollContainer minWidth={800}>
          <Table highlightOnHover data-testid="unit-tree" aria-busy={loading}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('name')}</Table.Th>
                <Table.Th>{t('code')}</Table.Th>
                <Table.Th>{t('level')}</Table.Th>
                <Table.Th>{t('oneStopShop')}</Table.Th>
                <Table.Th>{t('validity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map(({ depth, unit }) => (
                <Table.Tr key={unit.id} data-testid="unit-row" data-level={unit.level} aria-level={depth + 1}>
                  <Table.Td style={{ paddingInlineStart: `calc(${depth} * 1.5rem + var(--mantine-spacing-xs))` }}>
                    <Text fz="sm" fw={depth === 0 ? 700 : undefined}>
                      {depth > 0 && <span aria-hidden>└ </span>}
                      {unit.name}
                    </Text>
                    {unit.successors.map((succession) => (
                      <Text key={`${succession.successor?.id}-${succession.effectiveOn}`} fz="xs" c="dimmed">
                        {t(`succession.${succession.kind}`, {
                          unit: succession.successor?.name ?? t('hiddenUnit'),
                          date: formatDate(succession.effectiveOn, lng),
                        })}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td ff="monospace" fz="sm">
                    {unit.code}
                  </Table.Td>
                  <Table.Td fz="sm">{t(`common:unitLevel.${unit.level}`)}</Table.Td>
                  <Table.Td>
                    {unit.oneStopShop ? (
                      <Badge size="sm" variant="light" color="teal" tt="none">
                        {t('oneStopShopYes')}
                      </Badge>
                    ) : (
                      <Text fz="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td fz="sm">
                    {unit.validTo
                      ? t('validFromTo', { from: formatDate(unit.validFrom, lng), to: formatDate(unit.validTo, lng) })
                      : t('validFrom', { from: formatDate(unit.validFrom, lng) })}
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
