import type { TFunction } from 'i18next';
import { fieldName, type UserErrorLike } from '../../lib/apollo/userErrors';

/**
 * A server `UserError` of an inspection mutation in the inspector's language: the translation for this
 * field and code (`plans:userErrors.periodTo.BEFORE_START`), else for the code alone, else the
 * server's own message rather than nothing. List indexes in the path (`evidence.0.dossierId`) are
 * ignored when looking for a translation.
 */
export function planUserErrorText(error: UserErrorLike, t: TFunction, exists: (key: string) => boolean): string {
  const field = fieldName(error.field)?.replace(/\.\d+(?=\.|$)/g, '');
  if (field && exists(`plans:userErrors.${field}.${error.code}`)) return t(`plans:userErrors.${field}.${error.code}`);
  if (exists(`plans:userErrors.${error.code}`)) return t(`plans:userErrors.${error.code}`);
  return error.message;
}
