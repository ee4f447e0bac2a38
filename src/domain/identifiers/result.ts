/**
 * Result shape shared by the identifier validators.
 *
 * Validators return a discriminated union instead of throwing, because bad input is the normal
 * case for them (form fields, spreadsheet imports). A failure carries a stable machine `code` for
 * the API and tests, and a bilingual message (the `Message` of ../errors.ts), ready to show.
 */

import type { Message } from '../errors.js';

export interface Invalid<Code extends string> {
  readonly ok: false;
  readonly code: Code;
  readonly message: Message;
}

export function failure<Code extends string>(code: Code, vi: string, en: string): Invalid<Code> {
  return { ok: false, code, message: { vi, en } };
}
