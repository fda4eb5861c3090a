import { describe, expect, it } from 'vitest';
import { userFromClaims } from './user';

describe('userFromClaims', () => {
  it('reads name, Lantern roles, unit and citizen id from the token', () => {
    expect(
      userFromClaims({
        preferred_username: 'an.nguyen',
        name: 'Nguyễn Văn An',
        realm_access: { roles: ['offline_access', 'inspector', 'uma_authorization', 'unit_head'] },
        unit: 'NA-TTT',
      }),
    ).toEqual({ username: 'an.nguyen', displayName: 'Nguyễn Văn An', roles: ['inspector', 'unit_head'], unitCode: 'NA-TTT', citizenId: undefined });
  });

  it('falls back to the username when the token has no name', () => {
    const user = userFromClaims({ preferred_username: 'citizen1', realm_access: { roles: ['citizen'] }, citizen_id: '040190000123' });
    expect(user.displayName).toBe('citizen1');
    expect(user.citizenId).toBe('040190000123');
    expect(user.roles).toEqual(['citizen']);
  });

  it('puts the family name first, as Vietnamese names are written', () => {
    const user = userFromClaims({ preferred_username: 'inspector.lead', name: 'Thanh Nguyễn Văn', given_name: 'Thanh', family_name: 'Nguyễn Văn' });
    expect(user.displayName).toBe('Nguyễn Văn Thanh');
  });

  it('gives no roles when the token has no realm_access', () => {
    expect(userFromClaims({ preferred_username: 'x' }).roles).toEqual([]);
  });
});
