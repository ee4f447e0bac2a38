import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { communes, provinces } from '../../db/schema/index.js';

/** Names of administrative units, as documents print them. */
export const referenceRepository = {
  /** "Tỉnh Đồng Tháp"; undefined for an unknown code. */
  provinceFullName: async (db: DbOrTx, code: string) =>
    (await db.select({ name: provinces.fullName }).from(provinces).where(eq(provinces.code, code)).limit(1))[0]?.name,
  /** "Phường Sa Đéc". */
  communeFullName: async (db: DbOrTx, code: string) =>
    (await db.select({ name: communes.fullName }).from(communes).where(eq(communes.code, code)).limit(1))[0]?.name,
};
