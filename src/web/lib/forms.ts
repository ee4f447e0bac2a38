import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { fieldErrors } from '../../contracts/messages.js';
import { isApiError } from './api/client.js';
import { currentLanguage } from './i18n/index.js';
import { notifyError } from './notify.js';

/**
 * react-hook-form resolver that validates with a shared Zod contract and reports the same
 * bilingual messages the server sends (contracts/messages.ts). zodResolver would keep the English
 * text of the contracts' custom checks ("Local workforce cannot exceed the total") in a
 * Vietnamese form, so the issues are translated here instead.
 *
 * `toInput` maps the form's editing state (strings, nulls from Selects) to the API input shape
 * before parsing, for the few fields whose "empty" means "absent" rather than "".
 */
export function contractResolver<TForm extends FieldValues, S extends z.ZodType>(
  schema: S,
  toInput: (values: TForm) => unknown = (values) => values,
): Resolver<TForm, unknown, z.output<S>> {
  return async (values, _context, options) => {
    const result = await schema.safeParseAsync(toInput(values));
    if (result.success) return { values: result.data, errors: {} };
    const language = currentLanguage();
    const flat: Record<string, FieldError> = {};
    for (const [path, message] of Object.entries(fieldErrors(result.error.issues))) {
      flat[path === '_' ? 'root' : path] = { type: 'validation', message: message[language] };
    }
    return { values: {}, errors: toNestErrors(flat as FieldErrors, options) };
  };
}

/**
 * Shows a failed mutation to the user: the server's field messages go onto the matching form
 * fields, its overall message into a notification.
 */
export function reportMutationError<TForm extends FieldValues>(error: unknown, setError?: UseFormSetError<TForm>): void {
  if (isApiError(error) && setError) {
    let first = true;
    for (const [field, message] of Object.entries(error.fields)) {
      setError(field as Path<TForm>, { type: 'server', message }, { shouldFocus: first });
      first = false;
    }
  }
  notifyError(error);
}

/** Form state of an optional text field: the API's null becomes an empty input. */
export const textOrEmpty = (value: string | null | undefined): string => value ?? '';
