import { describe, expect, it } from 'vitest';
import { overdueDeadlines, type DossierDates } from './deadlines.js';

const base: DossierDates = { kind: 'rerating', state: 'in_council', communeDueOn: null, receivedOn: '2027-03-01', roundResultDeadline: '2027-06-30' };
const rules = (d: Partial<DossierDates>, today: string) => overdueDeadlines({ ...base, ...d }, today).map((o) => o.rule);

describe('deadlines on the work list (Art. 5, 7.2, 7.6g)', () => {
  it.each([
    ['the day before the 45th', '2027-04-14', []],
    ['on the 45th day', '2027-04-15', []],
    ['the day after', '2027-04-16', ['rerating_45_days']],
  ])('a re-rating received 01/03 is %s: %o', (_label, today, expected) => expect(rules({}, today)).toEqual(expected));

  it('gives a first evaluation no 45 days, but its round’s result date', () => {
    expect(rules({ kind: 'first' }, '2027-06-30')).toEqual([]);
    expect(rules({ kind: 'first' }, '2027-07-01')).toEqual(['round_result']);
  });

  it('flags a commune past its 15 working days, and nothing once decided', () => {
    expect(rules({ state: 'submitted', communeDueOn: '2027-02-10', receivedOn: null }, '2027-02-10')).toEqual([]);
    expect(rules({ state: 'submitted', communeDueOn: '2027-02-10', receivedOn: null }, '2027-02-11')).toEqual(['commune_assessment']);
    expect(rules({ state: 'decided' }, '2028-01-01')).toEqual([]);
  });
});
