import { isApiError } from '../../lib/api/client.js';
import { optionAppliesToCase, type CaseKey, type Criterion } from './criteria-tree.js';

/** What any score sheet's draft holds: the choices and the case they were made under. */
export type Choosing = { choices: Record<string, number>; case: CaseKey | null };

export const withChoice = <D extends Choosing>(draft: D, code: string, optionIndex: number): D => ({
  ...draft,
  choices: { ...draft.choices, [code]: optionIndex },
});

/** A new case drops the choices that belong to the other one, which the server would refuse. */
export function withCase<D extends Choosing>(draft: D, criteria: readonly Criterion[], caseKey: CaseKey | null): D {
  const byCode = new Map(criteria.map((criterion) => [criterion.code, criterion]));
  const choices = Object.fromEntries(
    Object.entries(draft.choices).filter(([code, index]) => {
      const option = byCode.get(code)?.options[index];
      return !option || optionAppliesToCase(option, caseKey);
    }),
  );
  return { ...draft, case: caseKey, choices };
}

const CHOICE_FIELD = /^choices\.(.+)$/u;

/** Criterion code → the server's message, from a refused save or completion (`choices.1.1`). */
export function criterionErrors(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fields)) {
    const code = CHOICE_FIELD.exec(field)?.[1];
    if (code) out[code] = message;
  }
  return out;
}
