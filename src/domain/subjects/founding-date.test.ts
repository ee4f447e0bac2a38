import { describe, expect, it } from 'vitest';
import { EARLIEST_FOUNDING_DATE, foundingDateProblem, isCalendarDate } from './founding-date.js';

describe('isCalendarDate', () => {
  it.each([
    ['2015-03-20', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2023-02-29', false],
    ['2099-02-31', false],
    ['2015-04-31', false],
    ['2015-13-01', false],
    ['2015-00-10', false],
    ['2015-01-00', false],
    ['20/03/2015', false],
    ['2015-3-20', false],
    ['', false],
  ])('%s → %s', (iso, ok) => {
    expect(isCalendarDate(iso)).toBe(ok);
  });
});

describe('foundingDateProblem', () => {
  const today = '2026-12-04';
  it.each([
    ['2015-03-20', null],
    [today, null],
    [EARLIEST_FOUNDING_DATE, null],
    ['1906-01-01', null],
    ['2026-12-05', 'Ngày thành lập không thể ở tương lai.'],
    ['2099-01-01', 'Ngày thành lập không thể ở tương lai.'],
    ['1899-12-31', 'Ngày thành lập không thể trước năm 1900; vui lòng kiểm tra lại năm.'],
    ['1015-03-20', 'Ngày thành lập không thể trước năm 1900; vui lòng kiểm tra lại năm.'],
    ['2099-02-31', 'Ngày không hợp lệ: không có ngày này trên lịch.'],
    ['2015-02-30', 'Ngày không hợp lệ: không có ngày này trên lịch.'],
  ])('%s → %s', (iso, vi) => {
    expect(foundingDateProblem(iso, today)?.vi ?? null).toBe(vi);
  });

  it('speaks English too', () => {
    expect(foundingDateProblem('2099-01-01', today)?.en).toBe('The founding date cannot be in the future.');
  });
});
