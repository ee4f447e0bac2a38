import { addWorkingDays, type IsoDate, type WorkingDays } from '../dates/calendar.js';
import { vietnamWorkingDays } from '../dates/holidays.js';
import type { Message } from '../errors.js';
import { partiesOf, type Actor, type Party, type SubjectRef } from '../policies/index.js';

export type { Party };

/**
 * The life of a dossier (hồ sơ), Art. 6–7 of Decision 26/2026/QĐ-TTg: the producer files it with the
 * commune; the commune assesses it (Mẫu 03) and proposes it to the province, or returns it with its
 * reasons; the province receives it, may return it for completion or disqualify it, puts it before
 * its council, and decides 3★/4★ on the council's result. A product of 90 points or more goes on:
 * the provincial Chair approves the result, the province forwards the package, the ministry receives
 * it, its central council scores it and the Minister decides 5★ (Art. 7.3e, 7.4).
 */
export const DOSSIER_STATES = [
  'draft',
  'submitted',
  'not_proposed',
  'commune_assessed',
  'received',
  'returned',
  'resubmitted',
  'disqualified',
  'in_council',
  'scored',
  'decided',
  'approved',
  'forwarded_to_ministry',
  'ministry_received',
  'in_central_council',
  'central_scored',
  'ministry_decided',
  'withdrawn',
] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];

export const DOSSIER_KINDS = ['first', 'upgrade', 'rerating'] as const;
export type DossierKind = (typeof DOSSIER_KINDS)[number];

