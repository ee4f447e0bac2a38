/**
 * Result shape shared by the identifier validators.
 *
 * Validators return a discriminated union instead of throwing, because bad input is the normal
 * case for them (form fields, spreadsheet imports). Failures carry a stable machine `code` for
 * the API and tests, and a message in both Vietnamese and English, ready to show.
 */

export interface LocalizedMessage {
  readonly vi: string;
  readonly en: string;
}

export interface Invalid<Code extends string> {
  readonly ok: false;
  readonly code: Code;
  readonly message: LocalizedMessage;
}

export function invalid<Code extends string>(code: Code, vi: string, en: string): Invalid<Code> {
  return { ok: false, code, message: { vi, en } };
}
