import type { ScoringSettings } from '../../../contracts/scoring.js';
import { forbidden } from '../../../domain/errors.js';
import { canChangeScoringSettings, type Actor } from '../../../domain/policies/index.js';
import { DEFAULT_COUNCIL_SETTINGS } from '../../../domain/scoring/index.js';
import type { Db } from '../../db/client.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { settingsRepository as repo } from './settings.repository.js';

/**
 * Defaults from the engine: cap at a missed minimum, re-score above 10 points, quorum 75 % with the
 * chair; and a council of at least five scoring members — the chair and one member from each of the
 * departments Art. 7.3b names first (Agriculture and Environment, Industry and Trade, Health,
 * Science and Technology) — which the province's rules may change.
 */
export const DEFAULT_SCORING_SETTINGS: ScoringSettings = { ...DEFAULT_COUNCIL_SETTINGS, minCouncilMembers: 5 };

export function createSettingsService(db: Db) {
  async function scoring(provinceCode: string): Promise<ScoringSettings> {
    const row = await repo.get(db, provinceCode);
    return { ...DEFAULT_SCORING_SETTINGS, ...((row?.scoring as Partial<ScoringSettings> | undefined) ?? {}) };
  }
  return {
    scoring,
    async updateScoring(actor: Actor, provinceCode: string, audit: AuditActor, next: ScoringSettings) {
      if (!canChangeScoringSettings(actor, provinceCode)) throw forbidden();
      const before = await scoring(provinceCode);
      await db.transaction(async (tx) => {
        await repo.saveScoring(tx, provinceCode, next);
        await recordAudit(tx, audit, { action: 'update', entityType: 'scoring_settings', entityId: provinceCode, before, after: next });
      });
      return next;
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
