import { describe, expect, it } from 'vitest';
import { createInput, firstInvalidStep, moveItem, validateStep, withLead, type WizardValues } from './planWizard';

const values = (overrides: Partial<WizardValues> = {}): WizardValues => ({
  number: ' 15/KH-TTr ',
  title: 'Thanh tra công vụ',
  issuingAuthority: 'Thanh tra tỉnh Nghệ An',
  issueDate: '',
  periodFrom: '2024-01-01',
  periodTo: '2024-12-31',
  selfReportDue: '2025-02-15',
  fieldworkFrom: '2025-03-01',
  fieldworkTo: '2025-03-31',
  conclusionDue: '2025-04-30',
  checklist: ['Công khai thủ tục hành chính', '  '],
  targets: [{ id: 'u1', code: 'NA-QUYHOP', name: 'Quỳ Hợp' }],
  team: [
    { officialId: 'o1', fullName: 'An', unitName: 'TTT', role: 'LEAD' },
    { officialId: 'o2', fullName: 'Hoa', unitName: 'TTT', role: 'MEMBER' },
  ],
  ...overrides,
});

describe('planWizard', () => {
  it('accepts a complete plan except for an empty checklist line, which must be filled or removed', () => {
    expect(validateStep('header', values())).toEqual({ 'checklist.1': 'wizard.errors.checklistItemEmpty' });
    expect(validateStep('header', values({ checklist: ['a'] }))).toEqual({});
    expect(validateStep('header', values({ checklist: ['', ' '] }))).toEqual({ checklist: 'wizard.errors.checklistRequired' });
  });

  it('checks the order of the period, the fieldwork and the conclusion', () => {
    expect(validateStep('header', values({ checklist: ['a'], periodTo: '2023-12-31' }))).toEqual({ periodTo: 'wizard.errors.periodOrder' });
    expect(validateStep('header', values({ checklist: ['a'], fieldworkTo: '2025-02-28' }))).toEqual({ fieldworkTo: 'wizard.errors.fieldworkOrder' });
    expect(validateStep('header', values({ checklist: ['a'], conclusionDue: '2025-03-30' }))).toEqual({
      conclusionDue: 'wizard.errors.conclusionAfterFieldwork',
    });
  });

  it('needs exactly one lead', () => {
    expect(validateStep('team', values({ team: [] }))).toEqual({ team: 'wizard.errors.teamRequired' });
    expect(validateStep('team', values({ team: values().team.map((m) => ({ ...m, role: 'MEMBER' })) }))).toEqual({ team: 'wizard.errors.oneLead' });
    expect(validateStep('team', values({ team: values().team.map((m) => ({ ...m, role: 'LEAD' })) }))).toEqual({ team: 'wizard.errors.oneLead' });
    expect(withLead(values().team, 'o2').map((m) => m.role)).toEqual(['MEMBER', 'LEAD']);
  });

  it('finds the first step to fix', () => {
    expect(firstInvalidStep(values({ checklist: ['a'], targets: [] }))).toBe('targets');
    expect(firstInvalidStep(values({ checklist: ['a'] }))).toBeUndefined();
  });

  it('sends trimmed text, the dates set and the checklist without empty lines', () => {
    expect(createInput(values())).toEqual({
      number: '15/KH-TTr',
      title: 'Thanh tra công vụ',
      issuingAuthority: 'Thanh tra tỉnh Nghệ An',
      checklist: ['Công khai thủ tục hành chính'],
      periodFrom: '2024-01-01',
      periodTo: '2024-12-31',
      selfReportDue: '2025-02-15',
      fieldworkFrom: '2025-03-01',
      fieldworkTo: '2025-03-31',
      conclusionDue: '2025-04-30',
    });
  });

  it('moves checklist items within bounds', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});
