import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import type { TFunction } from 'i18next';
import { DownloadError } from '../download';


/** What went wrong, in the categories a clerk can act on. Keys of `errors.*` in the `common` namespace. */
export type ErrorKind = 'unauthorized' | 'forbidden' | 'notFound' | 'badRequest' | 'network' | 'server' | 'unknown';

export interface ErrorDescription {
  kind: ErrorKind;
  /** Id the server logged the failure under (`extensions.errorId`), to quote to support. */
  errorId?: string;
}

/** Spring for GraphQL puts its ErrorType in `extensions.classification`; other servers use `extensions.code`. */
const KIND_BY_CLASSIFICATION: Record<string, ErrorKind> = {
  UNAUTHORIZED: 'unauthorized',
  UNAUTHENTICATED: 'unauthorized',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'notFound',
  BAD_REQUEST: 'badRequest',
  BAD_USER_INPUT: 'badRequest',
  ValidationError: 'badRequest',
  InvalidSyntax: 'badRequest',
  INTERNAL_ERROR: 'server',
  INTERNAL_SERVER_ERROR: 'server',
};

function kindOfStatus(status: number): ErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status >= 500) return 'server';
  if (status >= 400) return 'badRequest';
  return 'unknown';
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function describeError(error: unknown): ErrorDescription {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const extensions = first?.extensions ?? {};
    const classification = stringOrUndefined(extensions.classification) ?? stringOrUndefined(extensions.code);
    const errorId = error.errors.map((e) => stringOrUndefined(e.extensions?.errorId)).find(Boolean);
    return {
      kind: (classification && KIND_BY_CLASSIFICATION[classification]) || 'unknown',
      errorId,
    };
  }
  if (ServerError.is(error)) {
    return { kind: kindOfStatus(error.statusCode) };
  }
  if (error instanceof DownloadError) {
    return { kind: kindOfStatus(error.status) };
  }
  if (ServerParseError.is(error)) {
    return { kind: 'server' };
  }
  // fetch() rejects with a TypeError when the server cannot be reached; timeouts abort.
  if (error instanceof TypeError || (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))) {
    return { kind: 'network' };
  }
  return { kind: 'unknown' };
}

/** The error in words, in the current language, with the server's error id when it gave one. */
export function errorMessage(error: unknown, t: TFunction): { message: string; errorId?: string; detail?: string } {
  const { kind, errorId } = describeError(error);
  return {
    message: t(`errors.${kind}`),
    errorId,
    detail: errorId ? t('errors.errorId', { errorId }) : undefined,
  };
}
