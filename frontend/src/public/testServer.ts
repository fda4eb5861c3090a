import { vi } from 'vitest';
import enCitizen from '../../public/locales/en/citizen.json';
import enCommon from '../../public/locales/en/common.json';
import enFeedback from '../../public/locales/en/feedback.json';
import viCitizen from '../../public/locales/vi/citizen.json';
import viCommon from '../../public/locales/vi/common.json';
import viFeedback from '../../public/locales/vi/feedback.json';
import type { AuthUser } from '../lib/auth/user';
import type { PublicAuth } from './auth';
import { start } from './main';

const LOCALES: Record<string, unknown> = {
  '/locales/vi/common.json': viCommon,
  '/locales/vi/citizen.json': viCitizen,
  '/locales/vi/feedback.json': viFeedback,
  '/locales/en/common.json': enCommon,
  '/locales/en/citizen.json': enCitizen,
  '/locales/en/feedback.json': enFeedback,
};

/** What a GraphQL operation answers: the response body (`{ data }` or `{ errors }`), given the variables. */
export type Handler = (variables: Record<string, unknown>) => unknown;

export interface Sent {
  operation: string;
  query: string;
  variables: Record<string, unknown>;
  /** The `Authorization` header, when the request carried a token. */
  authorization: string | null;
}

/**
 * Stubs `fetch` as the server: the real translation files, and each GraphQL operation (by name) answered
 * by its handler (a handler that throws makes `fetch` fail, as without network); returns the GraphQL requests the page sent. An operation without a handler fails the test.
 */
export function stubServer(handlers: Record<string, Handler>): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      const path = url.split('?')[0]!;
      if (path in LOCALES) return Response.json(LOCALES[path]);
      if (path === '/graphql') {
        const { query, variables } = JSON.parse(String(init?.body)) as { query: string; variables: Record<string, unknown> };
        const operation = /\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? '';
        sent.push({ operation, query, variables, authorization: new Headers(init?.headers).get('authorization') });
        const handler = handlers[operation];
        if (!handler) throw new Error(`Unexpected operation ${operation}`);
        return Response.json(handler(variables));
      }
      return new Response('Not found', { status: 404 });
    }),
  );
  return sent;
}

/** Opens the public entry at `path` (as public.html would) and waits for its first render; `auth` stands for the login. */
export async function openPublicPage(path: string, auth?: PublicAuth): Promise<HTMLElement> {
  window.history.replaceState(null, '', path);
  document.body.innerHTML = '<div id="app" aria-busy="true"></div>';
  const root = document.getElementById('app')!;
  await start(root, auth);
  return root;
}

export const CITIZEN: AuthUser = { username: 'citizen.demo', displayName: 'Đặng Thị Thu', roles: ['citizen'], citizenId: '040190001234' };

/**
 * A login as Keycloak would give it, without keycloak-js: initialising until `finish()` (called at
 * once unless `pending`), then ready with `user` and its token.
 */
export function fakeLogin(user: AuthUser | null, { pending = false, token = 'citizen-token' } = {}) {
  const listeners = new Set<() => void>();
  let snapshot = { status: 'initialising' as 'initialising' | 'ready', user: null as AuthUser | null, login() {}, logout() {}, getToken: async (): Promise<string | undefined> => undefined };
  let finish = () => {};
  const started = new Promise<void>((resolve) => {
    finish = () => {
      snapshot = { ...snapshot, status: 'ready', user, getToken: async () => (user ? token : undefined) };
      listeners.forEach((listener) => listener());
      resolve();
    };
  });
  if (!pending) finish();
  const auth: PublicAuth = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    start: () => started,
  };
  return { auth, finish };
}
