import { describe, expect, it } from 'vitest';
import type { FindingStatus, FollowUpEntryKind, InspectionPlanStatus, RecommendationStatus } from '../../gql/graphql';
import { allowedFollowUpActions, timelineOldestFirst, validateFollowUpText, type FindingViewer } from './followUpActions';

const head: FindingViewer = { unitHead: true, teamRole: null };
const member: FindingViewer = { unitHead: false, teamRole: 'MEMBER' };
const lead: FindingViewer = { unitHead: false, teamRole: 'LEAD' };
const bystander: FindingViewer = { unitHead: false, teamRole: null };

const state = (recommendationStatus: RecommendationStatus, kinds: FollowUpEntryKind[] = [], plan: InspectionPlanStatus = 'FOLLOW_UP', status: FindingStatus = 'RECORDED') => ({
  status,
  recommendationStatus,
  followUp: kinds.map((kind) => ({ kind })),
  plan: { status: plan },
});

describe('allowedFollowUpActions', () => {
  it('lets the unit head answer with a plan first, then with progress or done', () => {
    expect(allowedFollowUpActions(state('OPEN'), head)).toEqual(['plan']);
    expect(allowedFollowUpActions(state('IN_REMEDIATION', ['PLAN']), head)).toEqual(['progress', 'done']);
    expect(allowedFollowUpActions(state('IN_REMEDIATION', ['PLAN', 'PROGRESS', 'DONE', 'REOPENED']), head)).toEqual(['progress', 'done']);
    expect(allowedFollowUpActions(state('REPORTED_DONE', ['PLAN', 'DONE']), head)).toEqual([]);
    expect(allowedFollowUpActions(state('VERIFIED', ['PLAN', 'DONE', 'VERIFIED']), head)).toEqual([]);
    expect(allowedFollowUpActions(state('WAIVED', ['WAIVED']), head)).toEqual([]);
  });

  it('lets team members verify what was reported done and reopen it, but not waive', () => {
    expect(allowedFollowUpActions(state('OPEN'), member)).toEqual([]);
    expect(allowedFollowUpActions(state('IN_REMEDIATION', ['PLAN']), member)).toEqual([]);
    expect(allowedFollowUpActions(state('REPORTED_DONE', ['PLAN', 'DONE']), member)).toEqual(['verify', 'reopen']);
    expect(allowedFollowUpActions(state('VERIFIED', ['PLAN', 'DONE', 'VERIFIED']), member)).toEqual(['reopen']);
  });

  it('lets the lead also waive anything neither verified nor waived', () => {
    expect(allowedFollowUpActions(state('OPEN'), lead)).toEqual(['waive']);
    expect(allowedFollowUpActions(state('REPORTED_DONE', ['PLAN', 'DONE']), lead)).toEqual(['verify', 'reopen', 'waive']);
    expect(allowedFollowUpActions(state('VERIFIED'), lead)).toEqual(['reopen']);
    expect(allowedFollowUpActions(state('WAIVED'), lead)).toEqual([]);
  });

  it('offers nothing to someone neither on the team nor the unit’s head, before the conclusion, after closing, or on a withdrawn finding', () => {
    expect(allowedFollowUpActions(state('REPORTED_DONE'), bystander)).toEqual([]);
    expect(allowedFollowUpActions(state('OPEN', [], 'IN_PROGRESS'), head)).toEqual([]);
    expect(allowedFollowUpActions(state('OPEN', [], 'IN_PROGRESS'), lead)).toEqual([]);
    expect(allowedFollowUpActions(state('REPORTED_DONE', [], 'CLOSED'), lead)).toEqual([]);
    expect(allowedFollowUpActions(state('OPEN', [], 'CONCLUDED', 'WITHDRAWN'), head)).toEqual([]);
    expect(allowedFollowUpActions(state('OPEN', [], 'CONCLUDED'), head)).toEqual(['plan']);
  });
});

describe('follow-up texts and timeline', () => {
  it('asks for a specific text', () => {
    expect(validateFollowUpText('  ')).toBe('followUp.validation.required');
    expect(validateFollowUpText('Đã xong')).toBe('followUp.validation.tooVague');
    expect(validateFollowUpText('aaaaaaaaaaaaaaaaaaaaaaaaa')).toBe('followUp.validation.tooVague');
    expect(validateFollowUpText('Đã ban hành 12 văn bản xin lỗi ngày 10/12')).toBeNull();
    expect(validateFollowUpText(`${'Rất dài '.repeat(600)}`)).toBe('followUp.validation.tooLong');
  });

  it('orders the timeline oldest first, keeping the server’s order for the same instant', () => {
    const entries = [
      { id: 'c', at: '2026-03-01T02:00:00Z' },
      { id: 'a', at: '2026-01-01T02:00:00Z' },
      { id: 'b1', at: '2026-02-01T02:00:00Z' },
      { id: 'b2', at: '2026-02-01T02:00:00Z' },
    ];
    expect(timelineOldestFirst(entries).map((entry) => entry.id)).toEqual(['a', 'b1', 'b2', 'c']);
  });
});
