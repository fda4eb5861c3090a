import type { InspectionPlanStatus } from '../../gql/graphql';
import { oneOf } from '../../lib/vocabulary';
import { PLAN_STATUSES } from './planVocabulary';

export const PAGE_SIZES = [20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** What the plan list shows; it lives in the URL so a link reproduces the view. */
export interface PlanListState {
  text?: string;
  status?: InspectionPlanStatus;
  pageSize: PageSize;
  after?: string;
  before?: string;
  page: number;
}

function text(value: string | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Reads `?q=…&status=…&size=…&after=…&page=…`; anything malformed is ignored. */
export function parsePlanListParams(params: URLSearchParams): PlanListState {
  const size = Number(params.get('size'));
  const page = Number(params.get('page'));
  const after = text(params.get('after'));
  const before = after ? undefined : text(params.get('before'));
  return {
    text: text(params.get('q')),
    status: oneOf(PLAN_STATUSES, params.get('status')),
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? (size as PageSize) : 20,
    after,
    before,
    page: (after || before) && Number.isInteger(page) && page > 1 ? page : 1,
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
  if (state.pageSize !== 20) put('size', state.pageSize);
  if (state.after || state.before) {
    put('after', state.after);
    put('before', state.before);
    if (state.page > 1) put('page', state.page);
  }
  return params;
}

/** A changed filter or page size starts again at the first page. */
export function withChanges(state: PlanListState, changes: Partial<Pick<PlanListState, 'text' | 'status' | 'pageSize'>>): PlanListState {
  return { ...state, ...changes, after: undefined, before: undefined, page: 1 };
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
  const variables: PlanListVariables = { filter };
  if (state.before) {
    variables.last = state.pageSize;
    variables.before = state.before;
  } else {
    variables.first = state.pageSize;
    if (state.after) variables.after = state.after;
  }
  return variables;
}
