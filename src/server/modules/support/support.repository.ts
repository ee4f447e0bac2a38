import { and, type AnyColumn, count, desc, eq, getTableColumns, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { RegistryScope } from '../../../domain/policies/index.js';
import { foldVietnamese } from '../../../domain/text/vietnamese.js';
import type { DbOrTx } from '../../db/client.js';
import { businessPlans, productIdeas, products, subjects, supportGrants, supportPolicies } from '../../db/schema/index.js';
import { likeEscape, subjectScopeWhere } from '../../db/sql-scope.js';

export type PolicyRow = typeof supportPolicies.$inferSelect;
export type PolicyValues = Omit<typeof supportPolicies.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type GrantRow = typeof supportGrants.$inferSelect & {
  policyName: string;
  policyCode: string | null;
  subjectName: string;
  subjectCode: string | null;
  communeCode: string | null;
  productName: string | null;
  productCode: string | null;
  businessPlanCode: string | null;
};
export type GrantValues = Omit<typeof supportGrants.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
type Page = { limit: number; offset: number };

export type PolicyFilters = { q?: string | undefined; year?: number | undefined; area?: string | undefined };
export type GrantFilters = {
  q?: string | undefined;
  year?: number | undefined;
  policyId?: string | undefined;
  subjectId?: string | undefined;
  status?: string | undefined;
};
/**
 * Which grants a list shows: those under policies of the province whose activities the caller
 * reads (null for a producer), to producers the caller's registry scope includes.
 */
export type GrantScope = { provinceCode: string | null; registry: RegistryScope };

/** Accent- and case-insensitive "contains" over a column with no stored folded form. */
const unaccentedContains = (column: AnyColumn | SQL, q: string) =>
  sql`ocop_unaccent(lower(${column})) like ocop_unaccent(lower(${`%${likeEscape(q.trim())}%`}))`;

const grantColumns = {
  ...getTableColumns(supportGrants),
  policyName: supportPolicies.name,
  policyCode: supportPolicies.externalCode,
  subjectName: subjects.name,
  subjectCode: sql<string | null>`coalesce(${subjects.externalCode}, ${subjects.taxCode})`,
  communeCode: subjects.communeCode,
  productName: products.name,
  productCode: sql<string | null>`coalesce(${products.externalCode}, ${products.ocopCode})`,
  businessPlanCode: sql<string | null>`(select bp.external_code from business_plans bp where bp.id = ${supportGrants.businessPlanId})`,
};

function grantWhere(scope: GrantScope, f: GrantFilters): SQL | undefined {
  return and(
    scope.provinceCode === null ? undefined : eq(supportPolicies.provinceCode, scope.provinceCode),
    subjectScopeWhere(scope.registry),
    f.year ? and(gte(supportGrants.grantedOn, `${f.year}-01-01`), lte(supportGrants.grantedOn, `${f.year}-12-31`)) : undefined,
    f.policyId ? eq(supportGrants.policyId, f.policyId) : undefined,
    f.subjectId ? eq(supportGrants.subjectId, f.subjectId) : undefined,
    f.status ? eq(supportGrants.status, f.status) : undefined,
    f.q ? or(sql`${subjects.nameSearch} like ${`%${likeEscape(foldVietnamese(f.q))}%`}`, unaccentedContains(supportGrants.content, f.q)) : undefined,
  );
}

/** Support policies (chính sách hỗ trợ) and the grants made under them. */
export const supportRepository = {
  /** One page of the province's policies matching the filters, the latest year first. */
  async listPolicies(db: DbOrTx, provinceCode: string, f: PolicyFilters, page: Page) {
    const where = and(
      eq(supportPolicies.provinceCode, provinceCode),
      f.year ? eq(supportPolicies.year, f.year) : undefined,
      f.area ? eq(supportPolicies.area, f.area) : undefined,
      f.q ? or(unaccentedContains(supportPolicies.name, f.q), eq(supportPolicies.externalCode, f.q.trim())) : undefined,
    );
    const [items, totals] = await Promise.all([
      db
        .select()
        .from(supportPolicies)
        .where(where)
        .orderBy(desc(supportPolicies.year), desc(supportPolicies.createdAt), supportPolicies.id)
        .limit(page.limit)
        .offset(page.offset),
      db.select({ n: count() }).from(supportPolicies).where(where),
    ]);
    return { items, total: totals[0]?.n ?? 0 };
  },
  getPolicy: async (db: DbOrTx, id: string): Promise<PolicyRow | undefined> =>
    (await db.select().from(supportPolicies).where(eq(supportPolicies.id, id)).limit(1))[0],
  /** Takes the policy's row lock and reads its budget: grants under one policy are checked against it one at a time. */
  lockPolicy: async (db: DbOrTx, id: string) =>
    (await db.select({ budgetVnd: supportPolicies.budgetVnd }).from(supportPolicies).where(eq(supportPolicies.id, id)).for('update'))[0],
  findPolicyByExternalCode: async (db: DbOrTx, provinceCode: string, externalCode: string) =>
    (
      await db
        .select({ id: supportPolicies.id })
        .from(supportPolicies)
        .where(and(eq(supportPolicies.provinceCode, provinceCode), eq(supportPolicies.externalCode, externalCode)))
        .limit(1)
    )[0],
  insertPolicy: async (db: DbOrTx, values: PolicyValues) => (await db.insert(supportPolicies).values(values).returning())[0]!,
  updatePolicy: async (db: DbOrTx, id: string, values: PolicyValues) =>
    (
      await db
        .update(supportPolicies)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(supportPolicies.id, id))
        .returning()
    )[0]!,
  deletePolicy: (db: DbOrTx, id: string) => db.delete(supportPolicies).where(eq(supportPolicies.id, id)),

  /** Every grant of these policies: amount, status and date (what they commit is the domain's rule). */
  grantsOfPolicies: (db: DbOrTx, policyIds: readonly string[]) =>
    policyIds.length
      ? db
          .select({
            id: supportGrants.id,
            policyId: supportGrants.policyId,
            amountVnd: supportGrants.amountVnd,
            status: supportGrants.status,
            grantedOn: supportGrants.grantedOn,
          })
          .from(supportGrants)
          .where(inArray(supportGrants.policyId, [...policyIds]))
      : Promise.resolve([]),

  /** One page of the grants in the scope matching the filters, the latest first. */
  async listGrants(db: DbOrTx, scope: GrantScope, f: GrantFilters, page: Page) {
    const where = grantWhere(scope, f);
    const [items, totals] = await Promise.all([
      db
        .select(grantColumns)
        .from(supportGrants)
        .innerJoin(supportPolicies, eq(supportPolicies.id, supportGrants.policyId))
        .innerJoin(subjects, eq(subjects.id, supportGrants.subjectId))
        .leftJoin(products, eq(products.id, supportGrants.productId))
        .where(where)
        .orderBy(desc(supportGrants.grantedOn), desc(supportGrants.createdAt), supportGrants.id)
        .limit(page.limit)
        .offset(page.offset),
      db
        .select({ n: count() })
        .from(supportGrants)
        .innerJoin(supportPolicies, eq(supportPolicies.id, supportGrants.policyId))
        .innerJoin(subjects, eq(subjects.id, supportGrants.subjectId))
        .where(where),
    ]);
    return { items: items as GrantRow[], total: totals[0]?.n ?? 0 };
  },
  /** The amount and status of every grant the list's filters match, over all its pages (for its total). */
  grantAmounts: (db: DbOrTx, scope: GrantScope, f: GrantFilters) =>
    db
      .select({ amountVnd: supportGrants.amountVnd, status: supportGrants.status })
      .from(supportGrants)
      .innerJoin(supportPolicies, eq(supportPolicies.id, supportGrants.policyId))
      .innerJoin(subjects, eq(subjects.id, supportGrants.subjectId))
      .where(grantWhere(scope, f)),
  getGrant: async (db: DbOrTx, id: string): Promise<(GrantRow & { provinceCode: string; subjectProvinceCode: string }) | undefined> =>
    (
      await db
        .select({ ...grantColumns, provinceCode: supportPolicies.provinceCode, subjectProvinceCode: subjects.provinceCode })
        .from(supportGrants)
        .innerJoin(supportPolicies, eq(supportPolicies.id, supportGrants.policyId))
        .innerJoin(subjects, eq(subjects.id, supportGrants.subjectId))
        .leftJoin(products, eq(products.id, supportGrants.productId))
        .where(eq(supportGrants.id, id))
        .limit(1)
    )[0],
  findGrantByExternalCode: async (db: DbOrTx, policyId: string, externalCode: string) =>
    (
      await db
        .select({ id: supportGrants.id })
        .from(supportGrants)
        .where(and(eq(supportGrants.policyId, policyId), eq(supportGrants.externalCode, externalCode)))
        .limit(1)
    )[0],
  insertGrant: async (db: DbOrTx, values: GrantValues) => (await db.insert(supportGrants).values(values).returning())[0]!,
  updateGrant: async (db: DbOrTx, id: string, values: GrantValues) =>
    (
      await db
        .update(supportGrants)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(supportGrants.id, id))
        .returning()
    )[0]!,
  deleteGrant: (db: DbOrTx, id: string) => db.delete(supportGrants).where(eq(supportGrants.id, id)),

  subject: async (db: DbOrTx, id: string) =>
    (
      await db
        .select({ id: subjects.id, provinceCode: subjects.provinceCode, communeCode: subjects.communeCode })
        .from(subjects)
        .where(eq(subjects.id, id))
        .limit(1)
    )[0],
  product: async (db: DbOrTx, id: string) =>
    (
      await db
        .select({ id: products.id, subjectId: products.subjectId, provinceCode: subjects.provinceCode })
        .from(products)
        .innerJoin(subjects, eq(subjects.id, products.subjectId))
        .where(eq(products.id, id))
        .limit(1)
    )[0],
  /** A business plan with the place and producer of the idea it is built on. */
  businessPlan: async (db: DbOrTx, id: string) =>
    (
      await db
        .select({ id: businessPlans.id, provinceCode: productIdeas.provinceCode, communeCode: productIdeas.communeCode, subjectId: productIdeas.subjectId })
        .from(businessPlans)
        .innerJoin(productIdeas, eq(productIdeas.id, businessPlans.ideaId))
        .where(eq(businessPlans.id, id))
        .limit(1)
    )[0],
};
