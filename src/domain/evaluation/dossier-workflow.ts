import { addWorkingDays, type IsoDate } from '../dates/calendar.js';
import type { Message } from '../errors.js';
import type { Actor, SubjectRef } from '../policies/index.js';

/**
 * The life of a dossier (hồ sơ), Art. 6–7 of Decision 26/2026/QĐ-TTg: the producer files it with the
 * commune; the commune assesses it (Mẫu 03) and proposes it to the province; the province receives
 * it, may return it for completion, puts it before its council, records the score and decides;
 * products scoring at least 90 go on to the ministry for 5★.
 */
export const DOSSIER_STATES = [
  'draft',
  'submitted',
  'commune_assessed',
  'received',
  'returned',
  'resubmitted',
  'in_council',
  'scored',
  'decided',
  'forwarded_to_ministry',
  'ministry_decided',
  'withdrawn',
] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];

export const DOSSIER_KINDS = ['first', 'upgrade', 'rerating'] as const;
export type DossierKind = (typeof DOSSIER_KINDS)[number];

export const DOSSIER_STATE_LABELS: Record<DossierState, Message> = {
  draft: { vi: 'Đang soạn', en: 'Draft' },
  submitted: { vi: 'Đã nộp xã', en: 'Submitted to the commune' },
  commune_assessed: { vi: 'Xã đã đánh giá', en: 'Assessed by the commune' },
  received: { vi: 'Tỉnh đã tiếp nhận', en: 'Received by the province' },
  returned: { vi: 'Trả lại để bổ sung', en: 'Returned for completion' },
  resubmitted: { vi: 'Đã nộp bổ sung', en: 'Resubmitted' },
  in_council: { vi: 'Đang đánh giá tại hội đồng', en: 'Before the council' },
  scored: { vi: 'Hội đồng đã chấm', en: 'Scored' },
  decided: { vi: 'Đã có quyết định', en: 'Decided' },
  forwarded_to_ministry: { vi: 'Đã gửi Bộ (5 sao)', en: 'Forwarded to the ministry' },
  ministry_decided: { vi: 'Bộ đã quyết định', en: 'Decided by the ministry' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
};

/** Who acts, relative to the dossier: its producer, an officer of its commune, its province's office, the ministry. */
export type Party = 'producer' | 'commune_officer' | 'province_admin' | 'ministry_admin';

export const DOSSIER_ACTIONS = {
  submit: { from: ['draft'], to: 'submitted', by: ['producer', 'commune_officer'] },
  assess: { from: ['submitted'], to: 'commune_assessed', by: ['commune_officer'] },
  receive: { from: ['commune_assessed', 'resubmitted'], to: 'received', by: ['province_admin'] },
  return: { from: ['received', 'resubmitted'], to: 'returned', by: ['province_admin'], needsComment: true },
  resubmit: { from: ['returned'], to: 'resubmitted', by: ['producer', 'commune_officer'] },
  send_to_council: { from: ['received'], to: 'in_council', by: ['province_admin'] },
  record_score: { from: ['in_council'], to: 'scored', by: ['province_admin'] },
  // From 'ministry_decided' too: below 90 at the ministry, the province may still recognise 3★/4★ (Art. 7.4).
  decide: { from: ['scored', 'ministry_decided'], to: 'decided', by: ['province_admin'] },
  forward_to_ministry: { from: ['decided'], to: 'forwarded_to_ministry', by: ['province_admin'] },
  ministry_decide: { from: ['forwarded_to_ministry'], to: 'ministry_decided', by: ['ministry_admin'] },
  withdraw: {
    from: ['draft', 'submitted', 'commune_assessed', 'received', 'returned', 'resubmitted', 'in_council'],
    to: 'withdrawn',
    by: ['producer', 'province_admin'],
    needsComment: true,
  },
} as const satisfies Record<string, { from: readonly DossierState[]; to: DossierState; by: readonly Party[]; needsComment?: boolean }>;
export type DossierAction = keyof typeof DOSSIER_ACTIONS;

export type DossierRef = SubjectRef & { state: DossierState };

/** Facts beyond the dossier's state that some steps depend on. */
export type TransitionFacts = {
  comment?: string | null | undefined;
  /** Questions on evidence still open: they hold a dossier from being scored. */
  openQuestions?: number | undefined;
  /** The council's mean score, once there is one. */
  councilScore?: number | null | undefined;
  /** The star already recognised on the dossier (the ministry's, after its decision). */
  decidedStar?: number | null | undefined;
};

export type TransitionCheck =
  | { ok: true; to: DossierState }
  | { ok: false; reason: 'forbidden' | 'invalid_state' | 'comment_required' | 'open_questions' | 'below_ministry_threshold' | 'no_score' | 'already_recognised'; message: Message };

export function partiesOf(actor: Actor, dossier: SubjectRef): Party[] {
  if (actor.kind === 'anonymous') return [];
  const parties: Party[] = [];
  if (actor.role === 'producer' && actor.subjectId === dossier.id) parties.push('producer');
  if (actor.role === 'officer' && actor.communeCodes.includes(dossier.communeCode)) parties.push('commune_officer');
  if (actor.role === 'admin' && (actor.provinceCode === null || actor.provinceCode === dossier.provinceCode)) parties.push('province_admin');
  if (actor.role === 'admin' && actor.provinceCode === null) parties.push('ministry_admin');
  return parties;
}

/** Score from which the province forwards a product to the ministry for 5★ (Art. 7.3). */
export const MINISTRY_THRESHOLD = 90;

/** Whether `actor` may take `action` on the dossier now, and the state it leads to. */
export function checkTransition(actor: Actor, dossier: DossierRef, action: DossierAction, facts: TransitionFacts = {}): TransitionCheck {
  const rule = DOSSIER_ACTIONS[action];
  const parties = partiesOf(actor, dossier);
  if (!rule.by.some((p) => parties.includes(p)))
    return { ok: false, reason: 'forbidden', message: { vi: 'Bạn không có quyền thực hiện bước này với hồ sơ.', en: 'You may not take this step on the dossier.' } };
  if (!(rule.from as readonly DossierState[]).includes(dossier.state))
    return {
      ok: false,
      reason: 'invalid_state',
      message: {
        vi: `Không thể thực hiện khi hồ sơ ở trạng thái "${DOSSIER_STATE_LABELS[dossier.state].vi}".`,
        en: `Not possible while the dossier is "${DOSSIER_STATE_LABELS[dossier.state].en}".`,
      },
    };
  if ('needsComment' in rule && rule.needsComment && !facts.comment?.trim())
    return { ok: false, reason: 'comment_required', message: { vi: 'Cần ghi rõ lý do.', en: 'A reason is required.' } };
  if (action === 'record_score') {
    if ((facts.openQuestions ?? 0) > 0)
      return {
        ok: false,
        reason: 'open_questions',
        message: { vi: `Còn ${facts.openQuestions} câu hỏi về minh chứng chưa được trả lời hoặc đóng.`, en: `${facts.openQuestions} evidence question(s) are still open.` },
      };
    if (facts.councilScore == null) return { ok: false, reason: 'no_score', message: { vi: 'Hội đồng chưa có kết quả chấm.', en: 'The council has no result yet.' } };
  }
  if (action === 'decide' && dossier.state === 'ministry_decided' && facts.decidedStar === 5)
    return { ok: false, reason: 'already_recognised', message: { vi: 'Sản phẩm đã được Bộ công nhận 5 sao.', en: 'The ministry already recognised the product 5★.' } };
  if (action === 'forward_to_ministry' && !(facts.councilScore != null && facts.councilScore >= MINISTRY_THRESHOLD))
    return {
      ok: false,
      reason: 'below_ministry_threshold',
      message: { vi: `Chỉ sản phẩm đạt từ ${MINISTRY_THRESHOLD} điểm mới được đề nghị Bộ đánh giá 5 sao.`, en: `Only products scoring ${MINISTRY_THRESHOLD} or more go to the ministry for 5★.` },
    };
  return { ok: true, to: rule.to };
}

/** The steps `actor` may take now, for the buttons a page shows. */
export function availableActions(actor: Actor, dossier: DossierRef, facts: TransitionFacts = {}): DossierAction[] {
  return (Object.keys(DOSSIER_ACTIONS) as DossierAction[]).filter((a) => {
    const check = checkTransition(actor, dossier, a, { ...facts, comment: 'x' });
    return check.ok || check.reason === 'open_questions' || check.reason === 'no_score';
  });
}

/** Art. 7.2: the commune assesses within 15 working days of receiving the dossier. */
export const COMMUNE_ASSESSMENT_WORKING_DAYS = 15;

export function communeAssessmentDue(submittedOn: IsoDate, holidays: ReadonlySet<IsoDate> = new Set()): IsoDate {
  return addWorkingDays(submittedOn, COMMUNE_ASSESSMENT_WORKING_DAYS, holidays);
}

/** Samples sent with a dossier (Art. 6.2): five, none for tourism services (set 26). */
export const samplesRequired = (setNumber: number) => (setNumber === 26 ? 0 : 5);
