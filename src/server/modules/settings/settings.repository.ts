import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { programmeSettings } from '../../db/schema/index.js';

/** A province's programme settings: one row per province, created on the first change. */
export const settingsRepository = {
  get: async (db: DbOrTx, provinceCode: string) =>
    (await db.select().from(programmeSettings).where(eq(programmeSettings.provinceCode, provinceCode)).limit(1))[0],
  saveScoring: (db: DbOrTx, provinceCode: string, scoring: unknown) =>
    db
      .insert(programmeSettings)
      .values({ provinceCode, scoring })
      .onConflictDoUpdate({ target: programmeSettings.provinceCode, set: { scoring, updatedAt: new Date() } }),
};
