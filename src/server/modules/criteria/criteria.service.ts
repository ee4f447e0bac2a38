import { criteriaVersionSlug, findSet, validateCriteriaVersion, type CriteriaVersion } from '../../../domain/criteria/index.js';
import { conflict, forbidden, invalid, notFound } from '../../../domain/errors.js';
import { canImportCriteria, type Actor } from '../../../domain/policies/index.js';
import type { CriteriaSetDetail } from '../../../contracts/criteria.js';
import type { Db } from '../../db/client.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { storeCriteriaVersion } from './criteria.builtin.js';
import type { CatalogueEntry, CriteriaCatalogue } from './criteria.catalogue.js';
import { criteriaRepository as repo } from './criteria.repository.js';

function summary(entry: CatalogueEntry, inForce: boolean) {
  const v = entry.version;
  return {
    legalBasis: v.legalBasis,
    slug: entry.slug,
    title: v.title,
    effectiveFrom: v.effectiveFrom,
    partMaxima: { A: v.partMaxima.A, B: v.partMaxima.B, C: v.partMaxima.C },
    inForce,
    source: entry.source,
    sets: v.sets.map((s) => ({ number: s.number, code: s.code, name: s.name, sector: s.sector, sectorEn: s.sectorEn, productGroup: s.productGroup })),
  };
}

export function versionHeader(v: CriteriaVersion, slug: string): CriteriaSetDetail['version'] {
  return {
    legalBasis: v.legalBasis,
    slug,
    title: v.title,
    effectiveFrom: v.effectiveFrom,
    partMaxima: { A: v.partMaxima.A, B: v.partMaxima.B, C: v.partMaxima.C },
    starBands: [...v.starBands],
    certifiedStars: [...v.certifiedStars],
    notes: [...v.notes],
  };
}

export function createCriteriaService(db: Db, catalogue: CriteriaCatalogue) {
  return {
    async list() {
      const [all, current] = await Promise.all([catalogue.list(), catalogue.current()]);
      return all.map((e) => summary(e, e.version.legalBasis === current?.version.legalBasis));
    },

    async getSet(versionRef: string, setRef: string): Promise<CriteriaSetDetail> {
      const entry = await catalogue.find(versionRef);
      const set = entry && findSet(entry.version, /^\d+$/.test(setRef) ? Number(setRef) : setRef);
      if (!entry || !set) throw notFound({ vi: 'bộ tiêu chí', en: 'criteria set' });
      return { version: versionHeader(entry.version, entry.slug), set: set as CriteriaSetDetail['set'] };
    },

    /**
     * Imports a version (the JSON shape of `data/criteria`) after validation, listing every problem.
     * A version already used by an evaluation cannot be replaced: its scores must keep their meaning.
     * (Display-only corrections of a shipped version are applied at start-up by syncBuiltinCriteria.)
     */
    async import(actor: Actor, audit: AuditActor, data: unknown) {
      if (!canImportCriteria(actor)) throw forbidden();
      const result = validateCriteriaVersion(data);
      if (!result.ok) invalidFile(result.problems);
      const version = result.version;
      const existing = await repo.find(db, version.legalBasis);
      if (existing && (await repo.isUsed(db, version.legalBasis)))
        throw conflict('criteria_version_in_use', {
          vi: `Bộ tiêu chí ${version.legalBasis} đã được dùng để đánh giá nên không thể thay thế.`,
          en: `Criteria version ${version.legalBasis} is used by evaluations and cannot be replaced.`,
        });
      await db.transaction(async (tx) => {
        await storeCriteriaVersion(tx, data, version, 'import');
        await recordAudit(tx, audit, {
          action: existing ? 'update' : 'create',
          entityType: 'criteria_version',
          entityId: version.legalBasis,
          before: existing ? { title: existing.title, effectiveFrom: existing.effectiveFrom, source: existing.source } : null,
          after: { title: version.title, effectiveFrom: version.effectiveFrom, sets: version.sets.length, slug: criteriaVersionSlug(version.legalBasis) },
        });
      });
      catalogue.invalidate();
      const entry = (await catalogue.find(version.legalBasis))!;
      return summary(entry, entry.version.legalBasis === (await catalogue.current())?.version.legalBasis);
    },
  };
}

function invalidFile(problems: string[]): never {
  throw invalid(
    'invalid_criteria_file',
    { vi: `Tệp bộ tiêu chí không hợp lệ (${problems.length} lỗi).`, en: `The criteria file is invalid (${problems.length} problem(s)).` },
    {},
    problems,
  );
}
export type CriteriaService = ReturnType<typeof createCriteriaService>;