export const DOSSIER_STATE_LABELS: Record<DossierState, Message> = {
  draft: { vi: 'Đang soạn', en: 'Draft' },
  submitted: { vi: 'Đã nộp xã', en: 'Submitted to the commune' },
  not_proposed: { vi: 'Xã không đề nghị', en: 'Not proposed by the commune' },
  commune_assessed: { vi: 'Xã đã đề nghị', en: 'Proposed by the commune' },
  received: { vi: 'Tỉnh đã tiếp nhận', en: 'Received by the province' },
  returned: { vi: 'Trả lại để bổ sung', en: 'Returned for completion' },
  resubmitted: { vi: 'Đã nộp bổ sung', en: 'Resubmitted' },
  disqualified: { vi: 'Hồ sơ bị loại', en: 'Disqualified' },
  in_council: { vi: 'Đang đánh giá tại hội đồng', en: 'Before the council' },
  scored: { vi: 'Hội đồng đã chấm', en: 'Scored' },
  decided: { vi: 'Đã có quyết định', en: 'Decided' },
  approved: { vi: 'Đã phê duyệt kết quả (đề nghị 5 sao)', en: 'Result approved (for 5★)' },
  forwarded_to_ministry: { vi: 'Đã gửi Bộ (5 sao)', en: 'Forwarded to the ministry' },
  ministry_received: { vi: 'Bộ đã tiếp nhận', en: 'Received by the ministry' },
  in_central_council: { vi: 'Đang đánh giá tại Hội đồng cấp trung ương', en: 'Before the central council' },
  central_scored: { vi: 'Hội đồng cấp trung ương đã chấm', en: 'Scored by the central council' },
  ministry_decided: { vi: 'Bộ đã quyết định', en: 'Decided by the ministry' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
};

export const DOSSIER_ACTIONS = {
  submit: { from: ['draft', 'not_proposed'], to: 'submitted', by: ['producer', 'commune_officer'] },
  // Art. 7.2b: the commune proposes (Mẫu 03 and its letter) or, concluding "not propose", returns it.
  assess: { from: ['submitted'], to: 'commune_assessed', by: ['commune_officer'] },
  receive: { from: ['commune_assessed', 'resubmitted'], to: 'received', by: ['province_admin'] },
  return: { from: ['received', 'resubmitted'], to: 'returned', by: ['province_admin'], needsComment: true },
  resubmit: { from: ['returned'], to: 'resubmitted', by: ['producer', 'commune_officer'] },
  // Phụ lục II, every sheet: "Hồ sơ bị loại khi…" (forged papers…; a missing disqualifying paper is caught on receipt).
  disqualify: { from: ['received', 'resubmitted'], to: 'disqualified', by: ['province_admin'], needsComment: true },
  send_to_council: { from: ['received'], to: 'in_council', by: ['province_admin'] },
  record_score: { from: ['in_council'], to: 'scored', by: ['council'] },
  // From 'ministry_decided' too: below 90 at the ministry, the province may still recognise 3★/4★ (Art. 7.4).
  decide: { from: ['scored', 'ministry_decided'], to: 'decided', by: ['province_admin'] },
  // Art. 7.3e: at 90 points or more the provincial Chair approves the result (no certificate yet).
  approve: { from: ['scored'], to: 'approved', by: ['province_admin'] },
  forward_to_ministry: { from: ['approved'], to: 'forwarded_to_ministry', by: ['province_admin'] },
  ministry_receive: { from: ['forwarded_to_ministry'], to: 'ministry_received', by: ['ministry_admin'] },
  send_to_central_council: { from: ['ministry_received'], to: 'in_central_council', by: ['ministry_admin'] },
  record_central_score: { from: ['in_central_council'], to: 'central_scored', by: ['council'] },
  ministry_decide: { from: ['central_scored'], to: 'ministry_decided', by: ['ministry_admin'] },
  // A filed dossier leaves the evaluation with a reason; its filing stays as it was.
  withdraw: {
    from: ['submitted', 'not_proposed', 'commune_assessed', 'received', 'returned', 'resubmitted', 'in_council'],
    to: 'withdrawn',
    by: ['producer', 'province_admin'],
    needsComment: true,
  },
  // A draft never filed: its producer (or the office) takes it back; it leaves the lists, no reason needed.
  withdraw_draft: { from: ['draft'], to: 'withdrawn', by: ['producer', 'province_admin'] },
} as const satisfies Record<string, { from: readonly DossierState[]; to: DossierState; by: readonly Party[]; needsComment?: boolean }>;
export type DossierAction = keyof typeof DOSSIER_ACTIONS;

/** Steps recorded by a decision (recognition or approval), never through the workflow endpoint. */
export const DECISION_ACTIONS: readonly DossierAction[] = ['decide', 'approve', 'ministry_decide'];
/** Steps only a council's closing session takes. */
export const COUNCIL_ACTIONS: readonly DossierAction[] = ['record_score', 'record_central_score'];

/** States at the ministry's stage (Art. 7.4): its office reviews and its central council scores. */
export const MINISTRY_STATES: readonly DossierState[] = ['forwarded_to_ministry', 'ministry_received', 'in_central_council', 'central_scored'];
export const isAtMinistry = (state: string) => (MINISTRY_STATES as readonly string[]).includes(state);

/** Dossiers at rest: a product has at most one dossier outside these at a time. */
export const CLOSED_STATES: readonly DossierState[] = ['decided', 'ministry_decided', 'disqualified', 'withdrawn'];

/**
 * Art. 7.3c–d, 7.4c–d: under review — at the province before and during its council, at the
 * ministry before and during the central council. Questions on evidence are asked then.
 */
export const UNDER_REVIEW_STATES: readonly DossierState[] = ['received', 'resubmitted', 'in_council', 'ministry_received', 'in_central_council'];
export const isUnderReview = (state: string) => (UNDER_REVIEW_STATES as readonly string[]).includes(state);

/** Art. 6.3a, 7.3e: from the provincial Chair's approval of the result on, the dossier has a package for the ministry. */
export const PACKAGED_STATES: readonly DossierState[] = [
  'approved',
  'forwarded_to_ministry',
  'ministry_received',
  'in_central_council',
  'central_scored',
  'ministry_decided',
];
export const hasMinistryPackage = (state: string) => (PACKAGED_STATES as readonly string[]).includes(state);

/** Art. 6.1: the producer puts the dossier's papers together before filing it, or to file it again (submit, resubmit). */
export const PRODUCER_EDIT_STATES: readonly DossierState[] = ['draft', 'not_proposed', 'returned'];
export const producerEdits = (state: string) => (PRODUCER_EDIT_STATES as readonly string[]).includes(state);

export type DossierRef = SubjectRef & { state: DossierState };

/** Facts beyond the dossier's state that some steps depend on. */
export type TransitionFacts = {
  comment?: string | null | undefined;
  /** The commune's conclusion in Mẫu 03 (assess). */
  conclusion?: 'propose' | 'not_propose' | undefined;
  /** Required papers missing from what the dossier was filed with (send_to_council). */
  missingPapers?: readonly Message[] | undefined;
  /** Of those, the ones whose absence disqualifies the dossier (receive). */
  disqualifyingPapers?: readonly Message[] | undefined;
  /** Questions on evidence still open: they hold a dossier from being scored. */
  openQuestions?: number | undefined;
  /** The council's mean score and the star its sheets earned, once the council has a result. */
  councilScore?: number | null | undefined;
  councilStar?: number | null | undefined;
  /** The star already recognised on the dossier (the ministry's, after its decision). */
  decidedStar?: number | null | undefined;
  /** What keeps the dossier from being filed (submit, resubmit): see `submitBlockers`. */
  submitBlockers?: readonly Message[] | undefined;
};

export type TransitionFailure =
  | 'forbidden'
  | 'invalid_state'
  | 'comment_required'
  | 'papers_missing'
  | 'open_questions'
  | 'below_ministry_threshold'
  | 'ministry_route'
  | 'no_score'
  | 'already_recognised'
  | 'not_ready';
export type TransitionCheck = { ok: true; to: DossierState } | { ok: false; reason: TransitionFailure; message: Message };

/** Score from which the province sends a product to the ministry for 5★ (Art. 3.3a, 7.3e). */
export const MINISTRY_THRESHOLD = 90;

/** Whether the council's result puts the product on the ministry's road: 90 points and a 5★ sheet result. */
export const goesToMinistry = (councilScore: number | null | undefined, councilStar: number | null | undefined) =>
  councilScore != null && councilScore >= MINISTRY_THRESHOLD && councilStar === 5;

const fail = (reason: TransitionFailure, vi: string, en: string): TransitionCheck => ({ ok: false, reason, message: { vi, en } });

/** Whether parties may take `action` on the dossier now, and the state it leads to. */
export function checkStep(parties: readonly Party[], dossier: DossierRef, action: DossierAction, facts: TransitionFacts = {}): TransitionCheck {
  const rule = DOSSIER_ACTIONS[action];
  if (!rule.by.some((p) => parties.includes(p)))
    return fail('forbidden', 'Bạn không có quyền thực hiện bước này với hồ sơ.', 'You may not take this step on the dossier.');
  if (!(rule.from as readonly DossierState[]).includes(dossier.state))
    return fail(
      'invalid_state',
      `Không thể thực hiện khi hồ sơ ở trạng thái "${DOSSIER_STATE_LABELS[dossier.state].vi}".`,
      `Not possible while the dossier is "${DOSSIER_STATE_LABELS[dossier.state].en}".`,
    );
  // Art. 6.1: the dossier is filed with the completed self-assessment (Mẫu 02); without it, nothing to file.
  if ((action === 'submit' || action === 'resubmit') && facts.submitBlockers?.length)
    return fail(
      'not_ready',
      `Hồ sơ chưa nộp được: ${facts.submitBlockers.map((m) => m.vi).join('; ')}`,
      `The dossier cannot be filed yet: ${facts.submitBlockers.map((m) => m.en).join('; ')}`,
    );
  const notProposed = action === 'assess' && facts.conclusion === 'not_propose';
  if ((('needsComment' in rule && rule.needsComment) || notProposed) && !facts.comment?.trim())
    return fail('comment_required', 'Cần ghi rõ lý do.', 'A reason is required.');
  if (notProposed) return { ok: true, to: 'not_proposed' };
  // Art. 7.3a: receiving is checking the dossier's papers; a disqualifying absence ends it there (Phụ lục II).
  if (action === 'receive' && facts.disqualifyingPapers?.length) return { ok: true, to: 'disqualified' };
  if (action === 'send_to_council' && facts.missingPapers?.length)
    return fail(
      'papers_missing',
      `Hồ sơ thiếu giấy tờ bắt buộc: ${facts.missingPapers.map((m) => m.vi).join('; ')}. Trả lại để bổ sung trước khi chuyển hội đồng.`,
      `Required papers are missing: ${facts.missingPapers.map((m) => m.en).join('; ')}. Return the dossier for completion first.`,
    );
  if (action === 'record_score' || action === 'record_central_score') {
    if ((facts.openQuestions ?? 0) > 0)
      return fail(
        'open_questions',
        `Còn ${facts.openQuestions} câu hỏi về minh chứng chưa được trả lời hoặc đóng.`,
        `${facts.openQuestions} evidence question(s) are still open.`,
      );
    if (facts.councilScore == null) return fail('no_score', 'Hội đồng chưa có kết quả chấm.', 'The council has no result yet.');
  }
  if (action === 'decide' && dossier.state === 'ministry_decided' && facts.decidedStar === 5)
    return fail('already_recognised', 'Sản phẩm đã được Bộ công nhận 5 sao.', 'The ministry already recognised the product 5★.');
  if (action === 'decide' && dossier.state === 'scored' && goesToMinistry(facts.councilScore, facts.councilStar))
    return fail(
      'ministry_route',
      `Sản phẩm đạt từ ${MINISTRY_THRESHOLD} điểm và đủ yêu cầu 5 sao: Chủ tịch UBND tỉnh phê duyệt kết quả và gửi Bộ (Điều 7.3e), không công nhận 4 sao.`,
      `${MINISTRY_THRESHOLD}+ points meeting the 5★ minimums: the provincial Chair approves the result for the ministry (Art. 7.3e), not a 4★ recognition.`,
    );
  if (action === 'approve' && !goesToMinistry(facts.councilScore, facts.councilStar))
    return fail(
      'below_ministry_threshold',
      `Chỉ sản phẩm đạt từ ${MINISTRY_THRESHOLD} điểm và đủ yêu cầu tối thiểu 5 sao mới được phê duyệt kết quả, đề nghị Bộ đánh giá.`,
      `Only products scoring ${MINISTRY_THRESHOLD} or more and meeting the 5★ minimums are approved for the ministry.`,
    );
  return { ok: true, to: rule.to };
}

/** Whether `actor` may take `action` on the dossier now, and the state it leads to. */
export const checkTransition = (actor: Actor, dossier: DossierRef, action: DossierAction, facts: TransitionFacts = {}) =>
  checkStep(partiesOf(actor, dossier), dossier, action, facts);

/**
 * The steps `actor` may take now, for the buttons a page shows: a step waiting only for its reason,
 * its papers or its answers is listed (the page asks for them or says why).
 */
export function availableActions(actor: Actor, dossier: DossierRef, facts: TransitionFacts = {}): DossierAction[] {
  const parties = partiesOf(actor, dossier);
  const withComment = { ...facts, comment: 'x' };
  return (Object.keys(DOSSIER_ACTIONS) as DossierAction[]).filter((a) => {
    // Most steps cannot start from the dossier's state, which fails them either way (checkStep's
    // first two tests); skipping them spares a refusal's message per step and row of a list.
    if (!(DOSSIER_ACTIONS[a].from as readonly DossierState[]).includes(dossier.state)) return false;
    const check = checkStep(parties, dossier, a, withComment);
    return check.ok || check.reason === 'open_questions' || check.reason === 'no_score' || check.reason === 'papers_missing';
  });
}

/** Art. 7.2: the commune assesses within 15 working days of receiving the dossier. */
export const COMMUNE_ASSESSMENT_WORKING_DAYS = 15;

export function communeAssessmentDue(submittedOn: IsoDate, calendar: WorkingDays = vietnamWorkingDays()): IsoDate {
  return addWorkingDays(submittedOn, COMMUNE_ASSESSMENT_WORKING_DAYS, calendar);
}

/** Samples sent with a dossier (Art. 6.2): five, none for tourism services (set 26). */
export const samplesRequired = (setNumber: number) => (setNumber === 26 ? 0 : 5);
