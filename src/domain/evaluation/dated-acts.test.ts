import { describe, expect, it } from 'vitest';
import { checkActDate, checkActOrder, checkDayReached } from './dated-acts.js';

const decision = (date: string) => ({ date, label: { vi: 'ngày ký quyết định', en: 'decision date' } });
const session = { date: '2027-05-20', label: { vi: 'ngày hội đồng họp', en: 'council session' } };
const approval = { date: '2027-06-02', label: { vi: 'ngày phê duyệt kết quả của tỉnh', en: 'province’s approval' } };
const today = '2027-06-10';

describe('dated acts follow the acts they depend on and never lie ahead', () => {
  it.each([
    ['before the session', '2027-05-19', false],
    ['on the day of the session', '2027-05-20', true],
    ['after the session', '2027-05-21', true],
    ['today', '2027-06-10', true],
    ['tomorrow', '2027-06-11', false],
  ])('a decision dated %s', (_label, date, ok) => expect(checkActDate(decision(date), today, [session]).ok).toBe(ok));

  it('checks every act depended on, in turn, and says which one in both languages', () => {
    const check = checkActDate(decision('2027-05-25'), today, [session, approval]);
    expect(check).toEqual({
      ok: false,
      message: {
        vi: 'Ngày ký quyết định (25/05/2027) không được trước ngày phê duyệt kết quả của tỉnh (02/06/2027).',
        en: 'The decision date (25/05/2027) cannot be earlier than the province’s approval (02/06/2027).',
      },
    });
    expect(checkActDate(decision('2027-06-11'), today, [session])).toMatchObject({
      ok: false,
      message: { vi: 'Ngày ký quyết định (11/06/2027) không được sau ngày hôm nay (10/06/2027).' },
    });
  });

  it('ignores acts not taken (no date)', () => {
    expect(checkActDate(decision('2027-05-01'), today, [{ date: null, label: session.label }])).toEqual({ ok: true });
  });

  it('lets a planned act lie ahead, but not before what it depends on', () => {
    expect(checkActOrder({ date: '2028-01-01', label: session.label }, [approval]).ok).toBe(true);
    expect(checkActOrder({ date: '2027-06-01', label: session.label }, [approval]).ok).toBe(false);
  });

  it('waits for a planned day: before, on and after it', () => {
    expect(checkDayReached(session, '2027-05-19').ok).toBe(false);
    expect(checkDayReached(session, '2027-05-20').ok).toBe(true);
    expect(checkDayReached(session, '2027-05-21').ok).toBe(true);
  });
});
