/**
 * What went wrong, in the categories a reader can act on (keys of `errors.*` in the `common`
 * namespace), from a GraphQL error's classification or an HTTP status. Shared by the staff app
 * (Apollo) and the light public pages (plain `fetch`); imports nothing.
 */
export type ErrorKind = 'unauthorized' | 'forbidden' | 'notFound' | 'badRequest' | 'network' | 'server' | 'unknown';

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

export function kindOfClassification(classification: unknown): ErrorKind {
  return (typeof classification === 'string' && KIND_BY_CLASSIFICATION[classification]) || 'unknown';
}

export function kindOfStatus(status: number): ErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status >= 500) return 'server';
  if (status >= 400) return 'badRequest';
  return 'unknown';
}
