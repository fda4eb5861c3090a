import type { DifficultyCategory, SelfInspectionReportSaveInput } from '../../gql/graphql';

/** The legal document counts, total first; the four parts may each be at most the total. */
export const LEGAL_DOCUMENT_FIELDS = ['reviewed', 'expired', 'inForce', 'proposedForAmendment', 'proposedForAbolition'] as const;
export type LegalDocumentField = (typeof LEGAL_DOCUMENT_FIELDS)[number];
export const LEGAL_DOCUMENT_PARTS = LEGAL_DOCUMENT_FIELDS.filter((name) => name !== 'reviewed');

export interface PickedProcedure {
  id: string;
  nationalCode: string;
  name: string;
}

/** What the unit head is editing; `key` keeps React rows stable while rows are added and removed. */
export interface ReportForm {
  difficulties: { key: number; category: DifficultyCategory | null; description: string }[];
  legalDocuments: Record<LegalDocumentField, number | ''>;
  simplificationProposals: { key: number; procedure: PickedProcedure | null; proposal: string }[];
  proposals: string;
}

/** The stored report as the page reads it. */
export interface StoredReport {
  id: string;
  version: number;
  difficulties: ReadonlyArray<{ category: DifficultyCategory; description: string }>;
  legalDocuments: Record<LegalDocumentField, number>;
  simplificationProposals: ReadonlyArray<{ procedure: PickedProcedure; proposal: string }>;
  proposals?: string | null;
}

/** The server's limits. */
export const MAX_DESCRIPTION = 4000;
export const MAX_PROPOSALS = 20000;

let nextKey = 1;
/** A new row key, unique for the page's lifetime. */
export function rowKey(): number {
  return nextKey++;
}

export function formFromReport(report: StoredReport): ReportForm {
  return {
    difficulties: report.difficulties.map((difficulty) => ({ key: rowKey(), category: difficulty.category, description: difficulty.description })),
    legalDocuments: {
      reviewed: report.legalDocuments.reviewed,
      expired: report.legalDocuments.expired,
      inForce: report.legalDocuments.inForce,
      proposedForAmendment: report.legalDocuments.proposedForAmendment,
      proposedForAbolition: report.legalDocuments.proposedForAbolition,
    },
    simplificationProposals: report.simplificationProposals.map((item) => ({
      key: rowKey(),
      procedure: { id: item.procedure.id, nationalCode: item.procedure.nationalCode, name: item.procedure.name },
      proposal: item.proposal,
    })),
    proposals: report.proposals ?? '',
  };
}

/**
 * Checks before anything is sent, keyed by the input path the server's userErrors name
 * (`legalDocuments.expired`, `difficulties.0.description`, …); values are translation keys in the
 * `inspections` namespace. Empty when the form may be sent.
 */
export function validateReport(form: ReportForm): Record<string, string> {
  const errors: Record<string, string> = {};
  form.difficulties.forEach((row, index) => {
    if (!row.category) errors[`difficulties.${index}.category`] = 'report.validation.categoryRequired';
    const description = row.description.trim();
    if (!description) errors[`difficulties.${index}.description`] = 'report.validation.descriptionRequired';
    else if (description.length > MAX_DESCRIPTION) errors[`difficulties.${index}.description`] = 'report.validation.tooLong';
  });

  const counts = form.legalDocuments;
  for (const name of LEGAL_DOCUMENT_FIELDS) {
    const value = counts[name];
    if (value === '' || !Number.isInteger(value)) errors[`legalDocuments.${name}`] = 'report.validation.countRequired';
    else if (value < 0) errors[`legalDocuments.${name}`] = 'report.validation.countNegative';
  }
  const reviewed = counts.reviewed;
  if (typeof reviewed === 'number' && !errors['legalDocuments.reviewed']) {
    for (const name of LEGAL_DOCUMENT_PARTS) {
      const value = counts[name];
      if (!errors[`legalDocuments.${name}`] && typeof value === 'number' && value > reviewed) {
        errors[`legalDocuments.${name}`] = 'report.validation.partAboveReviewed';
      }
    }
    // A document is either expired or in force: the two together cannot exceed the total.
    const { expired, inForce } = counts;
    if (!errors['legalDocuments.expired'] && !errors['legalDocuments.inForce'] && typeof expired === 'number' && typeof inForce === 'number' && expired + inForce > reviewed) {
      errors['legalDocuments.inForce'] = 'report.validation.expiredAndInForceAboveReviewed';
    }
  }

  const seen = new Set<string>();
  form.simplificationProposals.forEach((row, index) => {
    if (!row.procedure) errors[`simplificationProposals.${index}.procedureId`] = 'report.validation.procedureRequired';
    else if (seen.has(row.procedure.id)) errors[`simplificationProposals.${index}.procedureId`] = 'report.validation.procedureTwice';
    else seen.add(row.procedure.id);
    const proposal = row.proposal.trim();
    if (!proposal) errors[`simplificationProposals.${index}.proposal`] = 'report.validation.proposalRequired';
    else if (proposal.length > MAX_DESCRIPTION) errors[`simplificationProposals.${index}.proposal`] = 'report.validation.tooLong';
  });

  if (form.proposals.trim().length > MAX_PROPOSALS) errors.proposals = 'report.validation.tooLong';
  return errors;
}

/** Every input path the form shows, so the server's userErrors land next to their inputs. */
export function shownFields(form: ReportForm): string[] {
  return [
    ...form.difficulties.flatMap((_, index) => [`difficulties.${index}.category`, `difficulties.${index}.description`]),
    ...LEGAL_DOCUMENT_FIELDS.map((name) => `legalDocuments.${name}`),
    ...form.simplificationProposals.flatMap((_, index) => [`simplificationProposals.${index}.procedureId`, `simplificationProposals.${index}.proposal`]),
    'proposals',
  ];
}

/** The save mutation's input; call only on a form `validateReport` accepts. */
export function saveInput(form: ReportForm, report: { id: string; version: number }): SelfInspectionReportSaveInput {
  const count = (name: LegalDocumentField) => Number(form.legalDocuments[name]);
  const proposals = form.proposals.trim();
  return {
    reportId: report.id,
    version: report.version,
    difficulties: form.difficulties.map((row) => ({ category: row.category as DifficultyCategory, description: row.description.trim() })),
    legalDocuments: {
      reviewed: count('reviewed'),
      expired: count('expired'),
      inForce: count('inForce'),
      proposedForAmendment: count('proposedForAmendment'),
      proposedForAbolition: count('proposedForAbolition'),
    },
    simplificationProposals: form.simplificationProposals.map((row) => ({ procedureId: row.procedure!.id, proposal: row.proposal.trim() })),
    proposals: proposals === '' ? null : proposals,
  };
}
