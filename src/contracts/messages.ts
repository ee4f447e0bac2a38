import type { z } from 'zod';
import type { Message } from '../domain/errors.js';

/**
 * Bilingual validation messages. Custom checks carry their Vietnamese text in `params.vi`
 * (see `fail`); Zod's built-in checks are translated here, so server and web show the same words.
 */
export function issueMessage(issue: z.core.$ZodIssue): Message {
  if (issue.code === 'custom' && typeof issue.params?.vi === 'string') return { vi: issue.params.vi, en: issue.message };
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? { vi: 'Bắt buộc nhập.', en: 'Required.' }
        : { vi: `Sai kiểu dữ liệu (cần ${issue.expected}).`, en: `Expected ${issue.expected}.` };
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? { vi: 'Bắt buộc nhập.', en: 'Required.' }
          : { vi: `Cần ít nhất ${issue.minimum} ký tự.`, en: `At least ${issue.minimum} characters.` };
      if (issue.origin === 'array') return { vi: `Cần ít nhất ${issue.minimum} mục.`, en: `At least ${issue.minimum} items.` };
      return { vi: `Giá trị tối thiểu là ${issue.minimum}.`, en: `Must be at least ${issue.minimum}.` };
    case 'too_big':
      if (issue.origin === 'string') return { vi: `Tối đa ${issue.maximum} ký tự.`, en: `At most ${issue.maximum} characters.` };
      if (issue.origin === 'array') return { vi: `Tối đa ${issue.maximum} mục.`, en: `At most ${issue.maximum} items.` };
      return { vi: `Giá trị tối đa là ${issue.maximum}.`, en: `Must be at most ${issue.maximum}.` };
    case 'invalid_format':
      if (issue.format === 'email') return { vi: 'Địa chỉ email không hợp lệ.', en: 'Invalid e-mail address.' };
      if (issue.format === 'uuid') return { vi: 'Mã định danh không hợp lệ.', en: 'Invalid identifier.' };
      if (issue.format === 'date') return { vi: 'Ngày không hợp lệ (yyyy-mm-dd).', en: 'Invalid date (yyyy-mm-dd).' };
      return { vi: 'Định dạng không hợp lệ.', en: 'Invalid format.' };
    case 'invalid_value':
      if (issue.input === undefined || issue.input === null || issue.input === '') return { vi: 'Bắt buộc nhập.', en: 'Required.' };
      return { vi: `Giá trị không hợp lệ; chọn một trong: ${issue.values.join(', ')}.`, en: `Invalid value; expected one of: ${issue.values.join(', ')}.` };
    case 'invalid_union':
      return issue.input === undefined || issue.input === null
        ? { vi: 'Bắt buộc nhập.', en: 'Required.' }
        : { vi: 'Giá trị không hợp lệ.', en: 'Invalid value.' };
    case 'unrecognized_keys':
      return { vi: `Trường không được hỗ trợ: ${issue.keys.join(', ')}.`, en: `Unknown fields: ${issue.keys.join(', ')}.` };
    default:
      return { vi: 'Giá trị không hợp lệ.', en: issue.message || 'Invalid value.' };
  }
}

/** Adds a bilingual custom issue from a refinement. */
export function fail(ctx: z.core.$RefinementCtx, message: Message, path?: PropertyKey[]): void {
  ctx.addIssue({ code: 'custom', message: message.en, params: { vi: message.vi }, ...(path ? { path } : {}) });
}

/** Zod issues → `{ "field.path": message }`, first message per field. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, Message> {
  const out: Record<string, Message> = {};
  for (const issue of issues) {
    // An unknown field is named as a field of its own, so a client sees which value was refused.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of keys) out[path.map(String).join('.') || '_'] ??= issueMessage(issue);
  }
  return out;
}

/** Options for `.refine(…)` carrying a bilingual message. */
export const bilingual = (message: Message) => ({ message: message.en, params: { vi: message.vi } });
