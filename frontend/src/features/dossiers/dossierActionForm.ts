import type { DossierAction } from './dossierActions';

/** How an input of an action form is shown. */
export type FieldKind = 'textarea' | 'text' | 'category' | 'date' | 'checkbox' | 'rating' | 'official';

export interface FieldSpec {
  /** The mutation input's field name; `UserError.field` paths end in it. */
  name: string;
  kind: FieldKind;
  required: boolean;
  /** Stable test id of the input. */
  testId: string;
}

const field = (action: string, name: string, kind: FieldKind, required: boolean, testId = `${action}-${name}`): FieldSpec => ({
  name,
  kind,
  required,
  testId,
});

/** The inputs of each action's form, in order. The server's required inputs are required here too. */
export const ACTION_FIELDS: Record<DossierAction, readonly FieldSpec[]> = {
  advance: [field('advance', 'assignedOfficialId', 'official', false)],
  requestSupplement: [field('supplement', 'reason', 'textarea', true, 'supplement-reason')],
  resumeAfterSupplement: [],
  resolve: [
    field('resolve', 'result', 'text', true),
    field('resolve', 'digitisedResult', 'checkbox', false),
    field('resolve', 'resultSyncedToCitizenStore', 'checkbox', false),
  ],
  return: [],
  reject: [field('reject', 'category', 'category', true), field('reject', 'reason', 'textarea', true)],
  withdraw: [field('withdraw', 'reason', 'textarea', false)],
  issueApology: [field('apology', 'reason', 'textarea', true), field('apology', 'newAppointmentDate', 'date', true)],
  rate: [field('rate', 'satisfaction', 'rating', true)],
};

export type FormValues = Record<string, string | boolean>;

/** Longest reason the forms accept; the official forms have no room for more. */
export const MAX_REASON_LENGTH = 2000;

/**
 * Client-side checks before anything is sent: required inputs, the length of a reason, an
 * apology's new date (after the due date, not in the past), and a result synced to the citizen's
 * data store only when it is electronic. Returns a translation key (namespace
 * `dossiers`) per input at fault; empty when the form may be sent.
 */
export function validateAction(action: DossierAction, values: FormValues, facts: { dueDate: string; today: string }): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const spec of ACTION_FIELDS[action]) {
    const value = values[spec.name];
    const blank = value === undefined || value === false || (typeof value === 'string' && value.trim() === '');
    if (spec.required && blank && spec.kind !== 'checkbox') {
      errors[spec.name] = spec.name === 'reason' ? 'validation.reasonRequired' : 'validation.required';
    } else if (spec.kind === 'textarea' && typeof value === 'string' && value.trim().length > MAX_REASON_LENGTH) {
      errors[spec.name] = 'validation.tooLong';
    }
  }
  const date = values.newAppointmentDate;
  if (action === 'issueApology' && typeof date === 'string' && date !== '' && !errors.newAppointmentDate) {
    if (date <= facts.dueDate) errors.newAppointmentDate = 'validation.appointmentAfterDue';
    else if (date < facts.today) errors.newAppointmentDate = 'validation.appointmentNotPast';
  }
  if (action === 'resolve' && values.resultSyncedToCitizenStore === true && values.digitisedResult !== true) {
    errors.resultSyncedToCitizenStore = 'validation.electronicResultRequired';
  }
  return errors;
}
