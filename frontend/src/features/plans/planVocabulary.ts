import type { InspectionPlanStatus } from '../../gql/graphql';

export const PLAN_STATUSES: readonly InspectionPlanStatus[] = ['DRAFT', 'APPROVED', 'IN_PROGRESS', 'CONCLUDED', 'FOLLOW_UP', 'CLOSED'];

/** The link to a plan: its number holds a slash (`2960/KH-TTCP`), so it is encoded as one path segment. */
export function planPath(number: string): string {
  return `/plans/${encodeURIComponent(number)}`;
}

/** The link to a plan's tab, e.g. `/plans/2960%2FKH-TTCP?tab=findings`. */
export function planTabPath(number: string, tab: string): string {
  return `${planPath(number)}?tab=${encodeURIComponent(tab)}`;
}

/** The printable conclusion of a plan. */
export function planConclusionPath(number: string): string {
  return `${planPath(number)}/conclusion`;
}

/** The page that edits a DRAFT plan. */
export function planEditPath(number: string): string {
  return `${planPath(number)}/edit`;
}

/** The page of a finding (its detail and follow-up timeline). */
export function findingPath(findingId: string): string {
  return `/findings/${encodeURIComponent(findingId)}`;
}

/** A dossier's page. */
export function dossierPath(receiptCode: string): string {
  return `/dossiers/${encodeURIComponent(receiptCode)}`;
}

/** A URL segment as written, when it holds a `%` that is not an escape. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
