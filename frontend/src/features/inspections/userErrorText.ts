import type { TFunction } from 'i18next';
import { fieldName, type UserErrorLike } from '../../lib/apollo/userErrors';

/**
 * A server `UserError` in the reader's language, from the most specific translation (namespace
 * `inspections`) to the least: for the field and code (`userErrors.simplificationProposals.procedureId.NOT_FOUND`),
 * for an enclosing input and code (`userErrors.legalDocuments.EXCEEDS_REVIEWED`), for the code alone
 * (`userErrors.TRANSITION_NOT_ALLOWED`), else the server's own message. List positions are dropped from
 * the path (`difficulties.0.description` → `difficulties.description`) so one text serves every row.
 */
export function userErrorText(error: UserErrorLike, t: TFunction, exists: (key: string) => boolean): string {
  const segments = (fieldName(error.field) ?? '').split('.').filter((segment) => segment !== '' && !/^\d+$/.test(segment));
  for (let length = segments.length; length >= 0; length--) {
    const key = ['inspections:userErrors', ...segments.slice(0, length), error.code].join('.');
    if (exists(key)) return t(key);
  }
  return error.message;
}
