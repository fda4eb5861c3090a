import type { DossierTransition } from '../../gql/graphql';

/** What a clerk can do to a dossier; each is one mutation and one modal form. */
export const DOSSIER_ACTIONS = [
  'advance',
  'requestSupplement',
  'resumeAfterSupplement',
  'resolve',
  'return',
  'reject',
  'withdraw',
  'issueApology',
  'rate',
] as const;

export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

/** The mutation behind each transition the server may allow (`RECEIVE` has its own page). */
export const ACTION_OF_TRANSITION: Record<Exclude<DossierTransition, 'RECEIVE'>, DossierAction> = {
  ADVANCE: 'advance',
  REQUEST_SUPPLEMENT: 'requestSupplement',
  RESUME_AFTER_SUPPLEMENT: 'resumeAfterSupplement',
  RESOLVE: 'resolve',
  RETURN: 'return',
  REJECT: 'reject',
  WITHDRAW: 'withdraw',
  ISSUE_APOLOGY: 'issueApology',
  RATE: 'rate',
};

/**
 * The actions to offer on a dossier: exactly the dossier's `allowedTransitions`, which the server
 * computes from the lifecycle, the calendar and the caller's units (empty for callers who only read),
 * in the order of {@link DOSSIER_ACTIONS}.
 */
export function actionsFrom(allowedTransitions: readonly DossierTransition[]): DossierAction[] {
  const allowed = new Set(
    allowedTransitions.flatMap((transition) => (transition === 'RECEIVE' ? [] : [ACTION_OF_TRANSITION[transition]])),
  );
  return DOSSIER_ACTIONS.filter((action) => allowed.has(action));
}

/** `requestSupplement` → `request-supplement`, for `data-testid="action-request-supplement"`. */
export function actionSlug(action: DossierAction): string {
  return action.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
