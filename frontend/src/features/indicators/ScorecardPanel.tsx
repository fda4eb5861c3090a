import { useQuery } from '@apollo/client/react';
import { Anchor, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FactsTable } from '../../components/FactsTable';
import { Loading } from '../../components/Loading';
import type { IndicatorScorecardQuery } from '../../gql/graphql';
import { formatDate, formatNumber } from '../../lib/format';
import { indicatorPath, periodInput, type Period } from './dashboardParams';
import { Gauge } from './Gauge';
import { pointsText, rateText, scorecardCsv } from './indicatorCsv';
import { formatPoints, localized } from './indicatorFormat';
import { BandBadge, ExportButtons, NoDataBadge } from './parts';
import { IndicatorScorecardQuery as ScorecardDocument } from './scorecardQuery';

type Scorecard = IndicatorScorecardQuery['indicatorScorecard'];
type Indicator = Scorecard['groups'][number]['indicators'][number];

export interface ScorecardScope {
  unit: string;
  includeSubunits: boolean;
  period: Period;
}

/** The scorecard of the chosen unit and period: gauge, group bars and every indicator with its formula. */
export function ScorecardPanel({ scope }: { scope: ScorecardScope }) {
  const { t } = useTranslation(['indicators', 'common']);
  const query = useQuery(ScorecardDocument, {
    variables: { unit: scope.unit, includeSubunits: scope.includeSubunits, period: periodInput(scope.period) },
  });
  const scorecard = (query.data ?? query.previousData)?.indicatorScorecard;
  if (query.error && !scorecard) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  if (!scorecard) return <Loading label={t('scorecard.loading')} />;
  return (
    <Stack gap="md" aria-busy={query.loading}>
      {query.loading && <Progress value={100} animated size="xs" aria-label={t('scorecard.loading')} />}
      <ScorecardSummary scorecard={scorecard} />
      <GroupBars scorecard={scorecard} />
      <IndicatorTable scorecard={scorecard} scope={scope} />
    </Stack>
  );
}

