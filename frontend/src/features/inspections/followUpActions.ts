import type { FindingStatus, FollowUpEntryKind, InspectionPlanStatus, InspectionTeamRole, RecommendationStatus } from '../../gql/graphql';

/** What someone may do on a finding's recommendation; each opens a form asking for a text. */
export type FollowUpAction = 'plan' | 'progress' | 'done' | 'verify' | 'reopen' | 'waive';

/** Who is looking at the finding. */
export interface FindingViewer {
  /** Holds the unit_head role: the server shows a unit head only their own unit's findings. */
  unitHead: boolean;
  /** Their role on the plan's team, null when not on it. */
  teamRole: InspectionTeamRole | null;
}

export interface FindingState {
  status: FindingStatus;
  recommendationStatus: RecommendationStatus;
  followUp: ReadonlyArray<{ kind: FollowUpEntryKind }>;
  plan: { status: InspectionPlanStatus };
}

/** Follow-up happens once the conclusion is issued and until the plan closes. */
const FOLLOW_UP_PLAN_STATES: readonly InspectionPlanStatus[] = ['CONCLUDED', 'FOLLOW_UP'];

/** The response kinds a unit head's action sends. */
export const RESPONSE_KIND: Partial<Record<FollowUpAction, FollowUpEntryKind>> = { plan: 'PLAN', progress: 'PROGRESS', done: 'DONE' };

/**
 * The actions the server would allow this viewer, in the order they are offered:
 * - the responsible unit's head answers an open recommendation with a remediation plan first, then
 *   with progress updates or a report that it is done;
 * - team members verify what was reported done, or reopen what was reported done or verified;
 * - the lead waives what is neither verified nor waived.
 * Nothing while the plan is not in follow-up or the finding was withdrawn.
 */
export function allowedFollowUpActions(finding: FindingState, viewer: FindingViewer): FollowUpAction[] {
  if (finding.status !== 'RECORDED' || !FOLLOW_UP_PLAN_STATES.includes(finding.plan.status)) return [];
  const status = finding.recommendationStatus;
  const actions: FollowUpAction[] = [];
  if (viewer.unitHead && viewer.teamRole === null && (status === 'OPEN' || status === 'IN_REMEDIATION')) {
    const planned = finding.followUp.some((entry) => entry.kind === 'PLAN');
    actions.push(...(planned ? (['progress', 'done'] as const) : (['plan'] as const)));
  }
  if (viewer.teamRole !== null) {
    if (status === 'REPORTED_DONE') actions.push('verify');
    if (status === 'REPORTED_DONE' || status === 'VERIFIED') actions.push('reopen');
  }
  if (viewer.teamRole === 'LEAD' && status !== 'VERIFIED' && status !== 'WAIVED') actions.push('waive');
  return actions;
}

/** Shortest text the forms accept: the answer must say what is done, not "noted" or "OK". */
export const MIN_FOLLOW_UP_TEXT = 20;
/** Longest text the forms accept. */
export const MAX_FOLLOW_UP_TEXT = 4000;

/** A translation key (namespace `inspections`) when the text cannot be sent, else null. */
export function validateFollowUpText(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'followUp.validation.required';
  if (trimmed.length < MIN_FOLLOW_UP_TEXT || trimmed.split(/\s+/).length < 3) return 'followUp.validation.tooVague';
  if (trimmed.length > MAX_FOLLOW_UP_TEXT) return 'followUp.validation.tooLong';
  return null;
}

/** The timeline oldest first, entries at the same instant in the order the server gave them. */
export function timelineOldestFirst<T extends { at: string }>(entries: readonly T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index, time: Date.parse(entry.at) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ entry }) => entry);
}
