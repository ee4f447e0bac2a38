import { addDays, formatDateVn, type IsoDate } from '../dates/calendar.js';
import type { Message } from '../errors.js';
import { MINISTRY_STATES, type DossierKind, type DossierState } from './dossier-workflow.js';

/** Art. 7.6g: a re-rating is evaluated within 45 days of the complete dossier reaching the province (or the ministry). */
export const RERATING_EVALUATION_DAYS = 45;

export type DeadlineRule = 'commune_assessment' | 'rerating_45_days' | 'round_result';

export type DossierDates = {
  kind: DossierKind;
  state: DossierState;
  /** Art. 7.2: the commune's 15 working days, computed on filing. */
  communeDueOn: IsoDate | null;
  /** The day the province (or the ministry) received it complete. */
  receivedOn: IsoDate | null;
  /** Art. 5: the result deadline of the dossier's round at its current level. */
  roundResultDeadline: IsoDate | null;
};

const PROVINCE_PENDING: readonly DossierState[] = ['received', 'returned', 'resubmitted', 'in_council', 'scored'];

/** Every deadline running on the dossier at its current stage (Art. 5, 7.2, 7.6g), whether passed or not. */
function runningDeadlines(d: DossierDates): { rule: DeadlineRule; dueOn: IsoDate }[] {
  const out: { rule: DeadlineRule; dueOn: IsoDate }[] = [];
  if (d.state === 'submitted' && d.communeDueOn) out.push({ rule: 'commune_assessment', dueOn: d.communeDueOn });
  const pending = [...PROVINCE_PENDING, ...MINISTRY_STATES].includes(d.state);
  if (pending && d.kind === 'rerating' && d.receivedOn) out.push({ rule: 'rerating_45_days', dueOn: addDays(d.receivedOn, RERATING_EVALUATION_DAYS) });
  if (pending && d.roundResultDeadline) out.push({ rule: 'round_result', dueOn: d.roundResultDeadline });
  return out;
}

export type StageDeadline = { rule: DeadlineRule; dueOn: IsoDate; overdue: boolean };

/**
 * The deadline of the stage the dossier is at, for the list: the earliest of those running (the
 * commune's 15 working days, Art. 7.2; a re-rating's 45 days, Art. 7.6g; its round's result date,
 * Art. 5). Overdue from the day after it (the due day itself is still in time); none before filing,
 * while the province has yet to receive it, or at rest.
 */
export function stageDeadline(d: DossierDates, today: IsoDate): StageDeadline | null {
  const earliest = runningDeadlines(d).sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))[0];
  return earliest ? { ...earliest, overdue: today > earliest.dueOn } : null;
}

/**
 * The deadlines a dossier has passed on `today`, for the office's work list: the commune's
 * assessment (Art. 7.2), a re-rating's 45 days (Art. 7.6g), and its round's result date (Art. 5).
 */
export function overdueDeadlines(d: DossierDates, today: IsoDate): { rule: DeadlineRule; dueOn: IsoDate; label: Message }[] {
  return runningDeadlines(d)
    .filter(({ dueOn }) => today > dueOn)
    .map(({ rule, dueOn }) => ({ rule, dueOn, label: OVERDUE_LABELS[rule](formatDateVn(dueOn)) }));
}

const OVERDUE_LABELS: Record<DeadlineRule, (due: string) => Message> = {
  commune_assessment: (due) => ({
    vi: `Xã quá hạn đánh giá (15 ngày làm việc, hạn ${due})`,
    en: `Commune assessment overdue (15 working days, due ${due})`,
  }),
  rerating_45_days: (due) => ({ vi: `Đánh giá lại quá 45 ngày (hạn ${due})`, en: `Re-rating beyond 45 days (due ${due})` }),
  round_result: (due) => ({ vi: `Quá hạn kết quả của đợt (${due})`, en: `Past the round’s result date (${due})` }),
};
