import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Auth } from '../lib/auth/AuthContext';
import { SIGNED_IN_KEY } from '../lib/auth/signedIn';
import { anonymousAuth, publicAuth } from './auth';
import { CITIZEN } from './testServer';

/** Stands for `createKeycloakAuth`: ready with `user` when started. */
function keycloakModule(user: Auth['user']) {
  const createKeycloakAuth = vi.fn(() => {
    const listeners = new Set<() => void>();
    let snapshot: Auth = { status: 'initialising', user: null, login() {}, logout() {}, getToken: async () => undefined };
    return {
      subscribe(listener: () => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      getSnapshot: () => snapshot,
      async start() {
        snapshot = { ...snapshot, status: 'ready', user, getToken: async () => 'citizen-token' };
        listeners.forEach((listener) => listener());
      },
    };
  });
  return { createKeycloakAuth };
}

beforeEach(() => localStorage.clear());
afterEach(() => vi.restoreAllMocks());

describe('login on the public pages', () => {
  it('loads nothing for a browser that never had a Lantern login', async () => {
    const load = vi.fn(async () => keycloakModule(CITIZEN));
    const auth = publicAuth(load);
    expect(auth).toBe(anonymousAuth);
    await auth.start();
    expect(load).not.toHaveBeenCalled();
    expect(auth.getSnapshot()).toMatchObject({ status: 'ready', user: null });
  });

  it('asks Keycloak in the background when the staff app left its marker', async () => {
    localStorage.setItem(SIGNED_IN_KEY, '1');
    const module = keycloakModule(CITIZEN);
    const auth = publicAuth(async () => module);
    const listener = vi.fn();
    auth.subscribe(listener);
    expect(auth.getSnapshot()).toMatchObject({ status: 'initialising', user: null });

    await auth.start();

    expect(module.createKeycloakAuth).toHaveBeenCalledWith({ silentCheckSsoRedirectUri: `${window.location.origin}/silent-check-sso.html` });
    expect(auth.getSnapshot()).toMatchObject({ status: 'ready', user: CITIZEN });
    await expect(auth.getSnapshot().getToken()).resolves.toBe('citizen-token');
    expect(listener).toHaveBeenCalled();
  });

  it('carries on as anonymous when the login code cannot be loaded', async () => {
    localStorage.setItem(SIGNED_IN_KEY, '1');
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const auth = publicAuth(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    await auth.start();
    expect(auth.getSnapshot()).toMatchObject({ status: 'unavailable', user: null });
    await expect(auth.getSnapshot().getToken()).resolves.toBeUndefined();
  });
});
