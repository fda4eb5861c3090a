import type { TFunction } from 'i18next';
import type {
  DelayListFieldsFragment,
  IndicatorRankingQuery,
  IndicatorScorecardQuery,
  OverdueBacklogQuery,
} from '../../gql/graphql';
import { formatDate, formatDateTime } from '../../lib/format';
import { formatPoints, formatRate, localized } from './indicatorFormat';
import { percent, points, type Cell, type ExportTable } from './tableExport';

/*
 * The dashboard's tables as exported. Counts and points are numbers, rates numbers of percent with
 * one decimal (under a "(%)" header), so a spreadsheet can sum and sort them; "no data" stays words,
 * never a 0 a sum would count; codes, names and dates are text.
 */

type Scorecard = IndicatorScorecardQuery['indicatorScorecard'];
type Indicator = Scorecard['groups'][number]['indicators'][number];
type Table = ExportTable;

/** What a rate cell says: the percentage, or "no data" (never 0 % or 100 % in its place). */
export function rateText(indicator: Pick<Indicator, 'noData' | 'rate'>, t: TFunction, language: string): string {
  return indicator.noData || indicator.rate == null ? t('indicators:noData') : formatRate(indicator.rate, language);
}

/** What a points cell says: the points, or "no data". */
export function pointsText(indicator: Pick<Indicator, 'noData' | 'points'>, t: TFunction, language: string): string {
  return indicator.noData ? t('indicators:noData') : formatPoints(indicator.points, language);
}

const count = (value: number | null | undefined): Cell => (value == null ? null : value);

/** Every indicator of a scorecard, one row each, with its group, fraction, rate, points, cap and formula. */
export function scorecardCsv(scorecard: Scorecard, t: TFunction, language: string): Table {
  return {
    header: [
      t('indicators:columns.group'),
      t('indicators:columns.indicator'),
      t('indicators:columns.numerator'),
      t('indicators:columns.denominator'),
      t('indicators:columns.ratePercent'),
      t('indicators:columns.points'),
      t('indicators:columns.cap'),
      t('indicators:columns.formula'),
    ],
    rows: scorecard.groups.flatMap((group) =>
      group.indicators.map((indicator) => [
        localized(group.name, language),
        localized(indicator.name, language),
        count(indicator.numerator),
        count(indicator.denominator),
        indicator.noData || indicator.rate == null ? t('indicators:noData') : percent(indicator.rate),
        indicator.noData ? t('indicators:noData') : points(indicator.points),
        points(indicator.cap),
        localized(indicator.formula, language),
      ]),
    ),
  };
}

type RankingEntry = IndicatorRankingQuery['indicatorRanking'][number];

/** The ranking as shown: rank, unit, total, band, each group's points and the dossiers received. */
export function rankingCsv(entries: readonly RankingEntry[], groupNames: readonly string[], t: TFunction): Table {
  return {
    header: [
      t('indicators:columns.rank'),
      t('indicators:columns.unitCode'),
      t('indicators:columns.unit'),
      t('indicators:columns.total'),
      t('indicators:columns.band'),
      ...groupNames,
      t('indicators:columns.dossiersReceived'),
    ],
    rows: entries.map(({ rank, scorecard }) => [
      rank,
      scorecard.unit.code,
      scorecard.unit.name,
      points(scorecard.total),
      t(`indicators:band.${scorecard.band}`),
      ...scorecard.groups.map((group) => points(group.points)),
      scorecard.dossiersReceived,
    ]),
  };
}

type BacklogRow = OverdueBacklogQuery['overdueBacklog']['rows'][number];

export function backlogCsv(rows: readonly BacklogRow[], t: TFunction, language: string): Table {
  return {
    header: [
      t('indicators:columns.unit'),
      t('indicators:columns.procedureCode'),
      t('indicators:columns.procedure'),
      t('indicators:columns.overdue'),
      t('indicators:columns.open'),
      t('indicators:columns.oldestDueDate'),
    ],
    rows: rows.map((row) => [
      row.unit.name,
      row.procedure.nationalCode,
      row.procedure.name,
      row.overdue,
      row.open,
      formatDate(row.oldestDueDate, language),
    ]),
  };
}

/** A dossier row of the nearly-due list or of a drill-down. */
export interface DossierCsvRow {
  receiptCode: string;
  status: string;
  receivedAt: string;
  dueDate: string;
  procedure: { nationalCode: string; name: string };
  unit: { name: string };
}

