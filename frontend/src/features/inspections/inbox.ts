import type { SelfReportStatus } from '../../gql/graphql';

/** Statuses in which the unit still has to write (or rewrite) its report. */
export const REPORT_TO_WRITE: readonly SelfReportStatus[] = ['DRAFT', 'RETURNED'];

interface InboxReport {
  status: SelfReportStatus;
  submittedLate: boolean;
  plan: { selfReportDue?: string | null };
}

/** How a report stands against its due date: overdue (still to write, past due), submitted late, or neither. */
export function reportLateness(report: InboxReport, today: string): 'overdue' | 'submittedLate' | null {
  const due = report.plan.selfReportDue;
  if (REPORT_TO_WRITE.includes(report.status) && due && due < today) return 'overdue';
  if (report.submittedLate) return 'submittedLate';
  return null;
}

/** Reports to write first (returned ones before drafts), then those waiting for the team; each by due date. */
export function sortReports<T extends InboxReport>(reports: readonly T[]): T[] {
  const rank = (status: SelfReportStatus) => (status === 'RETURNED' ? 0 : status === 'DRAFT' ? 1 : 2);
  return [...reports].sort(
    (a, b) => rank(a.status) - rank(b.status) || (a.plan.selfReportDue ?? '9999-12-31').localeCompare(b.plan.selfReportDue ?? '9999-12-31'),
  );
}

interface InboxRecommendation {
  overdue: boolean;
  remediationDeadline: string;
}

/** Overdue recommendations first, then by deadline, soonest first (the server's order, kept stable here). */
export function sortRecommendations<T extends InboxRecommendation>(recommendations: readonly T[]): T[] {
  return [...recommendations].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.remediationDeadline.localeCompare(b.remediationDeadline));
}
