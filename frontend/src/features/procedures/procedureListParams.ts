import type { AuthorityLevel, OnlineLevel, ProcedureField, ProcedureFilter, ReviewState } from '../../gql/graphql';
import { FIRST_PAGE, pageArguments, readPaging, writePaging, type CursorPaging } from '../../lib/cursorPaging';
import { AUTHORITY_LEVELS, ONLINE_LEVELS, PROCEDURE_FIELDS, REVIEW_STATES, oneOf } from '../../lib/vocabulary';


/** What the catalogue page shows; held in the URL so a link reproduces it. */
export interface ProcedureListState extends CursorPaging {
  text?: string;
  unit?: string;
  field?: ProcedureField;
  level?: AuthorityLevel;
  onlineLevel?: OnlineLevel;
  published?: boolean;
  reviewState?: ReviewState;
  /** The procedure shown in the drawer. */
  open?: string;
}

const text = (value: string | null) => value?.trim() || undefined;

export function parseProcedureListParams(params: URLSearchParams): ProcedureListState {
  const published = params.get('published');
  return {
    text: text(params.get('q')),
    unit: text(params.get('unit')),
    field: oneOf(PROCEDURE_FIELDS, params.get('field')),
    level: oneOf(AUTHORITY_LEVELS, params.get('level')),
    onlineLevel: oneOf(ONLINE_LEVELS, params.get('online')),
    published: published === 'true' ? true : published === 'false' ? false : undefined,
    reviewState: oneOf(REVIEW_STATES, params.get('review')),
    ...readPaging(params),
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
  writePaging(params, state);
  put('open', state.open);
  return params;
}

/** A changed filter starts again at the first page. */
export function withFilter(state: ProcedureListState, changes: Partial<ProcedureListState>): ProcedureListState {
  return { ...state, ...changes, ...FIRST_PAGE };
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
  return { filter, ...pageArguments(state) };
}
