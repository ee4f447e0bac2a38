import type { CalendarDayRow } from './calendar.repository.js';

/** A day the calendar moves: the national calendar's (no province) or a province's own. */
export const presentCalendarDay = (r: CalendarDayRow) => ({ id: r.id, date: r.date, kind: r.kind, name: r.name, provinceCode: r.provinceCode });
