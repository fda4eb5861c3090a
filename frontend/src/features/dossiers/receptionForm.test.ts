import { describe, expect, it } from 'vitest';
import { EMPTY_RECEPTION, receptionInput } from './receptionForm';

const base = { ...EMPTY_RECEPTION, procedureId: 'UHJvYzox', applicantName: ' Nguyễn Thị Lan ' };

describe('receptionInput', () => {
  it('sends the indicator facts the clerk ticked and leaves the rest to the server’s default', () => {
    const input = receptionInput({ ...base, syncedToNationalPortal: true, usedPopulationData: true });
    expect(input).toMatchObject({ applicantName: 'Nguyễn Thị Lan', syncedToNationalPortal: true, usedPopulationData: true });
    expect(input).not.toHaveProperty('reusedDigitisedData');
    expect(input).not.toHaveProperty('certifiedCopyRequested');
  });

  it('sends an electronic certified copy only together with the request for a copy', () => {
    expect(receptionInput({ ...base, certifiedCopyElectronic: true })).not.toHaveProperty('certifiedCopyElectronic');
    expect(receptionInput({ ...base, certifiedCopyRequested: true, certifiedCopyElectronic: true })).toMatchObject({
      certifiedCopyRequested: true,
      certifiedCopyElectronic: true,
    });
  });
});
