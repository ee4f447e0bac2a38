import { eq } from 'drizzle-orm';
import type { ScoringSettings } from '../../../contracts/scoring.js';
import { DEFAULT_COUNCIL_SETTINGS } from '../../../domain/scoring/index.js';
import type { Db } from '../../db/client.js';
import { programmeSettings } from '../../db/schema/index.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';

/**
 * Defaults from the engine: cap at a missed minimum, re-score above 10 points, quorum 75 % with the
 * chair; and a council of at least five scoring members — the chair and one member from each of the
 * departments Art. 7.3b names first (Agriculture and Environment, Industry and Trade, Health,
 * Science and Technology) — which the province's rules may change.
 */
export const DEFAULT_SCORING_SETTINGS: ScoringSettings = { ...DEFAULT_COUNCIL_SETTINGS, minCouncilMembers: 5 };

export function createSettingsService(db: Db) {
  async function scoring(provinceCode: string): Promise<ScoringSettings> {
    const row = (await db.select().from(programmeSettings).where(eq(programmeSettings.provinceCode, provinceCode)).limit(1))[0];
    return { ...DEFAULT_SCORING_SETTINGS, ...((row?.scoring as Partial<ScoringSettings> | undefined) ?? {}) };
  }
  return {
    scoring,
    async updateScoring(provinceCode: string, audit: AuditActor, next: ScoringSettings) {
      const before = await scoring(provinceCode);
      await db.transaction(async (tx) => {
        await tx
          .insert(programmeSettings)
          .values({ provinceCode, scoring: next })
          .onConflictDoUpdate({ target: programmeSettings.provinceCode, set: { scoring: next, updatedAt: new Date() } });
        await recordAudit(tx, audit, { action: 'update', entityType: 'scoring_settings', entityId: provinceCode, before, after: next });
      });
      return next;
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
