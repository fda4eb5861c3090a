import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import type { TFunction } from 'i18next';
import { DownloadError } from '../download';
import { kindOfClassification, kindOfStatus, type ErrorKind } from '../errorKinds';

export type { ErrorKind } from '../errorKinds';

export interface ErrorDescription {
  kind: ErrorKind;
  /** Id the server logged the failure under (`extensions.errorId`), to quote to support. */
  errorId?: string;
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
      kind: kindOfClassification(classification),
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
