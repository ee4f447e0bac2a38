import type { z } from 'zod';
import type { CalendarOverrideBody } from '../../../contracts/calendar.js';
import { conflict, forbidden, notFound } from '../../../domain/errors.js';
import { vietnamWorkingDays } from '../../../domain/dates/holidays.js';
import { calendarProvince, canEditCalendar, type Actor } from '../../../domain/policies/index.js';
import type { Db } from '../../db/client.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { presentCalendarDay } from './calendar.presenter.js';
import { calendarRepository as repo } from './calendar.repository.js';

const DAY = { vi: 'ngày điều chỉnh', en: 'calendar day' };

/**
 * The working-day calendar legal deadlines are counted on (Art. 7.2: 15 working days): weekends,
 * the statutory holidays computed for each year (Labour Code 2019, Art. 112, Tết and Giỗ Tổ from the
 * lunar calendar) and the days the government moves, which the ministry (for the country) or a
 * province's office (for its own) records.
 */
export function createCalendarService(db: Db) {
  const overridesOf = async (provinceCode: string | null) =>
    (await repo.forProvince(db, provinceCode)).map((r) => ({ date: r.date, kind: r.kind, name: r.name }));

  /** The administrator's own scope: the ministry edits the national calendar, a province its own days. */
  function scopeOf(actor: Actor): string | null {
    if (!canEditCalendar(actor)) throw forbidden();
    return calendarProvince(actor);
  }

  return {
    /** Working days of a province (national days and its own), for deadlines. */
    workingDays: async (provinceCode: string | null) => vietnamWorkingDays(await overridesOf(provinceCode)),

    async year(actor: Actor, year: number) {
      const provinceCode = calendarProvince(actor);
      const calendar = vietnamWorkingDays(await overridesOf(provinceCode));
      return { year, daysOff: calendar.holidays(year), overrides: (await repo.inYear(db, provinceCode, year)).map(presentCalendarDay) };
    },

    async add(actor: Actor, audit: AuditActor, body: z.infer<typeof CalendarOverrideBody>) {
      const provinceCode = scopeOf(actor);
      const row = await db.transaction(async (tx) => {
        const created = await repo.insert(tx, { provinceCode, date: body.date, kind: body.kind, name: body.name.normalize('NFC') });
        if (!created)
          throw conflict('calendar_day_exists', {
            vi: 'Ngày này đã được điều chỉnh; xoá điều chỉnh cũ trước.',
            en: 'This day is already adjusted; remove the earlier entry first.',
          });
        await recordAudit(tx, audit, { action: 'create', entityType: 'calendar_day', entityId: created.id, after: created });
        return created;
      });
      return presentCalendarDay(row);
    },

    async remove(actor: Actor, audit: AuditActor, id: string) {
      const provinceCode = scopeOf(actor);
      const row = await repo.get(db, id);
      if (!row || row.provinceCode !== provinceCode) throw notFound(DAY);
      await db.transaction(async (tx) => {
        await repo.delete(tx, id);
        await recordAudit(tx, audit, { action: 'delete', entityType: 'calendar_day', entityId: id, before: row });
      });
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
