import type { TFunction } from 'i18next';
import { fieldName, type UserErrorLike } from '../../lib/apollo/userErrors';

/**
 * A server `UserError` in the clerk's language: the translation for this field and code
 * (`userErrors.identityNumber.INVALID`), else for the code (`userErrors.TRANSITION_NOT_ALLOWED`),
 * else the server's own message (English today) rather than nothing.
 */
export function userErrorText(error: UserErrorLike, t: TFunction, exists: (key: string) => boolean): string {
  const field = fieldName(error.field);
  if (field && exists(`dossiers:userErrors.${field}.${error.code}`)) return t(`dossiers:userErrors.${field}.${error.code}`);
  if (exists(`dossiers:userErrors.${error.code}`)) return t(`dossiers:userErrors.${error.code}`);
  return error.message;
}
