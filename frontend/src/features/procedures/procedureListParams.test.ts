import { describe, expect, it } from 'vitest';
import { parseProcedureListParams, procedureListSearchParams, procedureListVariables, withFilter } from './procedureListParams';

describe('procedure list URL state', () => {
  it('reads filters from the link, sends them to the server and writes the same link back', () => {
    const state = parseProcedureListParams(new URLSearchParams('q=khai sinh&field=CIVIL_STATUS&level=COMMUNE&online=FULL&published=false&review=PROPOSED_SIMPLIFICATION&open=UHJvYzox'));
    expect(procedureListVariables(state)).toEqual({
      filter: { field: 'CIVIL_STATUS', level: 'COMMUNE', onlineLevel: 'FULL', published: false, reviewState: 'PROPOSED_SIMPLIFICATION', text: 'khai sinh' },
      first: 20,
    });
    expect(parseProcedureListParams(procedureListSearchParams(state))).toEqual(state);
    expect(state.open).toBe('UHJvYzox');
  });

  it('drops unknown values and starts a changed filter at page one', () => {
    const state = parseProcedureListParams(new URLSearchParams('level=DEPARTMENT&published=perhaps&after=X&page=5'));
    expect(state.level).toBeUndefined();
    expect(state.published).toBeUndefined();
    expect(withFilter(state, { published: true })).toMatchObject({ published: true, after: undefined, page: 1 });
  });
});
