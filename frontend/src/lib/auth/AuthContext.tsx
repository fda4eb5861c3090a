import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { AuthUser } from './user';

/**
 * - `initialising`: config and Keycloak are being asked whether someone is logged in;
 * - `ready`: Keycloak answered; `user` is null when nobody is logged in;
 * - `unavailable`: Keycloak (or the config) could not be reached: public pages work, login does not.
 */
export type AuthStatus = 'initialising' | 'ready' | 'unavailable';

/** What the UI may know and do about authentication. Tests provide their own (see `staticAuth`). */
export interface Auth {
  status: AuthStatus;
  user: AuthUser | null;
  /** Sends the browser to the login page; it comes back to the current page. */
  login(): void;
  /** Ends the Keycloak session and comes back to the home page. */
  logout(): void;
  /** A valid access token (refreshed first when it expires within 30 s), or undefined when logged out. */
  getToken(): Promise<string | undefined>;
}

/** A source of `Auth` snapshots that changes over time (Keycloak init, refresh, logout). */
export interface AuthStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): Auth;
}

export const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ store, children }: { store: AuthStore; children: ReactNode }) {
  const auth = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) {
    throw new Error('useAuth must be used inside <AuthProvider> or <AuthContext.Provider>');
  }
  return auth;
}
