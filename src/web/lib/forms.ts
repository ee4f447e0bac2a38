import { toNestErrors } from '@hookform/resolvers';
import { useEffect, useRef } from 'react';
import type { FieldError, FieldErrors, FieldValues, Path, Resolver, UseFormReturn, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { fieldErrors } from '../../contracts/messages.js';
import { isCalendarDate } from '../../domain/subjects/founding-date.js';
import { isApiError } from './api/client.js';
import { currentLanguage, useLanguage } from './i18n/index.js';
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
    const result = await schema.safeParseAsync(toInput(values), { reportInput: true });
    if (result.success) return { values: result.data, errors: {} };
    const language = currentLanguage();
    const flat: Record<string, FieldError> = {};
    for (const [path, message] of Object.entries(fieldErrors(result.error.issues.map(asRequiredWhenEmpty)))) {
      flat[path === '_' ? 'root' : path] = { type: 'validation', message: message[language] };
    }
    return { values: {}, errors: toNestErrors(flat as FieldErrors, options) };
  };
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/**
 * An untouched Select sends null, which an enum rejects with "choose one of: HTX, THT, …". To a
 * person filling in the form the field is simply missing, so a built-in check failing on an empty
 * value reads as the contract's "Required." (issueMessage's wording for a missing value).
 */
function asRequiredWhenEmpty(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code === 'custom' || !isEmpty(issue.input)) return issue;
  return { code: 'invalid_type', expected: 'nonoptional', input: undefined, path: issue.path, message: issue.message };
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

/**
 * Validation messages are produced in the language of the moment: after a language switch,
 * validate a submitted form again so its messages follow.
 */
export function useMessagesFollowLanguage<T extends FieldValues, O>(form: UseFormReturn<T, unknown, O>): void {
  const language = useLanguage();
  const { isSubmitted } = form.formState;
  const shownLanguage = useRef(language);
  useEffect(() => {
    if (shownLanguage.current === language) return;
    shownLanguage.current = language;
    if (isSubmitted) void form.trigger();
  }, [language, isSubmitted, form]);
}

/** Form state of an optional text field: the API's null becomes an empty input. */
export const textOrEmpty = (value: string | null | undefined): string => value ?? '';

/**
 * A date typed the Vietnamese way, dd/mm/yyyy (also d/m/yyyy, with "-" or "." between), as
 * yyyy-mm-dd; null when the text is not shaped so. The day is not checked: "31/02/2099" gives
 * "2099-02-31", so that validation can refuse it by name rather than the form losing it.
 */
export function typedDateToIso(text: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(text.trim());
  if (!m) return null;
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

/** The yyyy-mm-dd of a typed dd/mm/yyyy when that day exists; null otherwise (31/02 is not 03/03). */
export function parseTypedDate(text: string): string | null {
  const iso = typedDateToIso(text);
  return iso && isCalendarDate(iso) ? iso : null;
}

type DateField = { value: string | null; onChange: (value: string | null) => void; onBlur: () => void };

/**
 * Binds a Mantine DateInput to a form field so that a typed date is never silently changed.
 * Left to itself, DateInput parses "31/02/2020" leniently as 2 March and clears on blur whatever it
 * cannot take ("31/02/2099", or any day past `maxDate`). Here only real days are parsed, and on
 * blur text that is not one stays on screen and goes into the field as it is (dd/mm/yyyy turned
 * into yyyy-mm-dd), so the form's contract refuses it with a message. Other forms' date inputs are
 * unchanged; this is opt-in (`<DateInput {...typedDateInputProps(field)} />`).
 */
export function typedDateInputProps(field: DateField) {
  return {
    value: field.value !== null && isCalendarDate(field.value) ? field.value : null,
    onChange: (value: string | null) => field.onChange(value),
    dateParser: parseTypedDate,
    fixOnBlur: false,
    onBlur: (event: { currentTarget: { value: string } }) => {
      const text = event.currentTarget.value.trim();
      const next = text === '' ? null : (typedDateToIso(text) ?? text);
      if (next !== field.value) field.onChange(next);
      field.onBlur();
    },
  };
}
