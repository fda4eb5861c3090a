import { CombinedGraphQLErrors } from '@apollo/client/errors';

/**
 * Seconds to wait when the server refused the request as too frequent (`RATE_LIMITED`, with
 * `extensions.retryAfterSeconds`); undefined for any other error.
 */
export function retryAfterSeconds(error: unknown): number | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const limited = error.errors.find((e) => e.extensions?.classification === 'RATE_LIMITED');
  if (!limited) return undefined;
  const seconds = Number(limited.extensions?.retryAfterSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60;
}
