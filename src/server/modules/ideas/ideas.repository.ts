import { and, asc, count, desc, eq, getTableColumns, gte, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DossierState } from '../../../domain/evaluation/dossier-workflow.js';
import type { RegistryScope } from '../../../domain/policies/index.js';
import { foldVietnamese } from '../../../domain/text/vietnamese.js';
import type { DbOrTx } from '../../db/client.js';
import { businessPlans, communes, historicalResults, productIdeas, products, subjects, supportGrants } from '../../db/schema/index.js';
import { likeEscape, subjectScopeWhere } from '../../db/sql-scope.js';
import { searchInStages, searchPlans } from '../../db/text-search.js';

export type IdeaRow = typeof productIdeas.$inferSelect & { communeName: string; subjectName: string | null; subjectCode: string | null };
export type IdeaListRow = IdeaRow & { planCount: number };
export type IdeaValues = Omit<typeof productIdeas.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'status' | 'screenedOn' | 'screeningNote'>;
export type BusinessPlanRow = typeof businessPlans.$inferSelect;
export type BusinessPlanListRow = BusinessPlanRow & { productName: string | null; certified: boolean; reachedCouncil: boolean };
/** A plan in the province's list: with the idea it is built on, its commune and subject. */
export type PlanListRow = BusinessPlanListRow & {
  productCode: string | null;
  ideaTitle: string;
  ideaExternalCode: string | null;
  communeCode: string;
  communeName: string;
  subjectId: string | null;
  subjectName: string | null;
  subjectCode: string | null;
  proposerName: string | null;
};
/** What the plans list is narrowed by, besides the scope: the year submitted, the plan's status, the idea's commune, words of a name. */
export type PlanFilters = { q?: string | undefined; year?: number | undefined; status?: string | undefined; communeCode?: string | undefined };
export type BusinessPlanValues = Omit<typeof businessPlans.$inferInsert, 'id' | 'ideaId' | 'createdAt' | 'updatedAt'>;

/**
 * Which ideas a list shows: those of the province whose activities the caller reads (null for a
 * producer), narrowed by the caller's registry scope (an officer's communes, a producer's own ideas).
 */
export type IdeaScope = { provinceCode: string | null; registry: RegistryScope };

/** What an idea list is narrowed by, besides the scope; `q` searches titles and the province's own code. */
export type IdeaFilters = { q?: string | undefined; year?: number | undefined; status?: string | undefined; communeCode?: string | undefined };

const planCount = sql<number>`(select count(*) from ${businessPlans} where ${businessPlans.ideaId} = ${productIdeas.id})`.mapWith(Number);
const ideaColumns = {
  ...getTableColumns(productIdeas),
  communeName: communes.name,
  subjectName: subjects.name,
  subjectCode: sql<string | null>`coalesce(${subjects.externalCode}, ${subjects.taxCode})`,
};

/** States a dossier is in once the province put it before its council, and every state after (Art. 7.3). */
const AT_OR_PAST_COUNCIL: readonly DossierState[] = [
  'in_council',
  'scored',
  'decided',
  'approved',
  'forwarded_to_ministry',
  'ministry_received',
  'in_central_council',
  'central_scored',
  'ministry_decided',
];
/** Whether the plan's product holds an OCOP certificate of 3★ or more that was not revoked. */
const certified = sql<boolean>`exists (select 1 from certificates c where c.product_id = ${businessPlans.productId} and c.star >= 3 and c.revoked_on is null)`;
/** Whether one of the plan's product's dossiers reached the council (one withdrawn after that still did). */
const reachedCouncil = sql<boolean>`exists (select 1 from dossiers d where d.product_id = ${businessPlans.productId}
  and (d.state in (${sql.join(
    AT_OR_PAST_COUNCIL.map((s) => sql`${s}`),
    sql`, `,
  )}) or exists (select 1 from dossier_events e where e.dossier_id = d.id and e.to_state = 'in_council')))`;

function scopeWhere(scope: IdeaScope): SQL | undefined {
  return and(
    scope.provinceCode === null ? undefined : eq(productIdeas.provinceCode, scope.provinceCode),
    subjectScopeWhere(scope.registry, { provinceCode: productIdeas.provinceCode, communeCode: productIdeas.communeCode, subjectId: productIdeas.subjectId }),
  );
}

async function listWhere(db: DbOrTx, where: SQL | undefined, rank: SQL[], page: { limit: number; offset: number }) {
  const [items, totals] = await Promise.all([
    db
      .select({ ...ideaColumns, planCount })
      .from(productIdeas)
      .innerJoin(communes, eq(communes.code, productIdeas.communeCode))
      .leftJoin(subjects, eq(subjects.id, productIdeas.subjectId))
      .where(where)
      .orderBy(...rank, desc(productIdeas.receivedOn), desc(productIdeas.createdAt), productIdeas.id)
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(productIdeas).where(where),
  ]);
  return { items: items as IdeaListRow[], total: totals[0]?.n ?? 0 };
}

