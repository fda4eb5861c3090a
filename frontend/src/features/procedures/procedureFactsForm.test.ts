import { describe, expect, it } from 'vitest';
import { FACT_INDICATOR, factsChanged, factsFormValues, factsUpdateInput, validateFacts } from './procedureFactsForm';

const stored = factsFormValues({
  effectiveOn: '2025-07-01',
  announcedOn: '2025-06-20',
  publishedOn: null,
  fullContentPublished: false,
  onlinePaymentEnabled: false,
  portalPaymentConfigured: false,
  populationDbConnected: false,
});
const context = { published: true, fee: 50000, today: '2026-11-24' };

describe('procedure facts form', () => {
  it('sends only what changed', () => {
    const values = { ...stored, publishedOn: '2025-06-25', populationDbConnected: true };
    expect(factsChanged(values, stored)).toBe(true);
    expect(factsChanged(stored, stored)).toBe(false);
    expect(factsUpdateInput('UHJvYzox', 3, values, stored)).toEqual({
      procedureId: 'UHJvYzox',
      version: 3,
      publishedOn: '2025-06-25',
      populationDbConnected: true,
    });
  });

  it('accepts a late announcement, which the indicator counts as late', () => {
    expect(validateFacts({ ...stored, announcedOn: '2025-08-01' }, stored, context)).toEqual({});
  });

  it('refuses dates in the future, a publication before or without an announcement, and a cleared date', () => {
    expect(validateFacts({ ...stored, announcedOn: '2026-11-25', publishedOn: '2026-11-26' }, stored, context)).toEqual({
      announcedOn: 'facts.validation.inFuture',
      publishedOn: 'facts.validation.inFuture',
    });
    expect(validateFacts({ ...stored, publishedOn: '2025-06-19' }, stored, context)).toEqual({ publishedOn: 'facts.validation.beforeAnnouncement' });
    const unannounced = { ...stored, announcedOn: '' };
    expect(validateFacts({ ...unannounced, publishedOn: '2025-06-19' }, unannounced, context)).toEqual({
      announcedOn: 'facts.validation.announcementRequired',
    });
    expect(validateFacts({ ...stored, effectiveOn: '' }, stored, context)).toEqual({ effectiveOn: 'facts.validation.cannotClear' });
  });

  it('refuses a set-up the procedure cannot have, only when it is switched on', () => {
    const on = { ...stored, fullContentPublished: true, onlinePaymentEnabled: true, portalPaymentConfigured: true };
    expect(validateFacts(on, stored, { ...context, published: false, fee: 0 })).toEqual({
      fullContentPublished: 'facts.validation.notPublished',
      onlinePaymentEnabled: 'facts.validation.noFee',
    });
    expect(validateFacts({ ...stored, portalPaymentConfigured: true }, stored, context)).toEqual({
      portalPaymentConfigured: 'facts.validation.onlinePaymentRequired',
    });
    // already recorded before the procedure was unpublished: left alone
    expect(validateFacts({ ...stored, fullContentPublished: true }, { ...stored, fullContentPublished: true }, { ...context, published: false })).toEqual({});
  });

  it('names the Decision 766 indicator of every fact', () => {
    expect(Object.values(FACT_INDICATOR)).toEqual([
      'PROCEDURES_ANNOUNCED_ON_TIME',
      'PROCEDURES_ANNOUNCED_ON_TIME',
      'PROCEDURES_PUBLISHED_ON_TIME',
      'PROCEDURES_FULL_CONTENT',
      'PROCEDURES_WITH_ONLINE_PAYMENT',
      'PROCEDURES_PORTAL_PAYMENT',
      'PROCEDURES_POPULATION_DB',
    ]);
  });
});
