import { describe, expect, it } from 'vitest';
import { actionSlug, actionsFrom } from './dossierActions';

describe('actionsFrom', () => {
  it('offers exactly the transitions the server allows, in the usual order', () => {
    expect(actionsFrom(['WITHDRAW', 'ADVANCE', 'REJECT'])).toEqual(['advance', 'reject', 'withdraw']);
    expect(actionsFrom(['RESOLVE', 'REQUEST_SUPPLEMENT', 'ISSUE_APOLOGY'])).toEqual(['requestSupplement', 'resolve', 'issueApology']);
    expect(actionsFrom(['RATE'])).toEqual(['rate']);
  });

  it('offers nothing when the server allows nothing (a reader, or a closed dossier)', () => {
    expect(actionsFrom([])).toEqual([]);
  });

  it('never offers reception on a dossier that exists', () => {
    expect(actionsFrom(['RECEIVE', 'RETURN'])).toEqual(['return']);
  });
});

describe('actionSlug', () => {
  it('turns an action into its test id', () => {
    expect(actionSlug('requestSupplement')).toBe('request-supplement');
    expect(actionSlug('resumeAfterSupplement')).toBe('resume-after-supplement');
  });
});
