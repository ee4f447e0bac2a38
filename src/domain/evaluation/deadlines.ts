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

/**
 * The deadlines a dossier has passed on `today`, for the office's work list: the commune's
 * assessment (Art. 7.2), a re-rating's 45 days (Art. 7.6g), and its round's result date (Art. 5).
 */
export function overdueDeadlines(d: DossierDates, today: IsoDate): { rule: DeadlineRule; dueOn: IsoDate; label: Message }[] {
  const out: { rule: DeadlineRule; dueOn: IsoDate; label: Message }[] = [];
  if (d.state === 'submitted' && d.communeDueOn && today > d.communeDueOn)
    out.push({
      rule: 'commune_assessment',
      dueOn: d.communeDueOn,
      label: {
        vi: `Xã quá hạn đánh giá (15 ngày làm việc, hạn ${formatDateVn(d.communeDueOn)})`,
        en: `Commune assessment overdue (15 working days, due ${formatDateVn(d.communeDueOn)})`,
      },
    });
  const pending = [...PROVINCE_PENDING, ...MINISTRY_STATES].includes(d.state);
  if (pending && d.kind === 'rerating' && d.receivedOn) {
    const due = addDays(d.receivedOn, RERATING_EVALUATION_DAYS);
    if (today > due)
      out.push({
        rule: 'rerating_45_days',
        dueOn: due,
        label: { vi: `Đánh giá lại quá 45 ngày (hạn ${formatDateVn(due)})`, en: `Re-rating beyond 45 days (due ${formatDateVn(due)})` },
      });
  }
  if (pending && d.roundResultDeadline && today > d.roundResultDeadline)
    out.push({
      rule: 'round_result',
      dueOn: d.roundResultDeadline,
      label: {
        vi: `Quá hạn kết quả của đợt (${formatDateVn(d.roundResultDeadline)})`,
        en: `Past the round’s result date (${formatDateVn(d.roundResultDeadline)})`,
      },
    });
  return out;
}
