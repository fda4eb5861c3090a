/**
 * GraphQL over plain `fetch` for the public pages. Errors come back as a `RequestError` whose kind
 * names what the reader can do about it (the keys of `errors.*` in `common.json`), and whose
 * `retryAfterSeconds` is set when the server refused the request as too frequent.
 */
import { kindOfClassification, kindOfStatus, type ErrorKind } from '../lib/errorKinds';

import { anonymousAuth, type PublicAuth } from './auth';

export type { ErrorKind };

export class RequestError extends Error {
  readonly kind: ErrorKind;
  /** Set when the server refused the request as too frequent (`RATE_LIMITED`). */
  readonly retryAfterSeconds?: number;
  /** The id the server logged the failure under, to quote to support. */
  readonly errorId?: string;

  constructor(kind: ErrorKind, retryAfterSeconds?: number, errorId?: string) {
    super(kind);
    this.name = 'RequestError';
    this.kind = kind;
    this.retryAfterSeconds = retryAfterSeconds;
    this.errorId = errorId;
  }
}

interface GraphQLErrorLike {
  message?: string;
  extensions?: Record<string, unknown>;
}

function fromErrors(errors: readonly GraphQLErrorLike[]): RequestError {
  const limited = errors.find((e) => e.extensions?.classification === 'RATE_LIMITED');
  if (limited) {
    const seconds = Number(limited.extensions?.retryAfterSeconds);
    return new RequestError('badRequest', Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60);
  }
  const classification = errors[0]?.extensions?.classification;
  const errorId = errors.map((e) => e.extensions?.errorId).find((id): id is string => typeof id === 'string' && id !== '');
  return new RequestError(kindOfClassification(classification), undefined, errorId);
}

/** How long a request that a login changes waits for Keycloak's answer before going anonymous. */
export const LOGIN_WAIT_MS = 3000;

let auth: PublicAuth = anonymousAuth;

/** The login the requests carry (set once at start; tests pass their own). */
export function setRequestAuth(next: PublicAuth) {
  auth = next;
}

/** Resolves with the promise's value, or undefined when it fails or takes longer than `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}

/** The access token when someone is logged in; waits (bounded) for Keycloak's answer when `waitForLogin`. */
async function token(waitForLogin: boolean): Promise<string | undefined> {
  if (waitForLogin) await within(auth.start(), LOGIN_WAIT_MS);
  const snapshot = auth.getSnapshot();
  return snapshot.user ? within(snapshot.getToken(), LOGIN_WAIT_MS) : undefined;
}

export interface RequestOptions {
  /**
   * The answer depends on who asks (a logged-in sender needs no contact details nor secret): wait
   * up to `LOGIN_WAIT_MS` for a pending login check. Other requests carry a token only when one is
   * already known.
   */
  waitForLogin?: boolean;
}

/** Runs `query` (one operation plus the fragments it uses) and resolves with its data. */
export async function request<Data, Variables extends object = Record<string, never>>(query: string, variables?: Variables, options: RequestOptions = {}): Promise<Data> {
  const bearer = await token(options.waitForLogin ?? false);
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: JSON.stringify({ query, variables: variables ?? {} }),
    });
  } catch {
    throw new RequestError('network');
  }
  let body: { data?: Data | null; errors?: GraphQLErrorLike[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new RequestError(response.ok ? 'server' : kindOfStatus(response.status));
  }
  if (body.errors?.length) throw fromErrors(body.errors);
  if (!response.ok || body.data == null) throw new RequestError(kindOfStatus(response.status));
  return body.data;
}
