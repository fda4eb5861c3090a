import { describe, expect, it } from 'vitest';
import { parsePlanListParams, planListSearchParams, planListVariables, withChanges } from './planListParams';
import { planPath } from './planVocabulary';

describe('planListParams', () => {
  it('round-trips status, search, page size and cursor through the query string', () => {
    const state = parsePlanListParams(new URLSearchParams('q=2960&status=FOLLOW_UP&size=50&after=abc&page=3'));
    expect(state).toEqual({ text: '2960', status: 'FOLLOW_UP', pageSize: 50, after: 'abc', before: undefined, page: 3 });
    expect(parsePlanListParams(planListSearchParams(state))).toEqual(state);
    expect(planListVariables(state)).toEqual({ filter: { status: ['FOLLOW_UP'], text: '2960' }, first: 50, after: 'abc' });
  });

  it('ignores unknown values and starts again at page 1 when a filter changes', () => {
    const state = parsePlanListParams(new URLSearchParams('status=BOGUS&size=7&page=4'));
    expect(state).toEqual({ text: undefined, status: undefined, pageSize: 20, after: undefined, before: undefined, page: 1 });
    const paged = { ...state, before: 'xyz', page: 2 };
    expect(planListVariables(paged)).toEqual({ filter: {}, last: 20, before: 'xyz' });
    expect(withChanges(paged, { status: 'DRAFT' })).toMatchObject({ status: 'DRAFT', before: undefined, page: 1 });
  });

  it('keeps the slash of a plan number inside one path segment', () => {
    expect(planPath('2960/KH-TTCP')).toBe('/plans/2960%2FKH-TTCP');
    expect(decodeURIComponent(planPath('2960/KH-TTCP').slice('/plans/'.length))).toBe('2960/KH-TTCP');
  });
});
