import type { FindingCategory, FindingSeverity, RecommendationStatus } from '../../gql/graphql';

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

export const FINDING_SEVERITIES = ['MINOR', 'MODERATE', 'SERIOUS'] as const satisfies readonly FindingSeverity[];

export const SEVERITY_COLOURS: Record<FindingSeverity, string> = { MINOR: 'gray', MODERATE: 'orange', SERIOUS: 'red' };

export const RECOMMENDATION_COLOURS: Record<RecommendationStatus, string> = {
  OPEN: 'gray',
  IN_REMEDIATION: 'blue',
  REPORTED_DONE: 'indigo',
  VERIFIED: 'teal',
  WAIVED: 'yellow',
};
