import type { AuthorityLevel, OnlineLevel, ProcedureField, ReviewState, UnitLevel } from '../gql/graphql';

/** Catalogue vocabulary several features filter by; labels are in the `common` namespace. */
export const PROCEDURE_FIELDS = [
  'LAND',
  'CIVIL_STATUS',
  'CONSTRUCTION',
  'BUSINESS',
  'HEALTH',
  'PHARMACY',
  'FOOD_SAFETY',
  'SOCIAL_PROTECTION',
  'MERITORIOUS_PEOPLE',
  'EDUCATION',
  'JUSTICE',
  'NATIONALITY',
  'HOME_AFFAIRS',
  'ENVIRONMENT',
  'TRANSPORT',
  'AGRICULTURE',
  'CULTURE',
] as const satisfies readonly ProcedureField[];

export const AUTHORITY_LEVELS = ['PROVINCE', 'DISTRICT', 'COMMUNE'] as const satisfies readonly AuthorityLevel[];

export const ONLINE_LEVELS = ['FULL', 'PARTIAL', 'OFFLINE'] as const satisfies readonly OnlineLevel[];

export const REVIEW_STATES = ['IN_FORCE', 'PROPOSED_SIMPLIFICATION', 'AMENDED', 'ABOLISHED'] as const satisfies readonly ReviewState[];

export const UNIT_LEVELS = ['PROVINCE', 'DEPARTMENT', 'DISTRICT', 'COMMUNE'] as const satisfies readonly UnitLevel[];

/** `value` when it is one of `values`, else undefined: for enum values read from a URL or a select. */
export function oneOf<T extends string>(values: readonly T[], value: string | null | undefined): T | undefined {
  return value != null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}
