import type {
  DossierChannel,
  DossierFilter,
  DossierOrderField,
  DossierStatus,
  OrderDirection,
  ProcedureField,
} from '../../gql/graphql';
import { FIRST_PAGE, pageArguments, readPaging, writePaging, type CursorPaging } from '../../lib/cursorPaging';
import { PROCEDURE_FIELDS, oneOf } from '../../lib/vocabulary';
import { DOSSIER_CHANNELS, DOSSIER_STATUSES } from './dossierVocabulary';


export interface DossierSort {
  field: DossierOrderField;
  direction: OrderDirection;
}

/** Newest first, as the server does when not told otherwise. */
export const DEFAULT_SORT: DossierSort = { field: 'RECEIVED_AT', direction: 'DESC' };

/** Everything that decides what the dossier list shows; it lives in the URL so a link reproduces the view. */
export interface DossierListState extends CursorPaging {
  unit?: string;
  procedure?: string;
  field?: ProcedureField;
  channel?: DossierChannel;
  receivedFrom?: string;
  receivedTo?: string;
  late?: boolean;
  overdue?: boolean;
  open?: boolean;
  carriedOverAt?: string;
  text?: string;
  /** The status tab; all statuses when absent. */
  status?: DossierStatus;
  sort: DossierSort;
}

/** The parts of the state that narrow the dossiers (not the tab, order or page). */
export type DossierFilterState = Omit<DossierListState, 'status' | 'sort' | 'pageSize' | 'after' | 'before' | 'page'>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SORT_KEYS: Record<string, DossierOrderField> = { receivedAt: 'RECEIVED_AT', dueDate: 'DUE_DATE', code: 'RECEIPT_CODE' };

function text(value: string | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function date(value: string | null): string | undefined {
  return value && ISO_DATE.test(value) ? value : undefined;
}

function bool(value: string | null): boolean | undefined {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return undefined;
}

function parseSort(value: string | null): DossierSort {
  if (!value) return DEFAULT_SORT;
  const descending = value.startsWith('-');
  const field = SORT_KEYS[descending ? value.slice(1) : value];
  return field ? { field, direction: descending ? 'DESC' : 'ASC' } : DEFAULT_SORT;
}

function sortKey({ field, direction }: DossierSort): string {
  const key = Object.entries(SORT_KEYS).find(([, value]) => value === field)?.[0] ?? 'receivedAt';
  return direction === 'DESC' ? `-${key}` : key;
}

/** Reads the list state from `?unit=…&status=…&q=…`; anything malformed is ignored, not an error. */
export function parseDossierListParams(params: URLSearchParams): DossierListState {
  return {
    unit: text(params.get('unit')),
    procedure: text(params.get('procedure')),
    field: oneOf(PROCEDURE_FIELDS, params.get('field')),
    channel: oneOf(DOSSIER_CHANNELS, params.get('channel')),
    receivedFrom: date(params.get('from')),
    receivedTo: date(params.get('to')),
    late: bool(params.get('late')),
    overdue: bool(params.get('overdue')),
    open: bool(params.get('open')),
    carriedOverAt: date(params.get('carriedOverAt')),
    text: text(params.get('q')),
    status: oneOf(DOSSIER_STATUSES, params.get('status')),
    sort: parseSort(params.get('sort')),
    ...readPaging(params),
  };
}

/** The query string for a state, defaults left out so links stay short; parsing it gives the state back. */
export function dossierListSearchParams(state: DossierListState): URLSearchParams {
  const params = new URLSearchParams();
  const put = (key: string, value: string | boolean | number | undefined) => {
    if (value !== undefined && value !== '') params.set(key, String(value));
  };
  put('q', state.text);
  put('status', state.status);
  put('unit', state.unit);
  put('procedure', state.procedure);
  put('field', state.field);
  put('channel', state.channel);
  put('from', state.receivedFrom);
  put('to', state.receivedTo);
  put('late', state.late);
  put('overdue', state.overdue);
  put('open', state.open);
  put('carriedOverAt', state.carriedOverAt);
  if (state.sort.field !== DEFAULT_SORT.field || state.sort.direction !== DEFAULT_SORT.direction) {
    put('sort', sortKey(state.sort));
  }
  writePaging(params, state);
  return params;
}

/** A changed filter, tab, order or page size starts again at the first page. */
export function withChanges(state: DossierListState, changes: Partial<Omit<DossierListState, 'after' | 'before' | 'page'>>): DossierListState {
  return { ...state, ...changes, ...FIRST_PAGE };
}

/** The API filter for the state, without the status tab (the tab counts use it as is). */
export function dossierFilter(state: DossierFilterState): DossierFilter {
  const filter: DossierFilter = {};
  if (state.unit) filter.unit = state.unit;
  if (state.procedure) filter.procedure = state.procedure;
  if (state.field) filter.field = state.field;
  if (state.channel) filter.channel = state.channel;
  if (state.receivedFrom) filter.receivedFrom = state.receivedFrom;
  if (state.receivedTo) filter.receivedTo = state.receivedTo;
  if (state.late !== undefined) filter.late = state.late;
  if (state.overdue !== undefined) filter.overdue = state.overdue;
  if (state.open !== undefined) filter.open = state.open;
  if (state.carriedOverAt) filter.carriedOverAt = state.carriedOverAt;
  if (state.text) filter.text = state.text;
  return filter;
}

export interface DossierListVariables {
  filter: DossierFilter;
  orderBy: DossierSort[];
  first?: number;
  after?: string;
  last?: number;
  before?: string;
}

/** Variables of the list query: the filter with the tab's status, the order and the page. */
export function dossierListVariables(state: DossierListState): DossierListVariables {
  const filter = dossierFilter(state);
  if (state.status) filter.status = [state.status];
  return { filter, orderBy: [state.sort], ...pageArguments(state) };
}

/** How many filters beyond the search box are set: shown on the filter toggle. */
export function activeFilterCount(state: DossierFilterState): number {
  const { text: _text, ...rest } = state;
  return Object.values(dossierFilter(rest)).length;
}
