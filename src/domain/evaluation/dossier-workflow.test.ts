import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Actor, type UserActor } from '../policies/index.js';
import { availableActions, checkTransition, communeAssessmentDue, samplesRequired, type DossierAction, type DossierState } from './dossier-workflow.js';

const user = (role: UserActor['role'], extra: Partial<UserActor> = {}): UserActor => ({ kind: 'user', userId: role, role, provinceCode: '82', communeCodes: [], subjectId: null, ...extra });
const producer = user('producer', { subjectId: 's1' });
const otherProducer = user('producer', { subjectId: 's2' });
const officer = user('officer', { communeCodes: ['30037'] });
const otherOfficer = user('officer', { communeCodes: ['29905'] });
const admin = user('admin');
const otherProvince = user('admin', { provinceCode: '01' });
const ministry = user('admin', { provinceCode: null });
const council = user('council');
const at = (state: DossierState) => ({ id: 's1', provinceCode: '82', communeCode: '30037', state });

describe('dossier workflow (Art. 6–7, Decision 26/2026/QĐ-TTg)', () => {
  it.each<[string, Actor, DossierAction, DossierState, string | true]>([
    ['producer submits its draft', producer, 'submit', 'draft', true],
    ['officer of the commune files it for the producer', officer, 'submit', 'draft', true],
    ['another producer cannot', otherProducer, 'submit', 'draft', 'forbidden'],
    ['commune officer assesses', officer, 'assess', 'submitted', true],
    ['officer of another commune cannot assess', otherOfficer, 'assess', 'submitted', 'forbidden'],
    ['producer cannot assess itself', producer, 'assess', 'submitted', 'forbidden'],
    ['province receives an assessed dossier', admin, 'receive', 'commune_assessed', true],
    ['another province cannot', otherProvince, 'receive', 'commune_assessed', 'forbidden'],
    ['the province cannot receive before the commune assessed', admin, 'receive', 'submitted', 'invalid_state'],
    ['producer resubmits a returned dossier', producer, 'resubmit', 'returned', true],
    ['province takes a resubmission back in', admin, 'receive', 'resubmitted', true],
    ['province sends a received dossier to the council', admin, 'send_to_council', 'received', true],
    ['a council member does not move dossiers', council, 'send_to_council', 'received', 'forbidden'],
    ['province decides a scored dossier', admin, 'decide', 'scored', true],
    ['the ministry decides a forwarded dossier', ministry, 'ministry_decide', 'forwarded_to_ministry', true],
    ['a province cannot decide for the ministry', admin, 'ministry_decide', 'forwarded_to_ministry', 'forbidden'],
    ['nobody withdraws after scoring', producer, 'withdraw', 'scored', 'invalid_state'],
    ['the public does nothing', ANONYMOUS, 'submit', 'draft', 'forbidden'],
  ])('%s', (_label, actor, action, state, expected) => {
    const check = checkTransition(actor, at(state), action, { comment: 'lý do' });
    expect(check.ok ? true : check.reason).toBe(expected);
  });

  it('requires a reason to return or withdraw a dossier', () => {
    expect(checkTransition(admin, at('received'), 'return', {})).toMatchObject({ ok: false, reason: 'comment_required' });
    expect(checkTransition(admin, at('received'), 'return', { comment: 'Thiếu phiếu kiểm nghiệm' })).toEqual({ ok: true, to: 'returned' });
    expect(checkTransition(producer, at('in_council'), 'withdraw', { comment: '  ' })).toMatchObject({ reason: 'comment_required' });
  });

  it('holds scoring while evidence questions are open, and needs a council result', () => {
    expect(checkTransition(admin, at('in_council'), 'record_score', { openQuestions: 2, councilScore: 80 })).toMatchObject({ reason: 'open_questions' });
    expect(checkTransition(admin, at('in_council'), 'record_score', { openQuestions: 0 })).toMatchObject({ reason: 'no_score' });
    expect(checkTransition(admin, at('in_council'), 'record_score', { openQuestions: 0, councilScore: 80 })).toEqual({ ok: true, to: 'scored' });
  });

  it('lets the province recognise 3–4★ after the ministry did not give 5★, not after it did', () => {
    expect(checkTransition(admin, at('ministry_decided'), 'decide', { decidedStar: null })).toEqual({ ok: true, to: 'decided' });
    expect(checkTransition(admin, at('ministry_decided'), 'decide', { decidedStar: 5 })).toMatchObject({ reason: 'already_recognised' });
  });

  it('forwards only products scoring 90 or more to the ministry', () => {
    expect(checkTransition(admin, at('decided'), 'forward_to_ministry', { councilScore: 89.99 })).toMatchObject({ reason: 'below_ministry_threshold' });
    expect(checkTransition(admin, at('decided'), 'forward_to_ministry', { councilScore: 90 })).toEqual({ ok: true, to: 'forwarded_to_ministry' });
  });

  it('lists what each party may do now', () => {
    expect(availableActions(producer, at('draft'))).toEqual(['submit', 'withdraw']);
    expect(availableActions(officer, at('submitted'))).toEqual(['assess']);
    expect(availableActions(admin, at('received'))).toEqual(['return', 'send_to_council', 'withdraw']);
    expect(availableActions(council, at('received'))).toEqual([]);
  });

  it('gives the commune 15 working days', () => {
    // Submitted Monday 07/12/2026: 15 working days later is Monday 28/12/2026.
    expect(communeAssessmentDue('2026-12-07')).toBe('2026-12-28');
    expect(communeAssessmentDue('2026-12-07', new Set(['2026-12-24']))).toBe('2026-12-29');
  });

  it('asks five samples, none for tourism services', () => {
    expect(samplesRequired(7)).toBe(5);
    expect(samplesRequired(26)).toBe(0);
  });
});
