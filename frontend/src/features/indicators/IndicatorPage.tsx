import { useApolloClient, useQuery } from '@apollo/client/react';
import { Anchor, Breadcrumbs, EmptyState, Group, Paper, Progress, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { CursorPager } from '../../components/CursorPager';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FactsTable } from '../../components/FactsTable';
import { Loading } from '../../components/Loading';
import { UnitSelectTreeQuery } from '../../components/UnitSelect';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { graphql } from '../../gql/gql';
import type { IndicatorCode, IndicatorPart, IndicatorScorecardQuery } from '../../gql/graphql';
import { FIRST_PAGE } from '../../lib/cursorPaging';
import { formatDate, formatNumber } from '../../lib/format';
import { PARTS, dashboardPath, periodAsOf, periodInput } from './dashboardParams';
import { DossierRowsTable } from './DossierRowsTable';
import { dossiersCsv, pointsText, proceduresCsv, rateText } from './indicatorCsv';
import { formatPoints, localized } from './indicatorFormat';
import { DRILL_DOWN_PAGE_SIZES, indicatorItemsVariables, indicatorPageSearchParams, parseIndicatorPageParams, withPart, type IndicatorPageState } from './indicatorPageParams';
import { BandBadge, ExportButtons, NoDataBadge } from './parts';
import { EXPORT_PAGE_SIZE, queryAllPages } from './tableExport';
import { IndicatorScorecardQuery as ScorecardDocument } from './scorecardQuery';

export const IndicatorDossiersQuery = graphql(`
  query IndicatorDossiers(
    $unit: ID!
    $includeSubunits: Boolean
    $period: IndicatorPeriodInput!
    $indicator: IndicatorCode!
    $part: IndicatorPart!
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    indicatorDossiers(
      unit: $unit
      includeSubunits: $includeSubunits
      period: $period
      indicator: $indicator
      part: $part
      first: $first
      after: $after
      last: $last
      before: $before
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        ...IndicatorDossierRow
      }
    }
  }
`);

export const IndicatorProceduresQuery = graphql(`
  query IndicatorProcedures(
    $unit: ID!
    $includeSubunits: Boolean
    $period: IndicatorPeriodInput!
    $indicator: IndicatorCode!
    $part: IndicatorPart!
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    indicatorProcedures(
      unit: $unit
      includeSubunits: $includeSubunits
      period: $period
      indicator: $indicator
      part: $part
      first: $first
      after: $after
      last: $last
      before: $before
    ) {
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
        effectiveOn
        announcedOn
        publishedOn
      }
    }
  }
`);

type Scorecard = IndicatorScorecardQuery['indicatorScorecard'];
type Indicator = Scorecard['groups'][number]['indicators'][number];

/** The count behind one side of the fraction, for the part switch. */
function partCount(indicator: Indicator, part: IndicatorPart): number | null {
  if (indicator.numerator == null || indicator.denominator == null) return null;
  if (part === 'NUMERATOR') return indicator.numerator;
  if (part === 'DENOMINATOR') return indicator.denominator;
  return indicator.denominator - indicator.numerator;
}

