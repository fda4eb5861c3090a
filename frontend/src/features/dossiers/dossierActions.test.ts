import { describe, expect, it } from 'vitest';
import { actionSlug, availableActions, hasNextProcessingStep, type ActionFacts } from './dossierActions';

const today = '2024-03-15';
const facts = (overrides: Partial<ActionFacts>): ActionFacts => ({ status: 'PROCESSING', dueDate: '2024-03-20', late: false, satisfaction: null, ...overrides });

describe('availableActions for a unit head', () => {
  const head = ['unit_head'] as const;

  it('offers advance, reject and withdraw on a received dossier, and no supplement request yet', () => {
    expect(availableActions(facts({ status: 'RECEIVED' }), head, today)).toEqual(['advance', 'reject', 'withdraw']);
  });

  it('offers the supplement request, resolution and refusal while processing', () => {
    expect(availableActions(facts({ status: 'PROCESSING' }), head, today)).toEqual(['advance', 'requestSupplement', 'resolve', 'reject', 'withdraw']);
  });

  it('offers only resume and withdraw while waiting for a supplement', () => {
    expect(availableActions(facts({ status: 'SUPPLEMENT_REQUESTED' }), head, today)).toEqual(['resumeAfterSupplement', 'withdraw']);
  });

  it('offers the hand-over of a resolved dossier', () => {
    expect(availableActions(facts({ status: 'RESOLVED' }), head, today)).toEqual(['return']);
  });

  it('offers nothing on rejected or withdrawn dossiers', () => {
    expect(availableActions(facts({ status: 'REJECTED' }), head, today)).toEqual([]);
    expect(availableActions(facts({ status: 'WITHDRAWN' }), head, today)).toEqual([]);
  });

  it('offers an apology once an open dossier reaches its due date, not before', () => {
    expect(availableActions(facts({ dueDate: '2024-03-16' }), head, today)).not.toContain('issueApology');
    expect(availableActions(facts({ dueDate: '2024-03-15' }), head, today)).toContain('issueApology');
    expect(availableActions(facts({ dueDate: '2024-03-01' }), head, today)).toContain('issueApology');
  });

  it('offers an apology on a late resolved dossier but not on one resolved on time', () => {
    expect(availableActions(facts({ status: 'RESOLVED', late: true }), head, today)).toEqual(['return', 'issueApology']);
    expect(availableActions(facts({ status: 'RESOLVED', late: false, dueDate: '2024-03-01' }), head, today)).toEqual(['return']);
  });

  it('offers the rating after hand-over, once', () => {
    expect(availableActions(facts({ status: 'RETURNED' }), head, today)).toEqual(['rate']);
    expect(availableActions(facts({ status: 'RETURNED', satisfaction: 4 }), head, today)).toEqual([]);
  });
});

describe('moving to the next step', () => {
  const steps = [{ id: 'receive' }, { id: 'examine' }, { id: 'approve' }, { id: 'return' }];

  it('is possible until the step before hand-over, which is reached by resolving', () => {
    expect(hasNextProcessingStep(steps, 'receive')).toBe(true);
    expect(hasNextProcessingStep(steps, 'examine')).toBe(true);
    expect(hasNextProcessingStep(steps, 'approve')).toBe(false);
    expect(hasNextProcessingStep([], 'approve')).toBeUndefined();
  });

  it('is not offered at the last processing step', () => {
    expect(availableActions(facts({ hasNextStep: false }), ['unit_head'], today)).toEqual(['requestSupplement', 'resolve', 'reject', 'withdraw']);
  });
});

describe('availableActions for other roles', () => {
  it('offers inspectors, administrators and citizens nothing: they do not handle dossiers', () => {
    for (const role of ['inspector', 'admin', 'citizen', 'partner'] as const) {
      expect(availableActions(facts({ status: 'PROCESSING' }), [role], today)).toEqual([]);
    }
  });

  it('offers a unit head who is also an inspector the unit head’s actions', () => {
    expect(availableActions(facts({ status: 'SUPPLEMENT_REQUESTED' }), ['inspector', 'unit_head'], today)).toEqual([
      'resumeAfterSupplement',
      'withdraw',
    ]);
  });
});

describe('actionSlug', () => {
  it('names the test ids the browser test uses', () => {
    expect(actionSlug('requestSupplement')).toBe('request-supplement');
    expect(actionSlug('issueApology')).toBe('issue-apology');
    expect(actionSlug('return')).toBe('return');
  });
});
