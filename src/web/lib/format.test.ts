import { afterEach, describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDateTime, formatNumber, formatPoints, formatTime, formatVnd, orDash, todayInVietnam } from './format.js';

describe('display formats', () => {
  it('shows dates as dd/mm/yyyy', () => {
    expect(formatDate('2026-03-05')).toBe('05/03/2026');
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime('2026-03-05T07:07:00Z')).toBe('05/03/2026 14:07');
  });

  it('groups numbers and money the Vietnamese way', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatVnd(150000).replace(/\s/gu, ' ')).toBe('150.000 ₫');
    expect(formatBytes(2048)).toBe('2 KB');
  });

  it('writes points with a decimal comma', () => {
    expect(formatPoints(98)).toBe('98');
    expect(formatPoints(72.5)).toBe('72,5');
    expect(formatPoints(66.666)).toBe('66,67');
    expect(formatPoints(null)).toBe('—');
  });

  it('prints scores with only the decimals needed, never "79.00"', () => {
    expect(formatPoints(79)).toBe('79');
    expect(formatPoints(79.0)).toBe('79');
    expect(formatPoints('79.00')).toBe('79');
    expect(formatPoints('77.50')).toBe('77,5');
    expect(formatPoints(77.5)).toBe('77,5');
    expect(formatPoints(100)).toBe('100');
    expect(formatPoints(0)).toBe('0');
    expect(formatPoints('')).toBe('—');
  });

  it('uses a dash for missing values', () => {
    expect(orDash('')).toBe('—');
    expect(orDash(undefined)).toBe('—');
    expect(orDash(0)).toBe('0');
  });
});

describe('programme times in Asia/Ho_Chi_Minh whatever the browser zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  // 07:41 UTC is 14:41 in Việt Nam; a browser in Los Angeles would otherwise show 23:41 the day before.
  const instant = '2026-12-04T07:41:00.000Z';

  it.each(['America/Los_Angeles', 'Europe/Berlin', 'UTC', 'Asia/Ho_Chi_Minh'])('shows the Vietnamese wall clock with TZ=%s', (zone) => {
    process.env.TZ = zone;
    if (zone === 'America/Los_Angeles') expect(new Date(instant).getHours()).toBe(23); // the zone really changed
    expect(formatDateTime(instant)).toBe('04/12/2026 14:41');
    expect(formatTime(instant)).toBe('14:41');
    expect(formatDate(instant)).toBe('04/12/2026');
  });

  it('keeps calendar dates as written and gives the day in Việt Nam across midnight', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(formatDate('2026-12-04')).toBe('04/12/2026');
    // 18:30 UTC on the 3rd is already 01:30 on the 4th in Việt Nam.
    expect(formatDateTime('2026-12-03T18:30:00Z')).toBe('04/12/2026 01:30');
    expect(todayInVietnam(new Date('2026-12-03T18:30:00Z'))).toBe('2026-12-04');
  });

  it('leaves text that is no date unchanged', () => {
    expect(formatDateTime('không rõ')).toBe('không rõ');
    expect(formatDateTime(null)).toBe('—');
  });
});
