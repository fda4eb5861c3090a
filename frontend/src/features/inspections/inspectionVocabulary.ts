import type {
  DifficultyCategory,
  FindingCategory,
  FindingSeverity,
  FollowUpEntryKind,
  RecommendationStatus,
  SelfReportStatus,
} from '../../gql/graphql';

/** Labels of these values are in the `inspections` namespace under the type's name. */
export const DIFFICULTY_CATEGORIES = ['POLICY_MECHANISM', 'HUMAN_RESOURCES', 'INFRASTRUCTURE', 'FINANCE'] as const satisfies readonly DifficultyCategory[];

export const SELF_REPORT_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'] as const satisfies readonly SelfReportStatus[];

export const RECOMMENDATION_STATUSES = ['OPEN', 'IN_REMEDIATION', 'REPORTED_DONE', 'VERIFIED', 'WAIVED'] as const satisfies readonly RecommendationStatus[];

export const FOLLOW_UP_KINDS = ['PLAN', 'PROGRESS', 'DONE', 'VERIFIED', 'REOPENED', 'WAIVED'] as const satisfies readonly FollowUpEntryKind[];

export const FINDING_SEVERITIES = ['MINOR', 'MODERATE', 'SERIOUS'] as const satisfies readonly FindingSeverity[];

export const FINDING_CATEGORIES = [
  'LATE_HANDLING',
  'REFUSAL_WITHOUT_VALID_REASON',
  'MISSING_APOLOGY',
  'UNPUBLISHED_OR_OUTDATED_PROCEDURE',
  'REQUIREMENTS_BEYOND_REGULATIONS',
  'ONE_STOP_SHOP_NOT_PER_RULES',
  'DIGITISATION_GAP',
  'ONLINE_SERVICE_GAP',
  'FEEDBACK_UNANSWERED',
  'LEGAL_DOCUMENT_REVIEW_GAP',
  'OTHER',
] as const satisfies readonly FindingCategory[];

/*
 * Global IDs are base64 and may hold `/`, `+` or `=`: they travel as one encoded path segment. The
 * router hands a segment holding an encoded slash over still encoded, hence `idFromPath`.
 */

/** The self-inspection report page. */
export function reportPath(reportId: string): string {
  return `/inspections/reports/${encodeURIComponent(reportId)}`;
}

/** The finding page with its follow-up. */
export function findingPath(findingId: string): string {
  return `/findings/${encodeURIComponent(findingId)}`;
}

/** A dossier's page, by receipt code. */
export function dossierPath(receiptCode: string): string {
  return `/dossiers/${encodeURIComponent(receiptCode)}`;
}

/** A plan's page (team only), on one of its tabs: its number holds a slash. */
export function planPagePath(number: string, tab: 'self-reports' | 'findings'): string {
  return `/plans/${encodeURIComponent(number)}?tab=${tab}`;
}

/** A path segment as it was before encoding. */
export function idFromPath(segment: string | undefined): string {
  try {
    return decodeURIComponent(segment ?? '');
  } catch {
    return segment ?? '';
  }
}
