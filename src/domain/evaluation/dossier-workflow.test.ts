import { describe, expect, it } from 'vitest';
import { vietnamWorkingDays } from '../dates/holidays.js';
import { ANONYMOUS, type Actor, type UserActor } from '../policies/index.js';
import {
  availableActions,
  checkStep,
  checkTransition,
  communeAssessmentDue,
  DOSSIER_ACTIONS,
  hasMinistryPackage,
  isUnderReview,
  producerEdits,
  PRODUCER_EDIT_STATES,
  samplesRequired,
  type DossierAction,
  type DossierState,
} from './dossier-workflow.js';

const user = (role: UserActor['role'], extra: Partial<UserActor> = {}): UserActor => ({
  kind: 'user',
  userId: role,
  role,
  provinceCode: '82',
  communeCodes: [],
  subjectId: null,
  ...extra,
});
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
    ['the commune cannot propose to itself a not-proposed dossier', admin, 'receive', 'not_proposed', 'invalid_state'],
    ['the producer refiles a dossier its commune did not propose', producer, 'submit', 'not_proposed', true],
    ['province disqualifies a received dossier', admin, 'disqualify', 'received', true],
    ['nobody records a score by hand, not even the office', admin, 'record_score', 'in_council', 'forbidden'],
    ['nor the ministry', ministry, 'record_central_score', 'in_central_council', 'forbidden'],
    ['the ministry receives a forwarded dossier', ministry, 'ministry_receive', 'forwarded_to_ministry', true],
    ['a province cannot receive for the ministry', admin, 'ministry_receive', 'forwarded_to_ministry', 'forbidden'],
    ['the ministry puts it before the central council', ministry, 'send_to_central_council', 'ministry_received', true],
    ['the ministry decides a dossier its central council scored', ministry, 'ministry_decide', 'central_scored', true],
    ['not before its central council scored it', ministry, 'ministry_decide', 'forwarded_to_ministry', 'invalid_state'],
    ['a province cannot decide for the ministry', admin, 'ministry_decide', 'central_scored', 'forbidden'],
    ['nobody withdraws after scoring', producer, 'withdraw', 'scored', 'invalid_state'],
    ['the producer takes back its draft', producer, 'withdraw_draft', 'draft', true],
    ['so may the province’s office', admin, 'withdraw_draft', 'draft', true],
    ['not the commune', officer, 'withdraw_draft', 'draft', 'forbidden'],
    ['another producer cannot', otherProducer, 'withdraw_draft', 'draft', 'forbidden'],
    ['a filed dossier is no draft to take back', producer, 'withdraw_draft', 'submitted', 'invalid_state'],
    ['a draft is taken back, not withdrawn from the evaluation', producer, 'withdraw', 'draft', 'invalid_state'],
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

  it('lets only the council’s closing session record a score, held while evidence questions are open', () => {
    expect(checkStep(['council'], at('in_council'), 'record_score', { openQuestions: 2, councilScore: 80 })).toMatchObject({ reason: 'open_questions' });
    expect(checkStep(['council'], at('in_council'), 'record_score', { openQuestions: 0 })).toMatchObject({ reason: 'no_score' });
    expect(checkStep(['council'], at('in_council'), 'record_score', { openQuestions: 0, councilScore: 80 })).toEqual({ ok: true, to: 'scored' });
    expect(checkStep(['council'], at('in_central_council'), 'record_central_score', { councilScore: 93 })).toEqual({ ok: true, to: 'central_scored' });
  });

  it('sends the commune’s "not propose" back to the producer, with its reasons (Art. 7.2b)', () => {
    expect(checkTransition(officer, at('submitted'), 'assess', { conclusion: 'not_propose' })).toMatchObject({ reason: 'comment_required' });
    expect(checkTransition(officer, at('submitted'), 'assess', { conclusion: 'not_propose', comment: 'Nguyên liệu không có nguồn gốc địa phương' })).toEqual({
      ok: true,
      to: 'not_proposed',
    });
    expect(checkTransition(officer, at('submitted'), 'assess', { conclusion: 'propose' })).toEqual({ ok: true, to: 'commune_assessed' });
  });

  it('disqualifies on receipt a dossier filed without a disqualifying paper (Phụ lục II)', () => {
    const foodSafety = [{ vi: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', en: 'Food-safety facility certificate' }];
    expect(checkTransition(admin, at('commune_assessed'), 'receive', { disqualifyingPapers: foodSafety })).toEqual({ ok: true, to: 'disqualified' });
    expect(checkTransition(admin, at('commune_assessed'), 'receive', { disqualifyingPapers: [] })).toEqual({ ok: true, to: 'received' });
  });

  it('puts a dossier before the council only with every required paper (Art. 7.3a)', () => {
    const missing = [{ vi: 'Phiếu kết quả kiểm nghiệm định kỳ', en: 'Periodic test report' }];
    const check = checkTransition(admin, at('received'), 'send_to_council', { missingPapers: missing });
    expect(check).toMatchObject({ ok: false, reason: 'papers_missing' });
    expect(!check.ok && check.message.vi).toContain('Phiếu kết quả kiểm nghiệm định kỳ');
    expect(checkTransition(admin, at('received'), 'send_to_council', { missingPapers: [] })).toEqual({ ok: true, to: 'in_council' });
  });

  it('sends 90 points with the 5★ minimums to the ministry through an approval, not a 4★ recognition (Art. 7.3e)', () => {
    expect(checkTransition(admin, at('scored'), 'decide', { councilScore: 92, councilStar: 5 })).toMatchObject({ reason: 'ministry_route' });
    expect(checkTransition(admin, at('scored'), 'decide', { councilScore: 92, councilStar: 4 })).toEqual({ ok: true, to: 'decided' });
    expect(checkTransition(admin, at('scored'), 'approve', { councilScore: 92, councilStar: 5 })).toEqual({ ok: true, to: 'approved' });
    expect(checkTransition(admin, at('scored'), 'approve', { councilScore: 89.99, councilStar: 4 })).toMatchObject({ reason: 'below_ministry_threshold' });
    expect(checkTransition(admin, at('scored'), 'approve', { councilScore: 92, councilStar: 4 })).toMatchObject({ reason: 'below_ministry_threshold' });
    expect(checkTransition(admin, at('approved'), 'forward_to_ministry')).toEqual({ ok: true, to: 'forwarded_to_ministry' });
  });

  it('lets the province recognise 3–4★ after the ministry did not give 5★, not after it did', () => {
    expect(checkTransition(admin, at('ministry_decided'), 'decide', { decidedStar: null })).toEqual({ ok: true, to: 'decided' });
    expect(checkTransition(admin, at('ministry_decided'), 'decide', { decidedStar: 5 })).toMatchObject({ reason: 'already_recognised' });
  });

  it('does not file a dossier whose self-assessment is missing or unfinished (Art. 6.1)', () => {
    const blockers = [{ vi: 'phiếu tự đánh giá (Mẫu 02) chưa hoàn thành', en: 'the self-assessment (Form 02) is not completed yet' }];
    const check = checkTransition(producer, at('draft'), 'submit', { submitBlockers: blockers });
    expect(check).toMatchObject({ ok: false, reason: 'not_ready' });
    expect(!check.ok && check.message.vi).toBe('Hồ sơ chưa nộp được: phiếu tự đánh giá (Mẫu 02) chưa hoàn thành');
    expect(checkTransition(producer, at('returned'), 'resubmit', { submitBlockers: blockers })).toMatchObject({ reason: 'not_ready' });
    expect(availableActions(producer, at('draft'), { submitBlockers: blockers })).toEqual(['withdraw_draft']);
    expect(checkTransition(producer, at('draft'), 'withdraw_draft', { submitBlockers: blockers })).toEqual({ ok: true, to: 'withdrawn' });
  });

  it('lists what each party may do now', () => {
    expect(availableActions(producer, at('draft'))).toEqual(['submit', 'withdraw_draft']);
    expect(availableActions(officer, at('submitted'))).toEqual(['assess']);
    expect(availableActions(admin, at('received'))).toEqual(['return', 'disqualify', 'send_to_council', 'withdraw']);
    expect(availableActions(admin, at('in_council'))).toEqual(['withdraw']);
    expect(availableActions(ministry, at('forwarded_to_ministry'))).toEqual(['ministry_receive']);
    expect(availableActions(council, at('received'))).toEqual([]);
  });

  it('gives the commune 15 working days', () => {
    // Submitted Monday 07/12/2026: 15 working days later is Monday 28/12/2026.
    expect(communeAssessmentDue('2026-12-07')).toBe('2026-12-28');
    expect(communeAssessmentDue('2026-12-07', vietnamWorkingDays([{ date: '2026-12-24', kind: 'day_off' }]))).toBe('2026-12-29');
  });

  it('asks five samples, none for tourism services', () => {
    expect(samplesRequired(7)).toBe(5);
    expect(samplesRequired(26)).toBe(0);
  });
});

describe('the states the server and the web app both read (Art. 6.1, 6.3a, 7.3c–e, 7.4c–d)', () => {
  it('lets the producer assemble the papers exactly where it files from (submit, resubmit)', () => {
    expect([...PRODUCER_EDIT_STATES].sort()).toEqual([...DOSSIER_ACTIONS.submit.from, ...DOSSIER_ACTIONS.resubmit.from].sort());
    expect(producerEdits('returned')).toBe(true);
    expect(producerEdits('submitted')).toBe(false);
  });

  it('is under review at the province and the ministry until each council has scored', () => {
    expect(['received', 'resubmitted', 'in_council', 'ministry_received', 'in_central_council'].every(isUnderReview)).toBe(true);
    expect(['submitted', 'scored', 'forwarded_to_ministry', 'central_scored', 'decided'].some(isUnderReview)).toBe(false);
  });

  it('has a package for the ministry from the Chair’s approval on, not for a province-only decision', () => {
    expect(['approved', 'forwarded_to_ministry', 'ministry_decided'].every(hasMinistryPackage)).toBe(true);
    expect(['scored', 'decided'].some(hasMinistryPackage)).toBe(false);
  });
});
