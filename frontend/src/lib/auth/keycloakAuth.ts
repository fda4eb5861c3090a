import type Keycloak from 'keycloak-js';
import type { KeycloakConfig } from 'keycloak-js';
import type { Auth, AuthStore } from './AuthContext';
import { rememberSignedIn } from './signedIn';
import { userFromClaims, type AuthUser, type TokenClaims } from './user';

/** What `GET /config.json` returns: the backend tells the SPA where its identity provider is. */
export interface AppConfig {
  version: string;
  keycloak?: { url: string; realm: string; clientId: string };
}

export interface KeycloakAuthOptions {
  configUrl?: string;
  /** Page that keycloak-js loads in a hidden iframe for 'check-sso'; without it check-sso redirects the whole page. */
  silentCheckSsoRedirectUri?: string;
  /** How long to wait for Keycloak before telling the user that login is unavailable. */
  timeoutMs?: number;
  fetchFn?: typeof fetch;
  createKeycloak?: (config: KeycloakConfig) => Promise<Keycloak>;
}

/** Refresh the token when it expires within this many seconds. */
const MIN_VALIDITY_SECONDS = 30;

async function defaultCreateKeycloak(config: KeycloakConfig): Promise<Keycloak> {
  // Loaded on demand: keeps keycloak-js out of the first bytes of the page.
  const { default: KeycloakClass } = await import('keycloak-js');
  return new KeycloakClass(config);
}

export async function loadAppConfig(fetchFn: typeof fetch, url: string, timeoutMs: number): Promise<AppConfig> {
  const response = await fetchFn(url, {
    headers: { Accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}`);
  }
  return (await response.json()) as AppConfig;
}

/**
 * Fails fast when Keycloak is down, instead of waiting for keycloak-js's iframes to time out.
 * `no-cors`: only reachability matters, so the probe works whatever CORS headers Keycloak sends
 * (the answer is then opaque; a wrong realm still surfaces when keycloak-js initialises).
 */
async function probeKeycloak(fetchFn: typeof fetch, config: NonNullable<AppConfig['keycloak']>, timeoutMs: number) {
  const base = config.url.replace(/\/+$/, '');
  const url = `${base}/realms/${encodeURIComponent(config.realm)}/.well-known/openid-configuration`;
  const response = await fetchFn(url, { mode: 'no-cors', signal: AbortSignal.timeout(timeoutMs) });
  if (response.type !== 'opaque' && !response.ok) {
    throw new Error(`Keycloak answered ${response.status} for realm ${config.realm}`);
  }
}

/**
 * Authentication through Keycloak (keycloak-js): `check-sso` with PKCE at startup, silent token
 * refresh, login and logout by redirect. Exposes `Auth` snapshots for `AuthProvider`.
 */
export function createKeycloakAuth(options: KeycloakAuthOptions = {}): AuthStore & { start(): Promise<void> } {
  const {
    configUrl = '/config.json',
    silentCheckSsoRedirectUri,
    timeoutMs = 5000,
    fetchFn = (...args) => fetch(...args),
    createKeycloak = defaultCreateKeycloak,
  } = options;

  let keycloak: Keycloak | undefined;
  let started: Promise<void> | undefined;
  const listeners = new Set<() => void>();

  const actions = {
    login() {
      void keycloak?.login();
    },
    logout() {
      rememberSignedIn(false);
      void keycloak?.logout({ redirectUri: window.location.origin });
    },
    async getToken(): Promise<string | undefined> {
      if (!keycloak?.authenticated) {
        return undefined;
      }
      try {
        await keycloak.updateToken(MIN_VALIDITY_SECONDS);
      } catch {
        // The session ended (expired, or logged out elsewhere): continue as anonymous.
        keycloak.clearToken();
        return undefined;
      }
      return keycloak.token;
    },
  };

  let snapshot: Auth = { status: 'initialising', user: null, ...actions };

  function update(next: Partial<Pick<Auth, 'status' | 'user'>>) {
    snapshot = { ...snapshot, ...next };
    // Keycloak answered: remember for the public pages whether this browser has a login. When it is
    // unavailable, nothing is known, so the marker stays as it was.
    if (snapshot.status === 'ready') rememberSignedIn(snapshot.user != null);
    listeners.forEach((listener) => listener());
  }

  function currentUser(kc: Keycloak): AuthUser | null {
    return kc.authenticated && kc.tokenParsed ? userFromClaims(kc.tokenParsed as TokenClaims) : null;
  }

  async function run() {
    try {
      const config = await loadAppConfig(fetchFn, configUrl, timeoutMs);
      if (!config.keycloak) {
        throw new Error(`${configUrl} has no keycloak section`);
      }
      await probeKeycloak(fetchFn, config.keycloak, timeoutMs);
      const kc = await createKeycloak(config.keycloak);
      kc.onTokenExpired = () => {
        kc.updateToken(MIN_VALIDITY_SECONDS).catch(() => kc.clearToken());
      };
      kc.onAuthRefreshSuccess = () => update({ user: currentUser(kc) });
      kc.onAuthLogout = () => update({ user: null });
      await kc.init({
        onLoad: 'check-sso',
        pkceMethod: 'S256',
        checkLoginIframe: false,
        silentCheckSsoRedirectUri,
        messageReceiveTimeout: timeoutMs,
      });
      keycloak = kc;
      update({ status: 'ready', user: currentUser(kc) });
    } catch (error) {
      console.warn('Login is unavailable:', error);
      update({ status: 'unavailable', user: null });
    }
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    /** Starts once; later calls return the same promise (React StrictMode mounts twice). */
    start() {
      started ??= run();
      return started;
    },
  };
}
