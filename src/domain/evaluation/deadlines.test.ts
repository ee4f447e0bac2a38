import { describe, expect, it } from 'vitest';
import { overdueDeadlines, stageDeadline, type DossierDates } from './deadlines.js';

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

describe('the deadline of the dossier’s current stage (the list’s column)', () => {
  const at = (d: Partial<DossierDates>, today: string) => stageDeadline({ ...base, ...d }, today);

  it.each([
    ['before', '2027-02-09', false],
    ['on', '2027-02-10', false],
    ['after', '2027-02-11', true],
  ])('a commune due 10/02 is overdue %s the day: %s', (_label, today, overdue) =>
    expect(at({ state: 'submitted', kind: 'first', communeDueOn: '2027-02-10', receivedOn: null }, today)).toEqual({
      rule: 'commune_assessment',
      dueOn: '2027-02-10',
      overdue,
    }),
  );

  it('takes the earliest deadline running: a re-rating’s 45 days before its round’s result date', () => {
    expect(at({}, '2027-04-15')).toEqual({ rule: 'rerating_45_days', dueOn: '2027-04-15', overdue: false });
    expect(at({}, '2027-04-16')).toMatchObject({ rule: 'rerating_45_days', overdue: true });
    expect(at({ receivedOn: '2027-06-01' }, '2027-07-01')).toEqual({ rule: 'round_result', dueOn: '2027-06-30', overdue: true });
    expect(at({ kind: 'first' }, '2027-06-30')).toEqual({ rule: 'round_result', dueOn: '2027-06-30', overdue: false });
  });

  it('has none for a draft, a dossier waiting for the province, or one at rest', () => {
    for (const state of ['draft', 'commune_assessed', 'decided', 'withdrawn'] as const) expect(at({ state }, '2030-01-01')).toBeNull();
    expect(at({ state: 'submitted', communeDueOn: null }, '2030-01-01')).toBeNull();
  });
});
