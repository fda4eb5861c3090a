import type { Auth, AuthStatus } from './AuthContext';
import type { AuthUser } from './user';

/** An `Auth` that never changes: for tests and for rendering pages without a Keycloak server. */
export function staticAuth(
  user: AuthUser | null,
  overrides: Partial<Omit<Auth, 'user'>> & { status?: AuthStatus } = {},
): Auth {
  return {
    status: 'ready',
    user,
    login: () => {},
    logout: () => {},
    getToken: async () => (user ? 'static-token' : undefined),
    ...overrides,
  };
}
