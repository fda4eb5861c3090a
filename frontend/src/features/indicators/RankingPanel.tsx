import { useQuery } from '@apollo/client/react';
import { Anchor, Group, NativeSelect, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql/gql';
import type { IndicatorRankingQuery, UnitLevel } from '../../gql/graphql';
import { formatNumber } from '../../lib/format';
import { UNIT_LEVELS, oneOf } from '../../lib/vocabulary';
import { dashboardPath, periodInput, type Period } from './dashboardParams';
import { rankingCsv } from './indicatorCsv';
import { GROUPS, formatPoints } from './indicatorFormat';
import { BandBadge, ExportButtons } from './parts';

export const IndicatorRankingQueryDocument = graphql(`
  query IndicatorRanking($parent: ID, $level: UnitLevel, $includeSubunits: Boolean, $period: IndicatorPeriodInput!) {
    indicatorRanking(parent: $parent, level: $level, includeSubunits: $includeSubunits, period: $period) {
      rank
      scorecard {
        unit {
          id
          code
          name
        }
        total
        band
        attainablePoints
        dossiersReceived
        groups {
          group
          points
          maxPoints
        }
      }
    }
  }
`);

type Entry = IndicatorRankingQuery['indicatorRanking'][number];

/** Best first; equal ranks by unit code, so the order never depends on the server's tie-breaking. */
export function rankingOrder(entries: readonly Entry[]): Entry[] {
  return [...entries].sort((a, b) => a.rank - b.rank || a.scorecard.unit.code.localeCompare(b.scorecard.unit.code));
}

export interface RankingScope {
  unit?: string;
  includeSubunits: boolean;
  period: Period;
  level?: UnitLevel;
}

/** The units below the chosen one ranked by total, each linking to its own dashboard. */
export function RankingPanel({ scope, onLevel }: { scope: RankingScope; onLevel: (level: UnitLevel | undefined) => void }) {
  const { t, i18n } = useTranslation(['indicators', 'common']);
  const language = i18n.language;
  const query = useQuery(IndicatorRankingQueryDocument, {
    variables: { parent: scope.unit ?? null, level: scope.level ?? null, includeSubunits: scope.includeSubunits, period: periodInput(scope.period) },
  });
  const data = (query.data ?? query.previousData)?.indicatorRanking;
  const entries = rankingOrder(data ?? []);
  const groupNames = GROUPS.map((group) => t(`groupShort.${group}`));
  const csv = rankingCsv(entries, groupNames, t);

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={3} size="h4">
            {t('ranking.title')}
          </Title>
          <Group gap="xs" align="flex-end">
            <NativeSelect
              label={t('ranking.units')}
              value={scope.level ?? ''}
              data={[
                { value: '', label: t('ranking.children') },
                ...UNIT_LEVELS.filter((level) => level !== 'PROVINCE').map((level) => ({ value: level, label: t('ranking.level', { level: t(`common:unitLevel.${level}`) }) })),
              ]}
              onChange={(event) => onLevel(oneOf(UNIT_LEVELS, event.currentTarget.value))}
              data-testid="ranking-level"
            />
            <ExportButtons name={t('csv.ranking')} table={csv} testId="ranking-export" />
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {t('ranking.help')}
        </Text>
        {query.error && !data ? (
          <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
        ) : !data ? (
          <Loading label={t('ranking.loading')} />
        ) : entries.length === 0 ? (
          <Text data-testid="ranking-empty">{t('ranking.empty')}</Text>
        ) : (
          <>
            {query.loading && <Progress value={100} animated size="xs" aria-label={t('ranking.loading')} />}
            <Table.ScrollContainer minWidth={900}>
              <Table striped highlightOnHover data-testid="ranking-table" aria-busy={query.loading}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th ta="right">{t('columns.rank')}</Table.Th>
                    <Table.Th>{t('columns.unit')}</Table.Th>
                    <Table.Th ta="right">{t('columns.total')}</Table.Th>
                    <Table.Th>{t('columns.band')}</Table.Th>
                    {groupNames.map((name) => (
                      <Table.Th key={name} ta="right">
                        {name}
                      </Table.Th>
                    ))}
                    <Table.Th ta="right">{t('columns.dossiersReceived')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.map(({ rank, scorecard }) => (
                    <Table.Tr key={scorecard.unit.id} data-testid="ranking-row" data-unit={scorecard.unit.code}>
                      <Table.Td ta="right" data-testid="ranking-rank">
                        {rank}
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={dashboardPath(scorecard.unit.id, scope.includeSubunits, scope.period, 'scorecard')} size="sm" data-testid="ranking-unit">
                          {scorecard.unit.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td ta="right" fw={700} data-testid="ranking-total">
                        {formatPoints(scorecard.total, language)}
                      </Table.Td>
                      <Table.Td>
                        <BandBadge band={scorecard.band} size="sm" />
                      </Table.Td>
                      {scorecard.groups.map((group) => (
                        <Table.Td key={group.group} ta="right" fz="sm">
                          {formatPoints(group.points, language)}
                        </Table.Td>
                      ))}
                      <Table.Td ta="right" fz="sm">
                        {formatNumber(scorecard.dossiersReceived, language)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </Paper>
  );
}
