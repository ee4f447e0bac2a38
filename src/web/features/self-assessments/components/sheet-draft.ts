import { isApiError } from '../../../lib/api/client.js';
import { optionFitsCase, type CaseKey, type Criterion } from '../../criteria/index.js';
import type { DraftBody, SelfAssessment } from '../api/self-assessments.js';

/** What the user edits on a sheet; the server computes everything else (progress, result) from it. */
export type SheetDraft = { choices: Record<string, number>; case: CaseKey | null; notes: Record<string, string>; generalNote: string };

export function draftOf(sheet: SelfAssessment): SheetDraft {
  // A sheet saved through the API without a declared case takes the case of its options.
  return { choices: { ...sheet.choices }, case: sheet.case ?? sheet.progress.case, notes: { ...sheet.notes }, generalNote: sheet.generalNote ?? '' };
}

/** The whole draft each time: the server replaces notes it is not sent. */
export function toDraftBody(draft: SheetDraft): DraftBody {
  return { choices: draft.choices, case: draft.case, notes: draft.notes, generalNote: draft.generalNote.trim() === '' ? null : draft.generalNote };
}

/** What any score sheet's draft holds: the choices and the case they were made under. */
export type Choosing = { choices: Record<string, number>; case: CaseKey | null };

export const withChoice = <D extends Choosing>(draft: D, code: string, optionIndex: number): D => ({
  ...draft,
  choices: { ...draft.choices, [code]: optionIndex },
});

export const withNote = (draft: SheetDraft, code: string, text: string): SheetDraft => ({ ...draft, notes: { ...draft.notes, [code]: text } });

/** A new case drops the choices that belong to the other one, which the server would refuse. */
export function withCase<D extends Choosing>(draft: D, criteria: readonly Criterion[], caseKey: CaseKey | null): D {
  const choices = { ...draft.choices };
  for (const criterion of criteria) {
    const index = choices[criterion.code];
    const option = index === undefined ? undefined : criterion.options[index];
    if (option && !optionFitsCase(option, caseKey)) delete choices[criterion.code];
  }
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
