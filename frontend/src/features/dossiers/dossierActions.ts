import type { DossierStatus } from '../../gql/graphql';
import type { Role } from '../../lib/auth/user';
import { OPEN_STATUSES } from './dossierVocabulary';
import { DOSSIER_HANDLERS, hasAnyRole } from './roles';

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

/**
 * The statuses each action is allowed from: the lifecycle of Decree 61/2018 as the server's
 * `Lifecycle` class states it. RECEIVED → PROCESSING → (SUPPLEMENT_REQUESTED ↔ PROCESSING) →
 * RESOLVED → RETURNED; RECEIVED | PROCESSING → REJECTED; any open status → WITHDRAWN.
 */
export const ALLOWED_FROM: Record<DossierAction, readonly DossierStatus[]> = {
  advance: ['RECEIVED', 'PROCESSING'],
  requestSupplement: ['PROCESSING'],
  resumeAfterSupplement: ['SUPPLEMENT_REQUESTED'],
  resolve: ['PROCESSING'],
  return: ['RESOLVED'],
  reject: ['RECEIVED', 'PROCESSING'],
  withdraw: ['RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED'],
  issueApology: ['RECEIVED', 'PROCESSING', 'RESOLVED', 'RETURNED'],
  rate: ['RETURNED'],
};

/** The facts about a dossier that decide what may be done to it. */
export interface ActionFacts {
  status: DossierStatus;
  /** `yyyy-MM-dd` */
  dueDate: string;
  late: boolean;
  satisfaction?: number | null;
  /** Whether a processing step follows the current one; unknown (undefined) offers the move and lets the server decide. */
  hasNextStep?: boolean;
}

/**
 * Whether `advance` has somewhere to go: the procedure's last step hands the result over and is reached
 * by resolving, so the step after the current one must not be the last (as the server's workflow rules).
 */
export function hasNextProcessingStep(steps: readonly { id: string }[], currentStepId: string | null | undefined): boolean | undefined {
  if (steps.length === 0 || !currentStepId) return undefined;
  const at = steps.findIndex((step) => step.id === currentStepId);
  if (at < 0) return undefined;
  return at + 1 < steps.length - 1;
}

/**
 * The actions to offer `roles` on a dossier today (`yyyy-MM-dd`, Vietnam): none for inspectors and
 * administrators, who only read. An apology only when the dossier is late or still open on or after its
 * due date; a rating only once; a move to the next step only while one follows. The server checks all of this again.
 */
export function availableActions(dossier: ActionFacts, roles: readonly Role[], today: string): DossierAction[] {
  if (!hasAnyRole(roles, DOSSIER_HANDLERS)) return [];
  return DOSSIER_ACTIONS.filter((action) => {
    if (!ALLOWED_FROM[action].includes(dossier.status)) return false;
    if (action === 'issueApology') {
      return dossier.late || (OPEN_STATUSES.includes(dossier.status) && today >= dossier.dueDate);
    }
    if (action === 'rate') return dossier.satisfaction == null;
    if (action === 'advance') return dossier.hasNextStep !== false;
    return true;
  });
}

/** `requestSupplement` → `request-supplement`, for `data-testid="action-request-supplement"`. */
export function actionSlug(action: DossierAction): string {
  return action.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
