import fs from 'node:fs/promises';
import path from 'node:path';
import { vietnameseSortKey } from '../../domain/text/vietnamese.js';
import type { Db } from '../db/client.js';
import { syncBuiltinCriteria } from '../modules/criteria/criteria.builtin.js';
import { referenceRepository } from '../modules/reference/reference.repository.js';

type AdministrativeUnitFile = {
  Code: string;
  Name: string;
  NameEn: string;
  FullName: string;
  FullNameEn: string;
  Wards: { Code: string; Name: string; NameEn: string; FullName: string; FullNameEn: string; ProvinceCode: string }[];
}[];

const chunks = <T>(rows: T[], size = 500) => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

/**
 * Loads administrative units (Decision 19/2025/QĐ-TTg codes, 34 provinces, 3,321 communes).
 * Idempotent: rows are upserted by code, so a corrected data file
 * updates names on the next start. Skipped quickly when the counts already match.
 */
export async function loadAdministrativeUnits(db: Db, dataDir: string, log: (msg: string) => void = () => {}): Promise<void> {
  const units = JSON.parse(await fs.readFile(path.join(dataDir, 'admin-units/vn-admin-units-2025.json'), 'utf8')) as AdministrativeUnitFile;

  const provinceRows = units.map((p) => ({
    code: p.Code,
    name: p.Name,
    nameEn: p.NameEn,
    fullName: p.FullName,
    fullNameEn: p.FullNameEn,
    sortKey: vietnameseSortKey(p.Name),
  }));
  const communeRows = units.flatMap((p) =>
    p.Wards.map((w) => ({
      code: w.Code,
      provinceCode: p.Code,
      name: w.Name,
      nameEn: w.NameEn,
      fullName: w.FullName,
      fullNameEn: w.FullNameEn,
      sortKey: vietnameseSortKey(w.Name),
    })),
  );

  const counts = await referenceRepository.unitCounts(db);
  if (counts.provinces === provinceRows.length && counts.communes === communeRows.length) return;

  log(`Nạp đơn vị hành chính: ${provinceRows.length} tỉnh, ${communeRows.length} xã/phường…`);
  await db.transaction(async (tx) => {
    for (const batch of chunks(provinceRows)) await referenceRepository.upsertProvinces(tx, batch);
    for (const batch of chunks(communeRows)) await referenceRepository.upsertCommunes(tx, batch);
  });
  log('Đã nạp đơn vị hành chính.');
}

/** All reference data: administrative units and the shipped criteria versions. */
export async function loadReferenceData(db: Db, dataDir: string, log: (msg: string) => void = () => {}): Promise<void> {
  await loadAdministrativeUnits(db, dataDir, log);
  await syncBuiltinCriteria(db, dataDir, log);
}
