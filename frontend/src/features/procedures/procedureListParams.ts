import type { AuthorityLevel, OnlineLevel, ProcedureField, ProcedureFilter, ReviewState } from '../../gql/graphql';
import { AUTHORITY_LEVELS, ONLINE_LEVELS, PROCEDURE_FIELDS, REVIEW_STATES, oneOf } from '../../lib/vocabulary';

export const PAGE_SIZES = [20, 50, 100] as const;

/** What the catalogue page shows; held in the URL so a link reproduces it. */
export interface ProcedureListState {
  text?: string;
  unit?: string;
  field?: ProcedureField;
  level?: AuthorityLevel;
  onlineLevel?: OnlineLevel;
  published?: boolean;
  reviewState?: ReviewState;
  pageSize: number;
  after?: string;
  before?: string;
  page: number;
  /** The procedure shown in the drawer. */
  open?: string;
}

const text = (value: string | null) => value?.trim() || undefined;

export function parseProcedureListParams(params: URLSearchParams): ProcedureListState {
  const size = Number(params.get('size'));
  const page = Number(params.get('page'));
  const after = text(params.get('after'));
  const before = after ? undefined : text(params.get('before'));
  const published = params.get('published');
  return {
    text: text(params.get('q')),
    unit: text(params.get('unit')),
    field: oneOf(PROCEDURE_FIELDS, params.get('field')),
    level: oneOf(AUTHORITY_LEVELS, params.get('level')),
    onlineLevel: oneOf(ONLINE_LEVELS, params.get('online')),
    published: published === 'true' ? true : published === 'false' ? false : undefined,
    reviewState: oneOf(REVIEW_STATES, params.get('review')),
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : 20,
    after,
    before,
    page: (after || before) && Number.isInteger(page) && page > 1 ? page : 1,
    open: text(params.get('open')),
  };
}

export function procedureListSearchParams(state: ProcedureListState): URLSearchParams {
  const params = new URLSearchParams();
  const put = (key: string, value: string | number | boolean | undefined) => {
    if (value !== undefined && value !== '') params.set(key, String(value));
  };
  put('q', state.text);
  put('unit', state.unit);
  put('field', state.field);
  put('level', state.level);
  put('online', state.onlineLevel);
  put('published', state.published);
  put('review', state.reviewState);
  if (state.pageSize !== 20) put('size', state.pageSize);
  if (state.after || state.before) {
    put('after', state.after);
    put('before', state.before);
    if (state.page > 1) put('page', state.page);
  }
  put('open', state.open);
  return params;
}

/** A changed filter starts again at the first page. */
export function withFilter(state: ProcedureListState, changes: Partial<ProcedureListState>): ProcedureListState {
  return { ...state, ...changes, after: undefined, before: undefined, page: 1 };
}

export function procedureListVariables(state: ProcedureListState) {
  const filter: ProcedureFilter = {};
  if (state.unit) filter.unit = state.unit;
  if (state.field) filter.field = state.field;
  if (state.level) filter.level = state.level;
  if (state.onlineLevel) filter.onlineLevel = state.onlineLevel;
  if (state.published !== undefined) filter.published = state.published;
  if (state.reviewState) filter.reviewState = state.reviewState;
  if (state.text) filter.text = state.text;
  return state.before
    ? { filter, last: state.pageSize, before: state.before }
    : { filter, first: state.pageSize, ...(state.after ? { after: state.after } : {}) };
}
