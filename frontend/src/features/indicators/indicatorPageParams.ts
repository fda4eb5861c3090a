import type { IndicatorCode, IndicatorPart, IndicatorPeriodInput } from '../../gql/graphql';
import { FIRST_PAGE, pageArguments, readPaging, writePaging, type CursorPaging, type PageSize } from '../../lib/cursorPaging';
import { todayInVietnam } from '../../lib/format';
import { oneOf } from '../../lib/vocabulary';
import { PARTS, parsePeriod, periodInput, writePeriod, type Period } from './dashboardParams';

/**
 * The page sizes the drill-down offers: a page of 100 dossier rows with their procedure and unit
 * costs more than the API's complexity limit (2,000), so it stops at 50.
 */
export const DRILL_DOWN_PAGE_SIZES: readonly PageSize[] = [20, 50];

/** What the drill-down to one indicator shows; it lives in the URL. */
export interface IndicatorPageState extends CursorPaging {
  unit?: string;
  includeSubunits: boolean;
  period: Period;
  part: IndicatorPart;
}

export function parseIndicatorPageParams(params: URLSearchParams, today: string = todayInVietnam()): IndicatorPageState {
  return {
    unit: params.get('unit')?.trim() || undefined,
    includeSubunits: params.get('sub') !== '0',
    period: parsePeriod(params, today),
    part: oneOf(PARTS, params.get('part')?.toUpperCase()) ?? 'NUMERATOR',
    ...readPaging(params, DRILL_DOWN_PAGE_SIZES),
  };
}

export function indicatorPageSearchParams(state: IndicatorPageState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.unit) params.set('unit', state.unit);
  if (!state.includeSubunits) params.set('sub', '0');
  writePeriod(params, state.period);
  if (state.part !== 'NUMERATOR') params.set('part', state.part.toLowerCase());
  writePaging(params, state);
  return params;
}

/** Another side of the fraction or page size starts again at the first page. */
export function withPart(state: IndicatorPageState, part: IndicatorPart): IndicatorPageState {
  return { ...state, part, ...FIRST_PAGE };
}

export interface IndicatorItemsVariables {
  unit: string;
  includeSubunits: boolean;
  period: IndicatorPeriodInput;
  indicator: IndicatorCode;
  part: IndicatorPart;
  first?: number;
  after?: string;
  last?: number;
  before?: string;
}

/** The variables of `indicatorDossiers` / `indicatorProcedures` for the page's state. */
export function indicatorItemsVariables(state: IndicatorPageState, unit: string, indicator: IndicatorCode): IndicatorItemsVariables {
  return { unit, includeSubunits: state.includeSubunits, period: periodInput(state.period), indicator, part: state.part, ...pageArguments(state) };
}
