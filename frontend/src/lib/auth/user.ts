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
  given_name?: string;
  family_name?: string;
  realm_access?: { roles?: string[] };
  unit?: string;
  citizen_id?: string;
}

/**
 * The name to show, in Vietnamese order: family name first ("Nguyễn Văn Thanh"). Keycloak's `name`
 * claim puts the given name first, so it is used only when the parts are missing.
 */
export function displayNameFromClaims(claims: TokenClaims): string | undefined {
  const family = claims.family_name?.trim();
  const given = claims.given_name?.trim();
  if (family && given) return `${family} ${given}`;
  return claims.name?.trim() || undefined;
}

/** Builds the user from token claims; realm roles Lantern does not know (e.g. `offline_access`) are dropped. */
export function userFromClaims(claims: TokenClaims): AuthUser {
  const username = claims.preferred_username ?? '';
  const name = displayNameFromClaims(claims);
  return {
    username,
    displayName: name ? name : username,
    roles: (claims.realm_access?.roles ?? []).filter(isRole),
    unitCode: claims.unit || undefined,
    citizenId: claims.citizen_id || undefined,
  };
}