export function dossiersCsv(rows: readonly DossierCsvRow[], t: TFunction, language: string): Table {
  return {
    header: [
      t('indicators:columns.receiptCode'),
      t('indicators:columns.procedureCode'),
      t('indicators:columns.procedure'),
      t('indicators:columns.unit'),
      t('indicators:columns.status'),
      t('indicators:columns.receivedAt'),
      t('indicators:columns.dueDate'),
    ],
    rows: rows.map((row) => [
      row.receiptCode,
      row.procedure.nationalCode,
      row.procedure.name,
      row.unit.name,
      t(`dossiers:status.${row.status}`),
      formatDateTime(row.receivedAt, language),
      formatDate(row.dueDate, language),
    ]),
  };
}

/** One row per official and procedure, so a spreadsheet can total either way. */
export function delayListCsv(list: DelayListFieldsFragment, t: TFunction): Table {
  return {
    header: [
      t('indicators:columns.official'),
      t('indicators:columns.position'),
      t('indicators:columns.unit'),
      t('indicators:columns.dossiersLate'),
      t('indicators:columns.overruns'),
      t('indicators:columns.daysOver'),
      t('indicators:columns.procedureCode'),
      t('indicators:columns.procedure'),
      t('indicators:columns.procedureDossiers'),
    ],
    rows: list.entries.flatMap((entry) => {
      const official: Cell[] = [entry.officialName, entry.officialPosition, entry.unitName, entry.dossiers, entry.overruns, entry.daysOver];
      return entry.procedures.length === 0
        ? [[...official, null, null, null]]
        : entry.procedures.map((procedure) => [...official, procedure.nationalCode, procedure.name, procedure.dossiers]);
    }),
  };
}

/** The trend's months: month, total, band and each group's points. */
export function trendCsv(
  unitName: string,
  months: readonly { period: { from: string }; total: number; band: Scorecard['band']; groups: readonly { points: number }[] }[],
  groupNames: readonly string[],
  t: TFunction,
): Table {
  return {
    header: [t('indicators:columns.unit'), t('indicators:columns.month'), t('indicators:columns.total'), t('indicators:columns.band'), ...groupNames],
    rows: months.map((month) => [
      unitName,
      month.period.from.slice(0, 7),
      points(month.total),
      t(`indicators:band.${month.band}`),
      ...month.groups.map((group) => points(group.points)),
    ]),
  };
}

/** A procedure behind a procedure-based indicator. */
export interface ProcedureCsvRow {
  nationalCode: string;
  name: string;
  effectiveOn?: string | null;
  announcedOn?: string | null;
  publishedOn?: string | null;
}

export function proceduresCsv(rows: readonly ProcedureCsvRow[], t: TFunction, language: string): Table {
  return {
    header: [
      t('indicators:columns.procedureCode'),
      t('indicators:columns.procedure'),
      t('indicators:columns.effectiveOn'),
      t('indicators:columns.announcedOn'),
      t('indicators:columns.publishedOn'),
    ],
    rows: rows.map((row) => [row.nationalCode, row.name, formatDate(row.effectiveOn, language), formatDate(row.announcedOn, language), formatDate(row.publishedOn, language)]),
  };
}

/** A rule set's weighting: one row per indicator, with the rule set's name and its group's maximum. */
export function ruleSetCsv(
  ruleSet: { name: string; groups: readonly { group: string; maxPoints: number; indicators: readonly { code: string; weight: number; cap: number; fullAt: number }[] }[] },
  t: TFunction,
): Table {
  return {
    header: [
      t('indicators:columns.ruleSet'),
      t('indicators:columns.group'),
      t('indicators:columns.groupMax'),
      t('indicators:columns.indicator'),
      t('indicators:columns.weight'),
      t('indicators:columns.cap'),
      t('indicators:columns.fullAtPercent'),
    ],
    rows: ruleSet.groups.flatMap((group) =>
      group.indicators.map((rule) => [
        ruleSet.name,
        t(`indicators:groupName.${group.group}`),
        points(group.maxPoints),
        t(`indicators:indicatorName.${rule.code}`),
        points(rule.weight),
        points(rule.cap),
        percent(rule.fullAt),
      ]),
    ),
  };
}
