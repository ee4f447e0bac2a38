import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type DayOffKind = 'holiday' | 'compensatory' | 'override';

export const DAY_OFF_COLOR: Record<DayOffKind, string> = { holiday: 'red', compensatory: 'orange', override: 'blue' };

/** The weekday of an ISO date (Vietnamese offices count Saturdays and Sundays as rest days). */
export const weekdayOf = (date: string) => WEEKDAYS[dayjs(date).day()] ?? 'mon';
export const isWeekend = (date: string) => [0, 6].includes(dayjs(date).day());

export function useCalendarLabels() {
  const { t } = useTranslation();
  return {
    weekday: (date: string) => t(`calendar.weekdays.${weekdayOf(date)}`),
    dayOffKind: (kind: DayOffKind) => t(`calendar.kinds.${kind}`),
    overrideKind: (kind: 'day_off' | 'working_day') => t(`calendar.overrideKinds.${kind}`),
    scope: (provinceCode: string | null) => t(provinceCode === null ? 'calendar.scopes.national' : 'calendar.scopes.province'),
  };
}
