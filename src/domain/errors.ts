/**
 * Typed errors raised by domain rules and services. One handler (src/server/plugins/errors.ts)
 * maps them to HTTP; the CLI prints them. Messages are bilingual because the same error reaches
 * a Vietnamese-speaking officer in the browser and an English-reading operator in a log.
 */
export type Message = { vi: string; en: string };
export type FieldErrors = Record<string, Message>;

export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'too_many_requests';

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly messages: Message,
    readonly fields: FieldErrors = {},
    /** A list of problems too long for field messages (e.g. every error in an imported file). */
    readonly details: readonly string[] = [],
  ) {
    super(messages.en);
  }
}

export const invalid = (code: string, messages: Message, fields: FieldErrors = {}, details: readonly string[] = []) =>
  new AppError('invalid', code, messages, fields, details);
export const forbidden = (messages: Message = { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' }) =>
  new AppError('forbidden', 'forbidden', messages);
export const notFound = (what: Message = { vi: 'bản ghi', en: 'record' }) =>
  new AppError('not_found', 'not_found', { vi: `Không tìm thấy ${what.vi}.`, en: `The ${what.en} was not found.` });
export const conflict = (code: string, messages: Message, fields: FieldErrors = {}) => new AppError('conflict', code, messages, fields);
export const unauthenticated = () => new AppError('unauthenticated', 'unauthenticated', { vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' });
