import type Keycloak from 'keycloak-js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createKeycloakAuth } from './keycloakAuth';
import { SIGNED_IN_KEY } from './signedIn';

const config = { version: '0.1.0', keycloak: { url: 'http://localhost:8180', realm: 'lantern', clientId: 'lantern-spa' } };

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** Answers /config.json and Keycloak's discovery document like a running backend and Keycloak. */
const healthyFetch = vi.fn(async (input: RequestInfo | URL) => {
  const url = String(input);
  if (url === '/config.json') return json(config);
  if (url === 'http://localhost:8180/realms/lantern/.well-known/openid-configuration') return json({ issuer: 'x' });
  return json({}, 404);
});

function fakeKeycloak(authenticated: boolean) {
  const kc = {
    authenticated,
    token: authenticated ? 'access-token' : undefined,
    tokenParsed: authenticated
      ? { preferred_username: 'an.nguyen', name: 'Nguyễn Văn An', realm_access: { roles: ['inspector'] }, unit: 'NA-TTT' }
      : undefined,
    init: vi.fn(async () => authenticated),
    updateToken: vi.fn(async () => true),
    clearToken: vi.fn(),
    login: vi.fn(async () => {}),
    logout: vi.fn(async () => {}),
  };
  return kc;
}

describe('createKeycloakAuth', () => {
  beforeEach(() => localStorage.clear());

  it('starts as initialising and ends ready with the user from the token', async () => {
    const kc = fakeKeycloak(true);
    const createKeycloak = vi.fn(async () => kc as unknown as Keycloak);
    const store = createKeycloakAuth({ fetchFn: healthyFetch, createKeycloak });
    const listener = vi.fn();
    store.subscribe(listener);

    expect(store.getSnapshot().status).toBe('initialising');
    await store.start();

    expect(createKeycloak).toHaveBeenCalledWith(config.keycloak);
    expect(kc.init).toHaveBeenCalledWith(expect.objectContaining({ onLoad: 'check-sso', pkceMethod: 'S256', checkLoginIframe: false }));
    expect(store.getSnapshot()).toMatchObject({
      status: 'ready',
      user: { displayName: 'Nguyễn Văn An', roles: ['inspector'], unitCode: 'NA-TTT' },
    });
    expect(listener).toHaveBeenCalled();
  });

  it('refreshes the token before handing it out', async () => {
    const kc = fakeKeycloak(true);
    const store = createKeycloakAuth({ fetchFn: healthyFetch, createKeycloak: async () => kc as unknown as Keycloak });
    await store.start();

    await expect(store.getSnapshot().getToken()).resolves.toBe('access-token');
    expect(kc.updateToken).toHaveBeenCalledWith(30);
  });

  it('is ready with nobody logged in when check-sso finds no session', async () => {
    const kc = fakeKeycloak(false);
    const store = createKeycloakAuth({ fetchFn: healthyFetch, createKeycloak: async () => kc as unknown as Keycloak });
    await store.start();

    expect(store.getSnapshot()).toMatchObject({ status: 'ready', user: null });
    await expect(store.getSnapshot().getToken()).resolves.toBeUndefined();
  });

  it('reports login unavailable when Keycloak cannot be reached, without creating the adapter', async () => {
    const createKeycloak = vi.fn();
    const fetchFn = vi.fn(async (input: RequestInfo | URL) => {
      if (String(input) === '/config.json') return json(config);
      throw new TypeError('Failed to fetch');
    });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = createKeycloakAuth({ fetchFn, createKeycloak });
    await store.start();

    expect(store.getSnapshot()).toMatchObject({ status: 'unavailable', user: null });
    expect(createKeycloak).not.toHaveBeenCalled();
  });

  it('reports login unavailable when /config.json fails', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = createKeycloakAuth({ fetchFn: async () => json({}, 503), createKeycloak: vi.fn() });
    await store.start();
    expect(store.getSnapshot().status).toBe('unavailable');
  });

  it('starts only once', async () => {
    const kc = fakeKeycloak(false);
    const createKeycloak = vi.fn(async () => kc as unknown as Keycloak);
    const store = createKeycloakAuth({ fetchFn: healthyFetch, createKeycloak });
    await Promise.all([store.start(), store.start()]);
    expect(createKeycloak).toHaveBeenCalledOnce();
  });

  it('remembers in localStorage that this browser has a login, without token or personal data', async () => {
    const store = createKeycloakAuth({ fetchFn: healthyFetch, createKeycloak: async () => fakeKeycloak(true) as unknown as Keycloak });
    await store.start();

    expect(localStorage.getItem(SIGNED_IN_KEY)).toBe('1');
    expect(Object.keys(localStorage)).toEqual([SIGNED_IN_KEY]);
  });

  it('forgets the login when check-sso finds no session', async () => {
    localStorage.setItem(SIGNED_IN_KEY, '1');
    const store = createKeycloakAuth({ fetchFn: healthyFetch, createKeycloak: async () => fakeKeycloak(false) as unknown as Keycloak });
    await store.start();

    expect(localStorage.getItem(SIGNED_IN_KEY)).toBeNull();
  });

  it('forgets the login on logout, and when the session ends elsewhere', async () => {
    const kc = fakeKeycloak(true) as ReturnType<typeof fakeKeycloak> & { onAuthLogout?: () => void };
    const store = createKeycloakAuth({ fetchFn: healthyFetch, createKeycloak: async () => kc as unknown as Keycloak });
    await store.start();
    store.getSnapshot().logout();
    expect(localStorage.getItem(SIGNED_IN_KEY)).toBeNull();
    expect(kc.logout).toHaveBeenCalled();

    localStorage.setItem(SIGNED_IN_KEY, '1');
    kc.onAuthLogout?.();
    expect(store.getSnapshot().user).toBeNull();
    expect(localStorage.getItem(SIGNED_IN_KEY)).toBeNull();
  });

  it('keeps the marker when Keycloak cannot be reached (nothing is known)', async () => {
    localStorage.setItem(SIGNED_IN_KEY, '1');
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = createKeycloakAuth({ fetchFn: async () => json({}, 503), createKeycloak: vi.fn() });
    await store.start();

    expect(store.getSnapshot().status).toBe('unavailable');
    expect(localStorage.getItem(SIGNED_IN_KEY)).toBe('1');
  });
});
