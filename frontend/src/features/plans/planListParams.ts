import type { InspectionPlanStatus } from '../../gql/graphql';
import { FIRST_PAGE, pageArguments, readPaging, writePaging, type CursorPaging } from '../../lib/cursorPaging';
import { oneOf } from '../../lib/vocabulary';
import { PLAN_STATUSES } from './planVocabulary';


/** What the plan list shows; it lives in the URL so a link reproduces the view. */
export interface PlanListState extends CursorPaging {
  text?: string;
  status?: InspectionPlanStatus;
}

function text(value: string | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Reads `?q=…&status=…&size=…&after=…&page=…`; anything malformed is ignored. */
export function parsePlanListParams(params: URLSearchParams): PlanListState {
  return {
    text: text(params.get('q')),
    status: oneOf(PLAN_STATUSES, params.get('status')),
    ...readPaging(params),
  };
}

/** The query string for a state, defaults left out. */
export function planListSearchParams(state: PlanListState): URLSearchParams {
  const params = new URLSearchParams();
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') params.set(key, String(value));
  };
  put('q', state.text);
  put('status', state.status);
  writePaging(params, state);
  return params;
}

/** A changed filter or page size starts again at the first page. */
export function withChanges(state: PlanListState, changes: Partial<Pick<PlanListState, 'text' | 'status' | 'pageSize'>>): PlanListState {
  return { ...state, ...changes, ...FIRST_PAGE };
}

export interface PlanListVariables {
  filter: { status?: InspectionPlanStatus[]; text?: string };
  first?: number;
  after?: string;
  last?: number;
  before?: string;
}

export function planListVariables(state: PlanListState): PlanListVariables {
  const filter: PlanListVariables['filter'] = {};
  if (state.status) filter.status = [state.status];
  if (state.text) filter.text = state.text;
  return { filter, ...pageArguments(state) };
}
