import fs from 'node:fs/promises';
import path from 'node:path';
import { canonicalJson, criteriaScoringFingerprint, criteriaVersionSlug, loadCriteriaVersion, type CriteriaVersion } from '../../../domain/criteria/index.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { criteriaRepository as repo } from './criteria.repository.js';

/** Criteria versions shipped with the application (`data/criteria`). */
export const BUILTIN_CRITERIA_FILES = ['qd26-2026.json', 'qd1048-2019-rau-cu-qua-hat-tuoi.json'];

/** Writes a validated version and its set catalogue (used to classify products) in the caller's transaction. */
export async function storeCriteriaVersion(tx: DbOrTx, data: unknown, version: CriteriaVersion, source: 'builtin' | 'import') {
  await repo.upsert(tx, {
    legalBasis: version.legalBasis,
    slug: criteriaVersionSlug(version.legalBasis),
    title: version.title,
    effectiveFrom: version.effectiveFrom,
    data,
    source,
  });
  await repo.replaceCatalogue(
    tx,
    version.legalBasis,
    version.sets.map((s) => ({
      legalBasis: version.legalBasis,
      number: s.number,
      code: s.code,
      name: s.name,
      sector: s.sector,
      sectorEn: s.sectorEn || null,
      productGroup: s.productGroup,
      leadMinistry: s.leadMinistry || null,
      leadMinistryEn: s.leadMinistryEn || null,
    })),
  );
}

/**
 * Brings the shipped versions into the database. A changed file replaces its version only while no
 * evaluation uses it: a used version is immutable (its scores must keep their meaning), so the
 * change is reported and skipped — unless only display texts changed (same scoring fingerprint),
 * which are then updated in place under the same version.
 */
export async function syncBuiltinCriteria(db: Db, dataDir: string, log: (msg: string) => void = () => {}) {
  for (const file of BUILTIN_CRITERIA_FILES) {
    const data: unknown = JSON.parse(await fs.readFile(path.join(dataDir, 'criteria', file), 'utf8'));
    const version = loadCriteriaVersion(data); // shipped data must be valid: throw with every problem
    const existing = await repo.find(db, version.legalBasis);
    if (existing && canonicalJson(existing.data) === canonicalJson(data)) continue;
    const displayOnly = existing !== undefined && criteriaScoringFingerprint(existing.data) === criteriaScoringFingerprint(data);
    if (existing && !displayOnly && (await repo.isUsed(db, version.legalBasis))) {
      log(`Bộ tiêu chí ${version.legalBasis} đã được dùng để đánh giá nên không cập nhật từ ${file}. / Version in use; file change ignored.`);
      continue;
    }
    await db.transaction((tx) => storeCriteriaVersion(tx, data, version, 'builtin'));
    log(
      displayOnly
        ? `Cập nhật nội dung hiển thị của bộ tiêu chí ${version.legalBasis} từ ${file}. / Display texts updated; scoring unchanged.`
        : `Nạp bộ tiêu chí ${version.legalBasis} (${version.sets.length} bộ sản phẩm).`,
    );
  }
}
