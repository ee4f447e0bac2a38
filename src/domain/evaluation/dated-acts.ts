import { formatDateVn, type IsoDate } from '../dates/calendar.js';
import type { Message } from '../errors.js';

/** A dated act of the procedure: a session, a decision, a revocation… and its name in a message. */
export type DatedAct = { date: IsoDate | null | undefined; label: Message };

export type DateCheck = { ok: true } | { ok: false; message: Message };

/**
 * Every dated act follows the acts it depends on and does not lie in the future (an act not yet
 * taken cannot be recorded): a decision is signed on or after its council's session, a 5★ decision
 * on or after the province's approval, a revocation on or after the certificate's issue. The same
 * day is allowed — a council meets and the Chair signs the same afternoon.
 */
export function checkActDate(act: { date: IsoDate; label: Message }, today: IsoDate, dependsOn: readonly DatedAct[] = []): DateCheck {
  if (act.date > today)
    return {
      ok: false,
      message: {
        vi: `${capitalise(act.label.vi)} (${formatDateVn(act.date)}) không được sau ngày hôm nay (${formatDateVn(today)}).`,
        en: `The ${act.label.en} (${formatDateVn(act.date)}) cannot be later than today (${formatDateVn(today)}).`,
      },
    };
  for (const earlier of dependsOn) {
    if (earlier.date && act.date < earlier.date)
      return {
        ok: false,
        message: {
          vi: `${capitalise(act.label.vi)} (${formatDateVn(act.date)}) không được trước ${earlier.label.vi} (${formatDateVn(earlier.date)}).`,
          en: `The ${act.label.en} (${formatDateVn(act.date)}) cannot be earlier than the ${earlier.label.en} (${formatDateVn(earlier.date)}).`,
        },
      };
  }
  return { ok: true };
}

/** An act planned ahead (a session's date) may lie in the future, but still not before what it depends on. */
export function checkActOrder(act: { date: IsoDate; label: Message }, dependsOn: readonly DatedAct[]): DateCheck {
  return checkActDate(act, '9999-12-31', dependsOn);
}

/** Whether a planned act's day has come: a session is scored and closed on or after the day it is held. */
export function checkDayReached(act: { date: IsoDate; label: Message }, today: IsoDate): DateCheck {
  if (today >= act.date) return { ok: true };
  return {
    ok: false,
    message: {
      vi: `Chưa đến ${act.label.vi} (${formatDateVn(act.date)}).`,
      en: `The ${act.label.en} (${formatDateVn(act.date)}) has not come yet.`,
    },
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
