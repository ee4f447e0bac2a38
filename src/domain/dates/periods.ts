import type { FieldErrors, Message } from '../errors.js';

/**
 * Dates of the programme's records (ISO 'YYYY-MM-DD'): a period ends on or after its start, and a
 * record of something done (an event held, a grant paid, a course taught) is not dated after today.
 */
export function periodProblems(
  period: { start: string; end: string },
  fieldNames: { start: string; end: string },
  today: string,
  options: { mayBeFuture: boolean },
): FieldErrors {
  const fields: FieldErrors = {};
  if (period.end < period.start)
    fields[fieldNames.end] = { vi: 'Ngày kết thúc không được trước ngày bắt đầu.', en: 'The end date cannot be before the start date.' };
  if (!options.mayBeFuture && period.start > today) fields[fieldNames.start] = notInFuture;
  return fields;
}

export const notInFuture: Message = { vi: 'Ngày này chưa đến; chỉ ghi việc đã diễn ra.', en: 'This date has not come yet; record only what has happened.' };

/** A date of something done: not after today. */
export const pastDateProblem = (date: string | null | undefined, today: string): Message | null => (date && date > today ? notInFuture : null);
