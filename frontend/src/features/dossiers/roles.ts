import type { Role } from '../../lib/auth/user';

/** Staff who read dossiers: unit heads (their unit's subtree, scoped by the server), inspectors and administrators. */
export const DOSSIER_READERS: readonly Role[] = ['unit_head', 'inspector', 'admin'];

/** Who receives dossiers at the one-stop shop: the server's `dossierReceive` allows unit heads only. */
export const DOSSIER_RECEIVERS: readonly Role[] = ['unit_head'];

/** Who may pick any unit in the list filter; a unit head is scoped to their own unit by the server. */
export const UNIT_PICKERS: readonly Role[] = ['inspector', 'admin'];

export function hasAnyRole(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((role) => roles.includes(role));
}
