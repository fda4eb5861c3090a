import { describe, expect, it } from 'vitest';
import { reportLateness, sortRecommendations, sortReports } from './inbox';

const report = (status: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'ACCEPTED', due: string | null, submittedLate = false) => ({ status, submittedLate, plan: { selfReportDue: due } });

describe('inbox ordering and flags', () => {
  it('puts overdue recommendations first, then the soonest deadlines', () => {
    const sorted = sortRecommendations([
      { id: 'later', overdue: false, remediationDeadline: '2026-12-31' },
      { id: 'old-overdue', overdue: true, remediationDeadline: '2026-01-31' },
      { id: 'sooner', overdue: false, remediationDeadline: '2026-12-01' },
      { id: 'new-overdue', overdue: true, remediationDeadline: '2026-03-01' },
    ]);
    expect(sorted.map((item) => item.id)).toEqual(['old-overdue', 'new-overdue', 'sooner', 'later']);
  });

  it('lists returned reports first, then drafts, then those waiting for the team, each by due date', () => {
    const sorted = sortReports([
      { ...report('SUBMITTED', '2026-01-01'), id: 'submitted' },
      { ...report('DRAFT', '2026-05-01'), id: 'draft-late-due' },
      { ...report('DRAFT', null), id: 'draft-no-due' },
      { ...report('RETURNED', '2026-06-01'), id: 'returned' },
      { ...report('DRAFT', '2026-02-01'), id: 'draft-early-due' },
    ]);
    expect(sorted.map((item) => item.id)).toEqual(['returned', 'draft-early-due', 'draft-late-due', 'draft-no-due', 'submitted']);
  });

  it('flags a report still to write after its due date as overdue, and one submitted after it as late', () => {
    expect(reportLateness(report('DRAFT', '2026-11-23'), '2026-11-24')).toBe('overdue');
    expect(reportLateness(report('RETURNED', '2026-11-23'), '2026-11-24')).toBe('overdue');
    expect(reportLateness(report('DRAFT', '2026-11-24'), '2026-11-24')).toBeNull();
    expect(reportLateness(report('DRAFT', null), '2026-11-24')).toBeNull();
    expect(reportLateness(report('SUBMITTED', '2026-11-23', true), '2026-11-24')).toBe('submittedLate');
    expect(reportLateness(report('SUBMITTED', '2026-11-23', false), '2026-11-24')).toBeNull();
  });
});
