import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  dossierFilter,
  dossierListSearchParams,
  dossierListVariables,
  parseDossierListParams,
  withChanges,
  type DossierListState,
} from './dossierListParams';

const parse = (query: string) => parseDossierListParams(new URLSearchParams(query));

describe('parseDossierListParams', () => {
  it('reads every filter, the tab, the order and the page from the query string', () => {
    const state = parse(
      'q=do%20luong&status=PROCESSING&unit=VW5pdDo0&procedure=UHJvYzox&field=LAND&channel=ONLINE&from=2023-01-01&to=2023-06-30&late=true&overdue=false&open=true&carriedOverAt=2021-07-15&sort=dueDate&size=50&after=Y3Vy&page=3',
    );
    expect(state).toEqual<DossierListState>({
      text: 'do luong',
      status: 'PROCESSING',
      unit: 'VW5pdDo0',
      procedure: 'UHJvYzox',
      field: 'LAND',
      channel: 'ONLINE',
      receivedFrom: '2023-01-01',
      receivedTo: '2023-06-30',
      late: true,
      overdue: false,
      open: true,
      carriedOverAt: '2021-07-15',
      sort: { field: 'DUE_DATE', direction: 'ASC' },
      pageSize: 50,
      after: 'Y3Vy',
      before: undefined,
      page: 3,
    });
  });

  it('starts with newest first, 20 a page, page 1 and no filter', () => {
    const state = parse('');
    expect(state.sort).toEqual({ field: 'RECEIVED_AT', direction: 'DESC' });
    expect(state.pageSize).toBe(20);
    expect(state.page).toBe(1);
    expect(dossierFilter(state)).toEqual({});
  });

  it('ignores what a hand-edited link gets wrong instead of sending it to the server', () => {
    const state = parse('status=LOST&field=MAGIC&channel=FAX&from=15/07/2021&late=maybe&size=1000&sort=colour&q=%20%20&page=-2');
    expect(state.status).toBeUndefined();
    expect(state.field).toBeUndefined();
    expect(state.channel).toBeUndefined();
    expect(state.receivedFrom).toBeUndefined();
    expect(state.late).toBeUndefined();
    expect(state.pageSize).toBe(20);
    expect(state.sort).toEqual({ field: 'RECEIVED_AT', direction: 'DESC' });
    expect(state.text).toBeUndefined();
    expect(state.page).toBe(1);
  });

  it('keeps only one cursor direction', () => {
    const state = parse('after=A&before=B');
    expect(state.after).toBe('A');
    expect(state.before).toBeUndefined();
  });
});

describe('dossierListSearchParams', () => {
  it('gives back the same state when parsed again', () => {
    const query = 'q=Nguyễn&status=SUPPLEMENT_REQUESTED&unit=U1&field=CIVIL_STATUS&from=2024-01-01&overdue=true&sort=-dueDate&size=100&before=Qg&page=2';
    const state = parse(query);
    expect(parseDossierListParams(dossierListSearchParams(state))).toEqual(state);
  });

  it('leaves defaults out so links stay short', () => {
    expect(dossierListSearchParams(parse('sort=-receivedAt&size=20&page=1')).toString()).toBe('');
    expect(dossierListSearchParams(parse('q=tan ky&late=true')).toString()).toBe('q=tan+ky&late=true');
  });
});

describe('withChanges', () => {
  it('goes back to the first page when a filter changes', () => {
    const state = parse('after=Y3Vy&page=4&status=RESOLVED');
    const next = withChanges(state, { channel: 'DIRECT' });
    expect(next).toMatchObject({ channel: 'DIRECT', status: 'RESOLVED', after: undefined, before: undefined, page: 1 });
  });
});

describe('dossierListVariables', () => {
  it('puts the tab’s status in the list filter but not in the counts filter', () => {
    const state = parse('status=RESOLVED&late=true&q=quy hop');
    expect(dossierListVariables(state).filter).toEqual({ status: ['RESOLVED'], late: true, text: 'quy hop' });
    expect(dossierFilter(state)).toEqual({ late: true, text: 'quy hop' });
  });

  it('pages forward with first/after and back with last/before', () => {
    expect(dossierListVariables(parse('size=50&after=X'))).toEqual({ filter: {}, orderBy: [{ field: 'RECEIVED_AT', direction: 'DESC' }], first: 50, after: 'X' });
    expect(dossierListVariables(parse('before=Y'))).toEqual({ filter: {}, orderBy: [{ field: 'RECEIVED_AT', direction: 'DESC' }], last: 20, before: 'Y' });
    expect(dossierListVariables(parse('sort=dueDate'))).toEqual({ filter: {}, orderBy: [{ field: 'DUE_DATE', direction: 'ASC' }], first: 20 });
  });

  it('sends an explicit false for “not late” rather than dropping it', () => {
    expect(dossierListVariables(parse('late=false')).filter).toEqual({ late: false });
  });
});

describe('activeFilterCount', () => {
  it('counts the filters behind the toggle, not the search text', () => {
    expect(activeFilterCount(parse('q=abc'))).toBe(0);
    expect(activeFilterCount(parse('q=abc&unit=U&open=true&from=2024-01-01'))).toBe(3);
  });
});