function ScorecardSummary({ scorecard }: { scorecard: Scorecard }) {
  const { t, i18n } = useTranslation('indicators');
  const language = i18n.language;
  const total = formatPoints(scorecard.total, language);
  return (
    <Paper withBorder p="md" data-testid="scorecard-summary">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Stack align="center" gap="xs">
          <Gauge
            total={scorecard.total}
            band={scorecard.band}
            thresholds={scorecard.ruleSet}
            totalLabel={total}
            ariaLabel={t('scorecard.gaugeLabel', { total, band: t(`band.${scorecard.band}`) })}
          />
          <Group gap="xs">
            <Text fw={700} data-testid="scorecard-total">
              {t('scorecard.totalOf', { total })}
            </Text>
            <BandBadge band={scorecard.band} size="lg" />
          </Group>
        </Stack>
        <Stack gap="xs">
          <FactsTable
            testId="scorecard-facts"
            facts={[
              [t('scorecard.unit'), `${scorecard.unit.name} (${scorecard.unit.code})`],
              [t('scorecard.scope'), scorecard.includeSubunits ? t('scorecard.withSubunits') : t('scorecard.unitAlone')],
              [t('scorecard.period'), `${formatDate(scorecard.period.from, language)} – ${formatDate(scorecard.period.to, language)}`],
              [t('scorecard.dossiersReceived'), formatNumber(scorecard.dossiersReceived, language)],
              [
                t('scorecard.attainable'),
                <span data-testid="scorecard-attainable">{t('scorecard.attainableValue', { points: formatPoints(scorecard.attainablePoints, language) })}</span>,
              ],
              [
                t('scorecard.ruleSet'),
                <span data-testid="scorecard-ruleset">
                  {t('scorecard.ruleSetValue', { name: scorecard.ruleSet.name, from: formatDate(scorecard.ruleSet.effectiveFrom, language) })}{' '}
                  <Anchor component={Link} to="/dashboard/rule-sets" size="sm" data-testid="rule-sets-link">
                    ({t('ruleSets.link')})
                  </Anchor>
                </span>,
              ],
            ]}
          />
          <Text size="xs" c="dimmed">
            {t('scorecard.help', {
              excellent: formatPoints(scorecard.ruleSet.excellentFrom, language),
              good: formatPoints(scorecard.ruleSet.goodFrom, language),
              average: formatPoints(scorecard.ruleSet.averageFrom, language),
            })}
          </Text>
          {scorecard.attainablePoints < 100 && (
            <Text size="xs" c="dimmed" data-testid="scorecard-attainable-help">
              {t('scorecard.attainableHelp')}
            </Text>
          )}
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}

function GroupBars({ scorecard }: { scorecard: Scorecard }) {
  const { t, i18n } = useTranslation('indicators');
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        {t('groups.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('groups.help')}
      </Text>
      <Stack gap="sm">
        {scorecard.groups.map((group) => {
          const share = group.maxPoints > 0 ? (group.points / group.maxPoints) * 100 : 0;
          const points = formatPoints(group.points, i18n.language);
          const max = formatPoints(group.maxPoints, i18n.language);
          return (
            <div key={group.group} data-testid="group-bar" data-group={group.group} data-points={group.points} data-max={group.maxPoints}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">{localized(group.name, i18n.language)}</Text>
                <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {t('groups.pointsOf', { points, max })}
                </Text>
              </Group>
              <Progress value={share} size="lg" radius="sm" aria-label={t('groups.barLabel', { group: localized(group.name, i18n.language), points, max })} />
            </div>
          );
        })}
      </Stack>
    </Paper>
  );
}

function IndicatorTable({ scorecard, scope }: { scorecard: Scorecard; scope: ScorecardScope }) {
  const { t, i18n } = useTranslation(['indicators', 'common']);
  const language = i18n.language;
  const csv = scorecardCsv(scorecard, t, language);
  const drillable = (indicator: Indicator) => indicator.basis !== 'FEEDBACK';
  const fraction = (indicator: Indicator, part: 'NUMERATOR' | 'DENOMINATOR', value: number | null | undefined, testId: string) => {
    if (value == null) return <Text size="sm" c="dimmed" data-testid={testId}>—</Text>;
    const text = formatNumber(value, language);
    return drillable(indicator) && value > 0 ? (
      <Anchor
        component={Link}
        to={indicatorPath(indicator.code, scope.unit, scope.includeSubunits, scope.period, part)}
        size="sm"
        data-testid={testId}
        aria-label={t(part === 'NUMERATOR' ? 'indicator.showNumerator' : 'indicator.showDenominator', {
          count: value,
          name: localized(indicator.name, language),
        })}
      >
        {text}
      </Anchor>
    ) : (
      <Text size="sm" data-testid={testId}>
        {text}
      </Text>
    );
  };
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {t('table.title')}
        </Title>
        <ExportButtons name={t('csv.scorecard')} table={csv} testId="scorecard-export" />
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('table.help')}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table data-testid="indicator-table" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('columns.indicator')}</Table.Th>
              <Table.Th ta="right">{t('columns.numerator')}</Table.Th>
              <Table.Th ta="right">{t('columns.denominator')}</Table.Th>
              <Table.Th ta="right">{t('columns.rate')}</Table.Th>
              <Table.Th ta="right">{t('columns.points')}</Table.Th>
              <Table.Th ta="right">{t('columns.cap')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scorecard.groups.map((group) => (
              <Fragment key={group.group}>
                <Table.Tr bg="var(--mantine-color-gray-light)">
                  <Table.Th colSpan={4} scope="colgroup">
                    {localized(group.name, language)}
                  </Table.Th>
                  <Table.Th ta="right">{formatPoints(group.points, language)}</Table.Th>
                  <Table.Th ta="right">{formatPoints(group.maxPoints, language)}</Table.Th>
                </Table.Tr>
                {group.indicators.map((indicator) => (
                  <Table.Tr key={indicator.code} data-testid="indicator-row" data-code={indicator.code} data-nodata={indicator.noData}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={indicatorPath(indicator.code, scope.unit, scope.includeSubunits, scope.period)}
                        size="sm"
                        fw={600}
                        data-testid="indicator-link"
                      >
                        {localized(indicator.name, language)}
                      </Anchor>
                      <Text size="xs" c="dimmed" data-testid="indicator-formula">
                        {localized(indicator.formula, language)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{fraction(indicator, 'NUMERATOR', indicator.numerator, 'indicator-numerator')}</Table.Td>
                    <Table.Td ta="right">{fraction(indicator, 'DENOMINATOR', indicator.denominator, 'indicator-denominator')}</Table.Td>
                    <Table.Td ta="right" data-testid="indicator-rate">
                      {indicator.noData || indicator.rate == null ? <NoDataBadge reason={indicator.noDataReason} /> : rateText(indicator, t, language)}
                    </Table.Td>
                    <Table.Td ta="right" data-testid="indicator-points">
                      {indicator.noData ? '—' : pointsText(indicator, t, language)}
                    </Table.Td>
                    <Table.Td ta="right" data-testid="indicator-cap">
                      {formatPoints(indicator.cap, language)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
