import type { ApplicantKind, DossierChannel, DossierStatus, DossierTransition, ReasonCategory } from '../../gql/graphql';

/** The lifecycle's statuses in the order a clerk meets them; tabs follow it. */
export const DOSSIER_STATUSES = [
  'RECEIVED',
  'PROCESSING',
  'SUPPLEMENT_REQUESTED',
  'RESOLVED',
  'RETURNED',
  'REJECTED',
  'WITHDRAWN',
] as const satisfies readonly DossierStatus[];

/** Received, processing or waiting for a supplement: the dossier is still on someone's desk. */
export const OPEN_STATUSES: readonly DossierStatus[] = ['RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED'];

export const DOSSIER_CHANNELS = ['DIRECT', 'ONLINE', 'POSTAL'] as const satisfies readonly DossierChannel[];

export const APPLICANT_KINDS = ['PERSON', 'ORGANISATION'] as const satisfies readonly ApplicantKind[];

export const REASON_CATEGORIES = [
  'POLICY_MECHANISM',
  'HUMAN_RESOURCES',
  'INFRASTRUCTURE',
  'FINANCE',
  'APPLICANT',
  'OTHER',
] as const satisfies readonly ReasonCategory[];

export const DOSSIER_TRANSITIONS = [
  'RECEIVE',
  'ADVANCE',
  'REQUEST_SUPPLEMENT',
  'RESUME_AFTER_SUPPLEMENT',
  'RESOLVE',
  'RETURN',
  'REJECT',
  'WITHDRAW',
  'ISSUE_APOLOGY',
  'RATE',
] as const satisfies readonly DossierTransition[];

