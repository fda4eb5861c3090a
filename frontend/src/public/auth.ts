import type { Auth, AuthStore } from '../lib/auth/AuthContext';
import { hasSignedInMarker } from '../lib/auth/signedIn';

/** The login as the public pages see it: the SPA's `AuthStore`, and a promise settled once Keycloak has answered. */
export interface PublicAuth extends AuthStore {
  /** Settles when it is known whether someone is logged in (or that login is unavailable); never rejects. */
  start(): Promise<void>;
}

const ANONYMOUS: Auth = {
  status: 'ready',
  user: null,
  login: () => window.location.assign('/me'),
  logout: () => {},
  getToken: () => Promise.resolve(undefined),
};

/** Nobody logged in, nothing loaded: what almost every visitor gets. */
export const anonymousAuth: PublicAuth = {
  subscribe: () => () => {},
  getSnapshot: () => ANONYMOUS,
  start: () => Promise.resolve(),
};

type LoadKeycloakAuth = () => Promise<Pick<typeof import('../lib/auth/keycloakAuth'), 'createKeycloakAuth'>>;

/**
 * Asks Keycloak whether the visitor is logged in ONLY when the staff SPA left its marker in this
 * browser (`lantern.signedIn`); otherwise anonymous, with nothing loaded. The SPA's own
 * `createKeycloakAuth` (and keycloak-js behind it) is imported on demand, in the background: the
 * page paints first and learns about the login when `check-sso` answers in its hidden iframe.
 */
export function publicAuth(load: LoadKeycloakAuth = () => import('../lib/auth/keycloakAuth')): PublicAuth {
  if (!hasSignedInMarker()) return anonymousAuth;
  let snapshot: Auth = { ...ANONYMOUS, status: 'initialising' };
  const listeners = new Set<() => void>();
  const set = (next: Auth) => {
    snapshot = next;
    listeners.forEach((listener) => listener());
  };
  const started = load()
    .then(({ createKeycloakAuth }) => {
      const store = createKeycloakAuth({ silentCheckSsoRedirectUri: `${window.location.origin}/silent-check-sso.html` });
      store.subscribe(() => set(store.getSnapshot()));
      return store.start();
    })
    .catch((error: unknown) => {
      // The chunk could not be loaded (offline, new deployment): carry on as anonymous.
      console.warn('Login is unavailable:', error);
      set({ ...ANONYMOUS, status: 'unavailable' });
    });
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    start: () => started,
  };
}
