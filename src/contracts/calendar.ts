import { z } from 'zod';
import { IsoDate } from './common.js';

export const CalendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** A day off of the year: a statutory holiday, a compensatory day, or a day the government moved. */
export const CalendarHoliday = z.object({
  date: z.string(),
  name: z.object({ vi: z.string(), en: z.string() }),
  kind: z.enum(['holiday', 'compensatory', 'override']),
});

export const CalendarOverride = z
  .object({
    id: z.uuid(),
    date: z.string(),
    kind: z.enum(['day_off', 'working_day']),
    name: z.string(),
    /** Null: a day for the whole country (set by the ministry). */
    provinceCode: z.string().nullable(),
  })
  .meta({ id: 'CalendarOverride' });

export const CalendarYear = z.object({ year: z.number().int(), daysOff: z.array(CalendarHoliday), overrides: z.array(CalendarOverride) });

export const CalendarOverrideBody = z.object({
  date: IsoDate,
  kind: z.enum(['day_off', 'working_day']),
  name: z.string().trim().min(1).max(200),
});