/**
 * Plans matching words of a name: each folded word in the idea's title or the product's name (any
 * order), or the whole text in the plan's title or as the plan's or the idea's own code.
 */
function planSearch(q: string | undefined): SQL | undefined {
  const folded = q ? foldVietnamese(q) : '';
  if (!folded) return undefined;
  const raw = q!.trim();
  const words = folded.split(' ').filter(Boolean);
  return or(
    and(...words.map((w) => sql`(${productIdeas.titleSearch} like ${`%${likeEscape(w)}%`} or ${products.nameSearch} like ${`%${likeEscape(w)}%`})`)),
    ilike(businessPlans.title, `%${likeEscape(raw)}%`),
    eq(businessPlans.externalCode, raw),
    eq(productIdeas.externalCode, raw),
  );
}

/** Product ideas (phiếu đăng ký ý tưởng sản phẩm) and the business plans built on them. */
export const ideasRepository = {
  /** One page of the ideas in the scope matching the filters: search rank first, then the latest received. */
  list(db: DbOrTx, scope: IdeaScope, f: IdeaFilters, page: { limit: number; offset: number }) {
    const filters = and(
      scopeWhere(scope),
      f.year ? and(gte(productIdeas.receivedOn, `${f.year}-01-01`), lte(productIdeas.receivedOn, `${f.year}-12-31`)) : undefined,
      f.status ? eq(productIdeas.status, f.status) : undefined,
      f.communeCode ? eq(productIdeas.communeCode, f.communeCode) : undefined,
    );
    const folded = f.q ? foldVietnamese(f.q) : '';
    if (!folded) return listWhere(db, filters, [], page);
    const plans = searchPlans(productIdeas.titleSearch, { folded, exact: [eq(productIdeas.externalCode, f.q!.trim())] });
    return searchInStages(plans, (plan) => listWhere(db, and(filters, plan.where), plan.orderBy, page));
  },

  get: async (db: DbOrTx, id: string): Promise<IdeaRow | undefined> =>
    (
      await db
        .select(ideaColumns)
        .from(productIdeas)
        .innerJoin(communes, eq(communes.code, productIdeas.communeCode))
        .leftJoin(subjects, eq(subjects.id, productIdeas.subjectId))
        .where(eq(productIdeas.id, id))
        .limit(1)
    )[0],

  /** The idea of this province with this code of the province's own records, if any. */
  findByExternalCode: async (db: DbOrTx, provinceCode: string, externalCode: string) =>
    (
      await db
        .select({ id: productIdeas.id })
        .from(productIdeas)
        .where(and(eq(productIdeas.provinceCode, provinceCode), eq(productIdeas.externalCode, externalCode)))
        .limit(1)
    )[0],

  insert: async (db: DbOrTx, values: IdeaValues & { createdBy: string | null }) => (await db.insert(productIdeas).values(values).returning())[0]!,
  update: async (db: DbOrTx, id: string, values: Partial<typeof productIdeas.$inferInsert>) =>
    (
      await db
        .update(productIdeas)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(productIdeas.id, id))
        .returning()
    )[0]!,
  delete: (db: DbOrTx, id: string) => db.delete(productIdeas).where(eq(productIdeas.id, id)),

  /** An idea's business plans, oldest first, with their product's name and what its dossiers and certificates say of it. */
  plansOf: async (db: DbOrTx, ideaId: string): Promise<BusinessPlanListRow[]> =>
    db
      .select({ ...getTableColumns(businessPlans), productName: products.name, certified, reachedCouncil })
      .from(businessPlans)
      .leftJoin(products, eq(products.id, businessPlans.productId))
      .where(eq(businessPlans.ideaId, ideaId))
      .orderBy(asc(businessPlans.submittedOn), asc(businessPlans.createdAt)),
  /** One page of the plans of the ideas in the scope matching the filters, the latest submitted first. */
  async listPlans(db: DbOrTx, scope: IdeaScope, f: PlanFilters, page: { limit: number; offset: number }) {
    const where = and(
      scopeWhere(scope),
      f.year ? and(gte(businessPlans.submittedOn, `${f.year}-01-01`), lte(businessPlans.submittedOn, `${f.year}-12-31`)) : undefined,
      f.status ? eq(businessPlans.status, f.status) : undefined,
      f.communeCode ? eq(productIdeas.communeCode, f.communeCode) : undefined,
      planSearch(f.q),
    );
    const [items, totals] = await Promise.all([
      db
        .select({
          ...getTableColumns(businessPlans),
          productName: products.name,
          certified,
          reachedCouncil,
          productCode: sql<string | null>`coalesce(${products.externalCode}, ${products.ocopCode})`,
          ideaTitle: productIdeas.title,
          ideaExternalCode: productIdeas.externalCode,
          communeCode: productIdeas.communeCode,
          communeName: communes.name,
          subjectId: productIdeas.subjectId,
          subjectName: subjects.name,
          subjectCode: ideaColumns.subjectCode,
          proposerName: productIdeas.proposerName,
        })
        .from(businessPlans)
        .innerJoin(productIdeas, eq(productIdeas.id, businessPlans.ideaId))
        .innerJoin(communes, eq(communes.code, productIdeas.communeCode))
        .leftJoin(subjects, eq(subjects.id, productIdeas.subjectId))
        .leftJoin(products, eq(products.id, businessPlans.productId))
        .where(where)
        .orderBy(desc(businessPlans.submittedOn), desc(businessPlans.createdAt), businessPlans.id)
        .limit(page.limit)
        .offset(page.offset),
      db
        .select({ n: count() })
        .from(businessPlans)
        .innerJoin(productIdeas, eq(productIdeas.id, businessPlans.ideaId))
        .leftJoin(products, eq(products.id, businessPlans.productId))
        .where(where),
    ]);
    return { items: items as PlanListRow[], total: totals[0]?.n ?? 0 };
  },
  /** The business plan of this province with this code of the province's own records, if any. */
  findPlanByExternalCode: async (db: DbOrTx, provinceCode: string, externalCode: string) =>
    (
      await db
        .select({ id: businessPlans.id })
        .from(businessPlans)
        .innerJoin(productIdeas, eq(productIdeas.id, businessPlans.ideaId))
        .where(and(eq(productIdeas.provinceCode, provinceCode), eq(businessPlans.externalCode, externalCode)))
        .limit(1)
    )[0],
  getPlan: async (db: DbOrTx, id: string): Promise<BusinessPlanRow | undefined> =>
    (await db.select().from(businessPlans).where(eq(businessPlans.id, id)).limit(1))[0],
  insertPlan: async (db: DbOrTx, values: BusinessPlanValues & { ideaId: string }) => (await db.insert(businessPlans).values(values).returning())[0]!,
  updatePlan: async (db: DbOrTx, id: string, values: BusinessPlanValues) =>
    (
      await db
        .update(businessPlans)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(businessPlans.id, id))
        .returning()
    )[0]!,
  deletePlan: (db: DbOrTx, id: string) => db.delete(businessPlans).where(eq(businessPlans.id, id)),

  /** The amounts and statuses of the grants linked to these plans (what they committed is the domain's rule). */
  grantsOfPlans: (db: DbOrTx, planIds: readonly string[]) =>
    planIds.length
      ? db
          .select({ businessPlanId: supportGrants.businessPlanId, amountVnd: supportGrants.amountVnd, status: supportGrants.status })
          .from(supportGrants)
          .where(inArray(supportGrants.businessPlanId, [...planIds]))
      : Promise.resolve([]),
  /** The results recorded from earlier years of these products (what each recognised is the domain's rule). */
  earlierResultsOf: (db: DbOrTx, productIds: readonly string[]) =>
    productIds.length
      ? db
          .select({
            productId: historicalResults.productId,
            level: historicalResults.level,
            legalBasis: historicalResults.legalBasis,
            star: historicalResults.star,
          })
          .from(historicalResults)
          .where(inArray(historicalResults.productId, [...productIds]))
      : Promise.resolve([]),
  /** How many grants name the plan, cancelled ones included (they are records of the plan too). */
  grantCountOfPlan: async (db: DbOrTx, planId: string) =>
    (await db.select({ n: count() }).from(supportGrants).where(eq(supportGrants.businessPlanId, planId)))[0]?.n ?? 0,

  commune: async (db: DbOrTx, code: string) =>
    (await db.select({ code: communes.code, provinceCode: communes.provinceCode }).from(communes).where(eq(communes.code, code)).limit(1))[0],
  subject: async (db: DbOrTx, id: string) =>
    (
      await db
        .select({ id: subjects.id, provinceCode: subjects.provinceCode, communeCode: subjects.communeCode })
        .from(subjects)
        .where(eq(subjects.id, id))
        .limit(1)
    )[0],
  /** A product with its producer's place. */
  product: async (db: DbOrTx, id: string) =>
    (
      await db
        .select({ id: products.id, subjectId: products.subjectId, provinceCode: subjects.provinceCode, communeCode: subjects.communeCode })
        .from(products)
        .innerJoin(subjects, eq(subjects.id, products.subjectId))
        .where(eq(products.id, id))
        .limit(1)
    )[0],
};
