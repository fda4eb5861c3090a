/** A `UserError` as every mutation payload returns it. */
export interface UserErrorLike {
  field?: readonly string[] | null;
  code: string;
  message: string;
}

/** userErrors sorted for a form: per input field, for the form as a whole, and whether someone else changed the object. */
export interface FormErrors {
  /** Message per input field name (`reason`, `newAppointmentDate`, …). */
  fields: Record<string, string>;
  /** Messages about the input as a whole, or about fields the form does not show. */
  form: string[];
  /** The object changed since it was read (`CONCURRENT_MODIFICATION`): the form must be reloaded, not resubmitted. */
  concurrentModification: boolean;
}

export const CONCURRENT_MODIFICATION = 'CONCURRENT_MODIFICATION';

/**
 * The input field a `UserError.field` path names: `["input", "reason"]` → `reason`,
 * `["input", "applicant", "name"]` → `applicant.name`; null when the path names the input as a whole.
 */
export function fieldName(path: readonly string[] | null | undefined): string | null {
  if (!path || path.length === 0) return null;
  const rest = path[0] === 'input' ? path.slice(1) : path;
  return rest.length > 0 ? rest.join('.') : null;
}

/**
 * Places each error next to the field it names when the form shows that field, otherwise above the form.
 * `describe` turns an error into words (e.g. a translation of its code), falling back to the server's message.
 */
export function mapUserErrors(
  errors: readonly UserErrorLike[],
  shownFields: readonly string[],
  describe: (error: UserErrorLike) => string = (error) => error.message,
): FormErrors {
  const result: FormErrors = { fields: {}, form: [], concurrentModification: false };
  for (const error of errors) {
    if (error.code === CONCURRENT_MODIFICATION) {
      result.concurrentModification = true;
      continue;
    }
    const name = fieldName(error.field);
    const text = describe(error);
    if (name && shownFields.includes(name)) {
      // Two errors on one field: keep both, the clerk needs to fix both.
      result.fields[name] = result.fields[name] ? `${result.fields[name]} ${text}` : text;
    } else {
      result.form.push(text);
    }
  }
  return result;
}
