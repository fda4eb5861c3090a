import { describe, expect, it } from 'vitest';
import { formFromReport, saveInput, validateReport, type ReportForm } from './selfReportForm';
import { report } from './testFixtures';

const form = (change: Partial<ReportForm> = {}): ReportForm => ({ ...formFromReport(report()), ...change });
const counts = (values: Partial<ReportForm['legalDocuments']>) => ({ reviewed: 10, expired: 2, inForce: 8, proposedForAmendment: 1, proposedForAbolition: 0, ...values });

describe('self-inspection report form', () => {
  it('accepts the stored report as it is', () => {
    expect(validateReport(form())).toEqual({});
  });

  it('refuses a part above the number of documents reviewed, naming each part at fault', () => {
    const errors = validateReport(form({ legalDocuments: counts({ reviewed: 3, inForce: 4, proposedForAbolition: 5 }) }));
    expect(errors).toEqual({
      'legalDocuments.inForce': 'report.validation.partAboveReviewed',
      'legalDocuments.proposedForAbolition': 'report.validation.partAboveReviewed',
    });
  });

  it('refuses more expired and in-force documents together than were reviewed', () => {
    expect(validateReport(form({ legalDocuments: counts({ reviewed: 10, expired: 4, inForce: 7 }) }))).toEqual({
      'legalDocuments.inForce': 'report.validation.expiredAndInForceAboveReviewed',
    });
  });

  it('asks for every count, whole and not negative', () => {
    const errors = validateReport(form({ legalDocuments: counts({ reviewed: '', expired: -1, inForce: 1.5 }) }));
    expect(errors['legalDocuments.reviewed']).toBe('report.validation.countRequired');
    expect(errors['legalDocuments.expired']).toBe('report.validation.countNegative');
    expect(errors['legalDocuments.inForce']).toBe('report.validation.countRequired');
  });

  it('asks each difficulty for a category and a description, and each proposal for a procedure, once, and a text', () => {
    const procedure = { id: 'UHJvYzox', nationalCode: '1.001', name: 'Cấp phép' };
    const errors = validateReport(
      form({
        difficulties: [{ key: 1, category: null, description: '  ' }],
        simplificationProposals: [
          { key: 2, procedure, proposal: 'Bỏ bản sao chứng thực' },
          { key: 3, procedure, proposal: '' },
          { key: 4, procedure: null, proposal: 'Rút ngắn thời hạn' },
        ],
      }),
    );
    expect(errors).toEqual({
      'difficulties.0.category': 'report.validation.categoryRequired',
      'difficulties.0.description': 'report.validation.descriptionRequired',
      'simplificationProposals.1.procedureId': 'report.validation.procedureTwice',
      'simplificationProposals.1.proposal': 'report.validation.proposalRequired',
      'simplificationProposals.2.procedureId': 'report.validation.procedureRequired',
    });
  });

  it('sends trimmed texts with the version read, and no proposals when left blank', () => {
    const input = saveInput(
      form({
        difficulties: [{ key: 1, category: 'FINANCE', description: '  Thiếu kinh phí số hóa  ' }],
        simplificationProposals: [{ key: 2, procedure: { id: 'UHJvYzox', nationalCode: '1.001', name: 'Cấp phép' }, proposal: ' Bỏ bản sao ' }],
        proposals: '   ',
      }),
      { id: 'U2VsZlJlcG9ydDox', version: 4 },
    );
    expect(input).toEqual({
      reportId: 'U2VsZlJlcG9ydDox',
      version: 4,
      difficulties: [{ category: 'FINANCE', description: 'Thiếu kinh phí số hóa' }],
      legalDocuments: { reviewed: 10, expired: 2, inForce: 8, proposedForAmendment: 1, proposedForAbolition: 0 },
      simplificationProposals: [{ procedureId: 'UHJvYzox', proposal: 'Bỏ bản sao' }],
      proposals: null,
    });
  });
});
