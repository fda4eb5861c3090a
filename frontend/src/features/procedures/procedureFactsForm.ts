import type { ProcedureUpdateInput } from '../../gql/graphql';

/** The announcement, publication and set-up of a procedure, which the Decision 766 procedure indicators count. */
export interface ProcedureFacts {
  effectiveOn?: string | null;
  announcedOn?: string | null;
  publishedOn?: string | null;
  fullContentPublished: boolean;
  onlinePaymentEnabled: boolean;
  portalPaymentConfigured: boolean;
  populationDbConnected: boolean;
}

export const DATE_FACTS = ['effectiveOn', 'announcedOn', 'publishedOn'] as const;
export const FLAG_FACTS = ['fullContentPublished', 'onlinePaymentEnabled', 'portalPaymentConfigured', 'populationDbConnected'] as const;
export type DateFact = (typeof DATE_FACTS)[number];
export type FlagFact = (typeof FLAG_FACTS)[number];
export type FactName = DateFact | FlagFact;

/** The indicator of the scorecard each fact feeds (an `IndicatorCode`), for the help texts. */
export const FACT_INDICATOR: Record<FactName, string> = {
  effectiveOn: 'PROCEDURES_ANNOUNCED_ON_TIME',
  announcedOn: 'PROCEDURES_ANNOUNCED_ON_TIME',
  publishedOn: 'PROCEDURES_PUBLISHED_ON_TIME',
  fullContentPublished: 'PROCEDURES_FULL_CONTENT',
  onlinePaymentEnabled: 'PROCEDURES_WITH_ONLINE_PAYMENT',
  portalPaymentConfigured: 'PROCEDURES_PORTAL_PAYMENT',
  populationDbConnected: 'PROCEDURES_POPULATION_DB',
};

/** The form's values: dates as `YYYY-MM-DD` ('' when none). */
export interface FactsFormValues {
  effectiveOn: string;
  announcedOn: string;
  publishedOn: string;
  fullContentPublished: boolean;
  onlinePaymentEnabled: boolean;
  portalPaymentConfigured: boolean;
  populationDbConnected: boolean;
}

export function factsFormValues(facts: ProcedureFacts): FactsFormValues {
  return {
    effectiveOn: facts.effectiveOn ?? '',
    announcedOn: facts.announcedOn ?? '',
    publishedOn: facts.publishedOn ?? '',
    fullContentPublished: facts.fullContentPublished,
    onlinePaymentEnabled: facts.onlinePaymentEnabled,
    portalPaymentConfigured: facts.portalPaymentConfigured,
    populationDbConnected: facts.populationDbConnected,
  };
}

/** What the procedure is besides its facts, which the rules need. */
export interface ProcedureContext {
  published: boolean;
  fee: number;
  today: string;
}

/**
 * The server's rules, checked before sending: no announcement or publication in the future, a
 * publication needs an announcement and cannot precede it, a recorded date cannot be cleared, and
 * a fact switched on must be possible (full content only when published, online payment only for
 * a fee, portal payment only with online payment). Returns a translation key (namespace
 * `procedures`) per field at fault; empty when the form may be sent.
 */
export function validateFacts(values: FactsFormValues, stored: FactsFormValues, context: ProcedureContext): Partial<Record<FactName, string>> {
  const errors: Partial<Record<FactName, string>> = {};
  for (const name of DATE_FACTS) {
    if (values[name] === '' && stored[name] !== '') errors[name] = 'facts.validation.cannotClear';
  }
  if (!errors.announcedOn && values.announcedOn > context.today) errors.announcedOn = 'facts.validation.inFuture';
  if (!errors.publishedOn && values.publishedOn > context.today) errors.publishedOn = 'facts.validation.inFuture';
  if (!errors.publishedOn && values.publishedOn !== '') {
    if (values.announcedOn === '') errors.announcedOn ??= 'facts.validation.announcementRequired';
    else if (values.publishedOn < values.announcedOn) errors.publishedOn = 'facts.validation.beforeAnnouncement';
  }
  const switchedOn = (name: FlagFact) => values[name] && !stored[name];
  if (switchedOn('fullContentPublished') && !context.published) errors.fullContentPublished = 'facts.validation.notPublished';
  if (switchedOn('onlinePaymentEnabled') && context.fee <= 0) errors.onlinePaymentEnabled = 'facts.validation.noFee';
  if (switchedOn('portalPaymentConfigured') && !values.onlinePaymentEnabled) errors.portalPaymentConfigured = 'facts.validation.onlinePaymentRequired';
  return errors;
}

/** The update's input: only the facts that changed (the others stay as they are on the server). */
export function factsUpdateInput(procedureId: string, version: number, values: FactsFormValues, stored: FactsFormValues): ProcedureUpdateInput {
  const input: ProcedureUpdateInput = { procedureId, version };
  for (const name of DATE_FACTS) {
    if (values[name] !== stored[name] && values[name] !== '') input[name] = values[name];
  }
  for (const name of FLAG_FACTS) {
    if (values[name] !== stored[name]) input[name] = values[name];
  }
  return input;
}

/** Whether the form changes anything. */
export function factsChanged(values: FactsFormValues, stored: FactsFormValues): boolean {
  return [...DATE_FACTS, ...FLAG_FACTS].some((name) => values[name] !== stored[name]);
}
