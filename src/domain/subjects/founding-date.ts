/**
 * The founding date (ngày thành lập) of a subject: a real calendar day, not after today, not
 * before 1 January 1900.
 *
 * The lower bound is there to catch typing slips (1015 for 2015, 0215, a two-digit year read as
 * the first century), not to judge history. 2 September 1945 would be the obvious cut-off, but
 * OCOP subjects include family workshops and craft houses older than that, whose papers give
 * their real founding year; 1900 leaves room for them while any earlier date is far likelier a slip
 * than a fact (the office can still record an older tradition in the subject's description).
 *
 * "Today" is the date in Vietnam (UTC+7): a subject founded this morning in Hà Nội is not
 * "in the future" for a server whose clock runs on UTC.
 */

import type { Message } from '../errors.js';

export const EARLIEST_FOUNDING_DATE = '1900-01-01';

/** Whether yyyy-mm-dd names a day that exists (no 31 February, 29 February only in leap years). */
export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** What is wrong with a founding date (yyyy-mm-dd), or null when nothing is; `today` is yyyy-mm-dd in Vietnam. */
export function foundingDateProblem(iso: string, today: string): Message | null {
  if (!isCalendarDate(iso)) return { vi: 'Ngày không hợp lệ: không có ngày này trên lịch.', en: 'Invalid date: no such day on the calendar.' };
  if (iso > today) return { vi: 'Ngày thành lập không thể ở tương lai.', en: 'The founding date cannot be in the future.' };
  if (iso < EARLIEST_FOUNDING_DATE)
    return { vi: 'Ngày thành lập không thể trước năm 1900; vui lòng kiểm tra lại năm.', en: 'The founding date cannot be before 1900; please check the year.' };
  return null;
}
