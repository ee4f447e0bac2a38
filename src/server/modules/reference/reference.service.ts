import { loadCommuneOutlines } from '../../lib/commune-outlines.js';
import { gzipSync } from 'node:zlib';
import { CURRENT_CRITERIA_BASIS } from '../../../domain/criteria/legal-bases.js';
import { notFound } from '../../../domain/errors.js';
import { foldVietnamese } from '../../../domain/text/vietnamese.js';
import type { AppConfig } from '../../config.js';
import type { Db } from '../../db/client.js';
import { referenceRepository as repo } from './reference.repository.js';

const PROVINCE = { vi: 'tỉnh/thành phố', en: 'province' };

/** Public reference data: administrative units (Decision 19/2025/QĐ-TTg) and the criteria-set catalogue. */
export function createReferenceService(db: Db, config: AppConfig, version: string) {
  /** Per province: the collection as JSON and gzipped once (a province's outlines are megabytes). */
  const outlines = new Map<string, Promise<{ json: Buffer; gzip: Buffer }>>();

  async function communesOf(provinceCode: string) {
    const rows = await repo.communesOf(db, provinceCode);
    if (!rows.length) throw notFound(PROVINCE);
    return rows;
  }

  return {
    async info() {
      return {
        provinceCode: config.provinceCode,
        provinceName: (await repo.provinceFullName(db, config.provinceCode)) ?? config.provinceCode,
        currentCriteriaBasis: CURRENT_CRITERIA_BASIS,
        version,
      };
    },

    provinces: () => repo.provinces(db),

    /** The communes of a province, optionally those whose name (accents ignored) or code matches `q`. */
    async communes(provinceCode: string, q: string | undefined) {
      const rows = await communesOf(provinceCode);
      const folded = q ? foldVietnamese(q) : '';
      return folded ? rows.filter((r) => foldVietnamese(r.name).includes(folded) || r.code === q) : rows;
    },

    async outlines(provinceCode: string) {
      const rows = await communesOf(provinceCode);
      if (!outlines.has(provinceCode))
        outlines.set(
          provinceCode,
          loadCommuneOutlines(new Map(rows.map((r) => [r.code, r.name]))).then((collection) => {
            const json = Buffer.from(JSON.stringify(collection));
            return { json, gzip: gzipSync(json, { level: 9 }) };
          }),
        );
      return outlines.get(provinceCode)!;
    },

    /** The sets (bộ sản phẩm) of the criteria version in force. */
    criteriaSets: () => repo.criteriaSetsOf(db, CURRENT_CRITERIA_BASIS),
  };
}
export type ReferenceService = ReturnType<typeof createReferenceService>;
