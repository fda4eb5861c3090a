import type { InspectionPlanCreateInput, InspectionPlanUpdateInput, InspectionTeamRole, PlanDetailFieldsFragment } from '../../gql/graphql';

/** The header fields of a new plan as the wizard's first step holds them (dates as `yyyy-MM-dd`, empty when not set). */
export interface PlanHeaderValues {
  number: string;
  title: string;
  issuingAuthority: string;
  issueDate: string;
  periodFrom: string;
  periodTo: string;
  selfReportDue: string;
  fieldworkFrom: string;
  fieldworkTo: string;
  conclusionDue: string;
  checklist: string[];
}

export interface WizardUnit {
  id: string;
  code: string;
  name: string;
}

export interface WizardMember {
  officialId: string;
  fullName: string;
  unitName: string;
  role: InspectionTeamRole;
  /** The official's login, when they have one: tells the wizard whether the caller leads. */
  idpUsername?: string | null;
}

export interface WizardValues extends PlanHeaderValues {
  targets: WizardUnit[];
  team: WizardMember[];
}

export const WIZARD_STEPS = ['header', 'targets', 'team', 'review'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const HEADER_FIELDS = [
  'number',
  'title',
  'issuingAuthority',
  'issueDate',
  'periodFrom',
  'periodTo',
  'selfReportDue',
  'fieldworkFrom',
  'fieldworkTo',
  'conclusionDue',
] as const satisfies readonly (keyof PlanHeaderValues)[];

export const DATE_FIELDS = ['issueDate', 'periodFrom', 'periodTo', 'selfReportDue', 'fieldworkFrom', 'fieldworkTo', 'conclusionDue'] as const;

export const MAX_NUMBER_LENGTH = 50;
export const MAX_TITLE_LENGTH = 500;

/**
 * What is wrong with one step, as translation keys (in `plans`) per field: `checklist` for the list as
 * a whole, `checklist.N` for one item, `targets`, `team`.
 */
export function validateStep(step: WizardStep, values: WizardValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (step === 'header') {
    if (!values.number.trim()) errors.number = 'wizard.errors.numberRequired';
    else if (values.number.trim().length > MAX_NUMBER_LENGTH) errors.number = 'wizard.errors.numberTooLong';
    if (!values.title.trim()) errors.title = 'wizard.errors.titleRequired';
    else if (values.title.trim().length > MAX_TITLE_LENGTH) errors.title = 'wizard.errors.titleTooLong';
    if (!values.issuingAuthority.trim()) errors.issuingAuthority = 'wizard.errors.authorityRequired';
    if (!values.periodFrom) errors.periodFrom = 'wizard.errors.periodRequired';
    if (!values.periodTo) errors.periodTo = 'wizard.errors.periodRequired';
    if (values.periodFrom && values.periodTo && values.periodTo < values.periodFrom) errors.periodTo = 'wizard.errors.periodOrder';
    if (values.fieldworkFrom && values.fieldworkTo && values.fieldworkTo < values.fieldworkFrom) errors.fieldworkTo = 'wizard.errors.fieldworkOrder';
    const lastFieldwork = values.fieldworkTo || values.fieldworkFrom;
    if (lastFieldwork && values.conclusionDue && values.conclusionDue < lastFieldwork) errors.conclusionDue = 'wizard.errors.conclusionAfterFieldwork';
    const items = values.checklist.map((item) => item.trim());
    if (items.every((item) => item === '')) errors.checklist = 'wizard.errors.checklistRequired';
    else items.forEach((item, index) => {
      if (item === '' && values.checklist.length > 1) errors[`checklist.${index}`] = 'wizard.errors.checklistItemEmpty';
    });
  } else if (step === 'targets') {
    if (values.targets.length === 0) errors.targets = 'wizard.errors.targetsRequired';
  } else if (step === 'team') {
    const leads = values.team.filter((member) => member.role === 'LEAD').length;
    if (values.team.length === 0) errors.team = 'wizard.errors.teamRequired';
    else if (leads !== 1) errors.team = 'wizard.errors.oneLead';
  }
  return errors;
}

/** The first step with a problem, if any. */
export function firstInvalidStep(values: WizardValues): WizardStep | undefined {
  return WIZARD_STEPS.find((step) => Object.keys(validateStep(step, values)).length > 0);
}

/** The create mutation's input: text trimmed, unset dates left out, empty checklist items dropped. */
export function createInput(values: PlanHeaderValues): InspectionPlanCreateInput {
  const input: InspectionPlanCreateInput = {
    number: values.number.trim(),
    title: values.title.trim(),
    issuingAuthority: values.issuingAuthority.trim(),
    checklist: values.checklist.map((item) => item.trim()).filter((item) => item !== ''),
  };
  for (const field of DATE_FIELDS) {
    if (values[field]) input[field] = values[field];
  }
  return input;
}

/** Makes `officialId` the one lead; everyone else becomes a member. */
export function withLead(team: readonly WizardMember[], officialId: string): WizardMember[] {
  return team.map((member) => ({ ...member, role: member.officialId === officialId ? 'LEAD' : 'MEMBER' }));
}

/** Moves a checklist item one place up (-1) or down (+1). */
export function moveItem<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** The update mutation's input for a DRAFT plan: the same cleaning as on creation, the number left out (it cannot change), with the version read. */
export function updateInput(planId: string, version: number, values: PlanHeaderValues): InspectionPlanUpdateInput {
  const { title, issuingAuthority, checklist, issueDate, periodFrom, periodTo, selfReportDue, fieldworkFrom, fieldworkTo, conclusionDue } = createInput(values);
  return { planId, version, title, issuingAuthority, checklist: checklist ?? [], issueDate, periodFrom, periodTo, selfReportDue, fieldworkFrom, fieldworkTo, conclusionDue };
}

/** A stored plan as the form's values: unset dates as empty strings, the checklist in order. */
export function valuesOfPlan(plan: PlanDetailFieldsFragment): WizardValues {
  return {
    number: plan.number,
    title: plan.title,
    issuingAuthority: plan.issuingAuthority,
    issueDate: plan.issueDate ?? '',
    periodFrom: plan.periodFrom ?? '',
    periodTo: plan.periodTo ?? '',
    selfReportDue: plan.selfReportDue ?? '',
    fieldworkFrom: plan.fieldworkFrom ?? '',
    fieldworkTo: plan.fieldworkTo ?? '',
    conclusionDue: plan.conclusionDue ?? '',
    checklist: [...plan.checklist].sort((a, b) => a.ordinal - b.ordinal).map((item) => item.text),
    targets: plan.targets.map((unit) => ({ id: unit.id, code: unit.code, name: unit.name })),
    team: plan.team.map((member) => ({
      officialId: member.official.id,
      fullName: member.official.fullName,
      unitName: member.official.unit.name,
      role: member.role,
      idpUsername: member.official.idpUsername,
    })),
  };
}
