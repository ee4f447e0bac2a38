import { asc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.js';
import { communes, criteriaSets, provinces } from '../../db/schema/index.js';

export type ProvinceValues = typeof provinces.$inferInsert;
export type CommuneValues = typeof communes.$inferInsert;

const communeColumns = {
  code: communes.code,
  provinceCode: communes.provinceCode,
  name: communes.name,
  nameEn: communes.nameEn,
  fullName: communes.fullName,
  fullNameEn: communes.fullNameEn,
};
const provinceColumns = {
  code: provinces.code,
  name: provinces.name,
  nameEn: provinces.nameEn,
  fullName: provinces.fullName,
  fullNameEn: provinces.fullNameEn,
};

/** Administrative units (Decision 19/2025/QĐ-TTg) and the criteria-set catalogue: the reference data every module reads. */
export const referenceRepository = {
  /** "Tỉnh Đồng Tháp"; undefined for an unknown code. */
  provinceFullName: async (db: DbOrTx, code: string) =>
    (await db.select({ name: provinces.fullName }).from(provinces).where(eq(provinces.code, code)).limit(1))[0]?.name,
  /** "Phường Sa Đéc". */
  communeFullName: async (db: DbOrTx, code: string) =>
    (await db.select({ name: communes.fullName }).from(communes).where(eq(communes.code, code)).limit(1))[0]?.name,

  /** Every province, in Vietnamese order. */
  provinces: (db: DbOrTx) => db.select(provinceColumns).from(provinces).orderBy(asc(provinces.sortKey)),
  /** The communes of a province, in Vietnamese order (empty for an unknown province). */
  communesOf: (db: DbOrTx, provinceCode: string) =>
    db.select(communeColumns).from(communes).where(eq(communes.provinceCode, provinceCode)).orderBy(asc(communes.sortKey)),
  /** The communes of these codes that exist, with their province. */
  communesByCode: (db: DbOrTx, codes: readonly string[]) =>
    codes.length
      ? db
          .select({ code: communes.code, provinceCode: communes.provinceCode })
          .from(communes)
          .where(inArray(communes.code, [...codes]))
      : Promise.resolve([]),

  /** The sets (bộ sản phẩm) of a criteria version, by number. */
  criteriaSetsOf: (db: DbOrTx, legalBasis: string) =>
    db.select().from(criteriaSets).where(eq(criteriaSets.legalBasis, legalBasis)).orderBy(asc(criteriaSets.number)),

  /** How many provinces and communes are loaded: the loader skips its work when they match the file. */
  async unitCounts(db: DbOrTx) {
    const [counts] = await queryRows<{ p: number; c: number }>(
      db,
      sql`select (select count(*) from provinces)::int as p, (select count(*) from communes)::int as c`,
    );
    return { provinces: counts?.p ?? 0, communes: counts?.c ?? 0 };
  },
  /** Inserts provinces, or updates their names when the code exists (a corrected data file). */
  upsertProvinces: (db: DbOrTx, rows: ProvinceValues[]) =>
    db
      .insert(provinces)
      .values(rows)
      .onConflictDoUpdate({
        target: provinces.code,
        set: {
          name: sql`excluded.name`,
          nameEn: sql`excluded.name_en`,
          fullName: sql`excluded.full_name`,
          fullNameEn: sql`excluded.full_name_en`,
          sortKey: sql`excluded.sort_key`,
        },
      }),
  /** Inserts communes, or updates their province and names when the code exists. */
  upsertCommunes: (db: DbOrTx, rows: CommuneValues[]) =>
    db
      .insert(communes)
      .values(rows)
      .onConflictDoUpdate({
        target: communes.code,
        set: {
          provinceCode: sql`excluded.province_code`,
          name: sql`excluded.name`,
          nameEn: sql`excluded.name_en`,
          fullName: sql`excluded.full_name`,
          fullNameEn: sql`excluded.full_name_en`,
          sortKey: sql`excluded.sort_key`,
        },
      }),
};
