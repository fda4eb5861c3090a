import type { InspectionPlanStatus } from '../../gql/graphql';

export const PLAN_STATUSES: readonly InspectionPlanStatus[] = ['DRAFT', 'APPROVED', 'IN_PROGRESS', 'CONCLUDED', 'FOLLOW_UP', 'CLOSED'];

/** The link to a plan: its number holds a slash (`2960/KH-TTCP`), so it is encoded as one path segment. */
export function planPath(number: string): string {
  return `/plans/${encodeURIComponent(number)}`;
}