/** One indicator of a unit's scorecard: its figures and formula, and the dossiers or procedures behind it. */
export default function IndicatorPage() {
  const { t, i18n } = useTranslation(['indicators', 'common']);
  const language = i18n.language;
  const code = useParams().code as IndicatorCode;
  const [searchParams, setSearchParams] = useSearchParams();
  const state = parseIndicatorPageParams(searchParams);
  const go = (next: IndicatorPageState) => setSearchParams(indicatorPageSearchParams(next));

  const tree = useQuery(UnitSelectTreeQuery, { variables: { asOf: periodAsOf(state.period) }, skip: Boolean(state.unit) });
  const unit = state.unit ?? tree.data?.unitTree[0]?.unit.id;
  const scorecardQuery = useQuery(ScorecardDocument, {
    variables: { unit: unit ?? '', includeSubunits: state.includeSubunits, period: periodInput(state.period) },
    skip: !unit,
  });
  const scorecard = scorecardQuery.data?.indicatorScorecard;
  const group = scorecard?.groups.find((g) => g.indicators.some((i) => i.code === code));
  const indicator = group?.indicators.find((i) => i.code === code);
  useDocumentTitle(indicator ? localized(indicator.name, language) : t('indicator.title'));

  const failure = tree.error ?? scorecardQuery.error;
  if (failure && !scorecard) return <ErrorMessage error={failure} onRetry={() => void (unit ? scorecardQuery.refetch() : tree.refetch())} />;
  if (!scorecard) return <Loading label={t('scorecard.loading')} />;
  if (!indicator || !group || !unit) {
    return (
      <EmptyState title={t('indicator.unknown')} data-testid="indicator-unknown">
        <Anchor component={Link} to={dashboardPath(scorecard.unit.id, state.includeSubunits, state.period, 'scorecard')}>
          {t('indicator.back')}
        </Anchor>
      </EmptyState>
    );
  }

  const name = localized(indicator.name, language);
  return (
    <Stack gap="md">
      <Breadcrumbs separator="›" data-testid="indicator-breadcrumbs" style={{ flexWrap: 'wrap' }}>
        <Anchor component={Link} to={dashboardPath(undefined, state.includeSubunits, state.period)} size="sm">
          {t('dashboard.title')}
        </Anchor>
        <Anchor component={Link} to={dashboardPath(scorecard.unit.id, state.includeSubunits, state.period, 'scorecard')} size="sm" data-testid="indicator-unit">
          {scorecard.unit.name}
        </Anchor>
        <Text size="sm">{name}</Text>
      </Breadcrumbs>
      <Title order={2} data-testid="indicator-title">
        {name}
      </Title>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text size="sm" data-testid="indicator-formula">
            {localized(indicator.formula, language)}
          </Text>
          <FactsTable
            testId="indicator-facts"
            facts={[
              [t('columns.group'), localized(group.name, language)],
              [t('scorecard.period'), `${formatDate(scorecard.period.from, language)} – ${formatDate(scorecard.period.to, language)}`],
              [t('columns.numerator'), indicator.numerator == null ? '—' : formatNumber(indicator.numerator, language)],
              [t('columns.denominator'), indicator.denominator == null ? '—' : formatNumber(indicator.denominator, language)],
              [t('columns.rate'), indicator.noData || indicator.rate == null ? <NoDataBadge reason={indicator.noDataReason} /> : rateText(indicator, t, language)],
              [t('columns.points'), pointsText(indicator, t, language)],
              [t('indicator.weight'), t('indicator.weightValue', { weight: formatPoints(indicator.weight, language), fullAt: formatPoints(indicator.fullAt * 100, language) })],
              [t('columns.cap'), formatPoints(indicator.cap, language)],
              [t('scorecard.ruleSet'), scorecard.ruleSet.name],
              [t('scorecard.total'), <Group gap="xs" key="total">{formatPoints(scorecard.total, language)} <BandBadge band={scorecard.band} size="sm" /></Group>],
            ]}
          />
        </Stack>
      </Paper>
      {indicator.basis === 'FEEDBACK' ? (
        <Text data-testid="indicator-feedback">{t('indicator.feedbackBasis')}</Text>
      ) : (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t(indicator.basis === 'DOSSIERS' ? 'indicator.dossiersTitle' : 'indicator.proceduresTitle')}
            </Title>
            <SegmentedControl
              value={state.part}
              onChange={(part) => go(withPart(state, part as IndicatorPart))}
              data={PARTS.map((part) => {
                const n = partCount(indicator, part);
                return { value: part, label: n == null ? t(`part.${part}`) : `${t(`part.${part}`)} (${formatNumber(n, language)})` };
              })}
              fullWidth
              data-testid="indicator-part"
            />
            <Text size="xs" c="dimmed">
              {t(`partHelp.${state.part}`)}
            </Text>
            {indicator.basis === 'DOSSIERS' ? (
              <DossiersBehind state={state} unit={unit} code={code} onGo={go} fileName={`${code}-${state.part.toLowerCase()}`} />
            ) : (
              <ProceduresBehind state={state} unit={unit} code={code} onGo={go} fileName={`${code}-${state.part.toLowerCase()}`} />
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

interface BehindProps {
  state: IndicatorPageState;
  unit: string;
  code: IndicatorCode;
  onGo: (state: IndicatorPageState) => void;
  fileName: string;
}

type Connection = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor?: string | null };
};

function Pager({ connection, shown, state, onGo, busy }: { connection: Connection; shown: number; state: IndicatorPageState; onGo: BehindProps['onGo']; busy: boolean }) {
  return (
    <CursorPager
      totalCount={connection.totalCount}
      shown={shown}
      page={state.page}
      pageSize={state.pageSize}
      sizes={DRILL_DOWN_PAGE_SIZES}
      hasPreviousPage={connection.pageInfo.hasPreviousPage}
      hasNextPage={connection.pageInfo.hasNextPage}
      busy={busy}
      onPrevious={() => connection.pageInfo.startCursor && onGo({ ...state, before: connection.pageInfo.startCursor, after: undefined, page: Math.max(1, state.page - 1) })}
      onNext={() => connection.pageInfo.endCursor && onGo({ ...state, after: connection.pageInfo.endCursor, before: undefined, page: state.page + 1 })}
      onPageSize={(pageSize) => onGo({ ...state, pageSize, ...FIRST_PAGE })}
    />
  );
}

/** The variables for page after page of the whole list, from the first, as many rows at a time as the API gives. */
function allPagesVariables(state: IndicatorPageState, unit: string, code: IndicatorCode, after: string | null) {
  return indicatorItemsVariables({ ...state, ...FIRST_PAGE, pageSize: EXPORT_PAGE_SIZE, after: after ?? undefined }, unit, code);
}

function DossiersBehind({ state, unit, code, onGo, fileName }: BehindProps) {
  const { t, i18n } = useTranslation(['indicators', 'common']);
  const client = useApolloClient();
  const query = useQuery(IndicatorDossiersQuery, { variables: indicatorItemsVariables(state, unit, code) });
  const connection = (query.data ?? query.previousData)?.indicatorDossiers;
  if (query.error && !connection) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  if (!connection) return <Loading label={t('indicator.loadingItems')} />;
  const rows = connection.nodes;
  const exportAll = async (onProgress: (loaded: number, total: number) => void) => {
    const all = await queryAllPages(client, IndicatorDossiersQuery, (after) => allPagesVariables(state, unit, code, after), (data) => data.indicatorDossiers, onProgress);
    return { table: dossiersCsv(all.rows, t, i18n.language), totalCount: all.totalCount, capped: all.capped };
  };
  return (
    <Stack gap="sm">
      {query.loading && <Progress value={100} animated size="xs" aria-label={t('indicator.loadingItems')} />}
      <Group justify="flex-end">
        <ExportButtons name={fileName} load={exportAll} disabled={connection.totalCount === 0} testId="indicator-export" />
      </Group>
      {rows.length === 0 ? <Text data-testid="indicator-items-empty">{t('indicator.noItems')}</Text> : <DossierRowsTable rows={rows} busy={query.loading} testId="indicator-dossiers" />}
      {connection.totalCount > 0 && <Pager connection={connection} shown={rows.length} state={state} onGo={onGo} busy={query.loading} />}
    </Stack>
  );
}

function ProceduresBehind({ state, unit, code, onGo, fileName }: BehindProps) {
  const { t, i18n } = useTranslation(['indicators', 'common']);
  const language = i18n.language;
  const client = useApolloClient();
  const query = useQuery(IndicatorProceduresQuery, { variables: indicatorItemsVariables(state, unit, code) });
  const connection = (query.data ?? query.previousData)?.indicatorProcedures;
  if (query.error && !connection) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  if (!connection) return <Loading label={t('indicator.loadingItems')} />;
  const rows = connection.nodes;
  const { header, rows: body } = proceduresCsv(rows, t, language);
  const exportAll = async (onProgress: (loaded: number, total: number) => void) => {
    const all = await queryAllPages(client, IndicatorProceduresQuery, (after) => allPagesVariables(state, unit, code, after), (data) => data.indicatorProcedures, onProgress);
    return { table: proceduresCsv(all.rows, t, language), totalCount: all.totalCount, capped: all.capped };
  };
  return (
    <Stack gap="sm">
      {query.loading && <Progress value={100} animated size="xs" aria-label={t('indicator.loadingItems')} />}
      <Group justify="flex-end">
        <ExportButtons name={fileName} load={exportAll} disabled={connection.totalCount === 0} testId="indicator-export" />
      </Group>
      {rows.length === 0 ? (
        <Text data-testid="indicator-items-empty">{t('indicator.noItems')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="indicator-procedures">
            <Table.Thead>
              <Table.Tr>
                {header.map((h) => (
                  <Table.Th key={h}>{h}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {body.map((row, index) => (
                <Table.Tr key={rows[index]!.id} data-testid="procedure-row">
                  {row.map((cell, i) => (
                    <Table.Td key={i} fz="sm" ff={i === 0 ? 'monospace' : undefined}>
                      {cell}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {connection.totalCount > 0 && <Pager connection={connection} shown={rows.length} state={state} onGo={onGo} busy={query.loading} />}
    </Stack>
  );
}
