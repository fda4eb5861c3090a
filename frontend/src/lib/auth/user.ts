/** The realm roles Lantern knows, as Keycloak puts them in `realm_access.roles`. */
export const ROLES = ['inspector', 'unit_head', 'citizen', 'partner', 'admin'] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The logged-in person as the access token describes them. */
export interface AuthUser {
  username: string;
  displayName: string;
  roles: Role[];
  /** Code of the unit a staff member belongs to, e.g. `NA-QUYHOP`. */
  unitCode?: string;
  /** Citizen identity number linked to a citizen's account. */
  citizenId?: string;
}

/** The claims of a Lantern access token that the SPA reads. */
export interface TokenClaims {
  preferred_username?: string;
  name?: string;
  realm_access?: { roles?: string[] };
  unit?: string;
  citizen_id?: string;
}

/** Builds the user from token claims; realm roles Lantern does not know (e.g. `offline_access`) are dropped. */
export function userFromClaims(claims: TokenClaims): AuthUser {
  const username = claims.preferred_username ?? '';
  const name = claims.name?.trim();
  return {
    username,
    displayName: name ? name : username,
    roles: (claims.realm_access?.roles ?? []).filter(isRole),
    unitCode: claims.unit || undefined,
    citizenId: claims.citizen_id || undefined,
  };
}
