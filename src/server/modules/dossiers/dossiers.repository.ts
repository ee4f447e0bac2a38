import { and, asc, count, desc, eq, getTableColumns, inArray, isNotNull, isNull, ne, notInArray, or, sql } from 'drizzle-orm';
import { alias, type PgSelect } from 'drizzle-orm/pg-core';
import { CLOSED_STATES, type DossierAction, type DossierKind } from '../../../domain/evaluation/dossier-workflow.js';
import { vietnamDate, type IsoDate } from '../../../domain/dates/calendar.js';
import type { RegistryScope } from '../../../domain/policies/index.js';
import { foldVietnamese } from '../../../domain/text/vietnamese.js';
import type { DbOrTx } from '../../db/client.js';
import { idsIfAtMost, inOrderOf } from '../../db/kept-lists.js';
import { runPrepared } from '../../db/prepared.js';
import { likeEscape, subjectScopeWhere } from '../../db/sql-scope.js';
import { filedProductCode } from '../../db/product-codes.js';
import {
  certificates,
  communes,
  councilMembers,
  councilResults,
  councilSessions,
  decisionItems,
  decisions,
  dossierEvents,
  dossierFilings,
  dossiers,
  evaluationRounds,
  products,
  selfAssessments,
  sessionDossiers,
  subjects,
  users,
  userCommunes,
} from '../../db/schema/index.js';

export type DossierRow = typeof dossiers.$inferSelect & {
  productName: string;
  ocopCode: string;
  subjectName: string;
  communeName: string;
  roundName: string | null;
  filedOn: string | null;
  /** For the stage's deadline: the result dates of its rounds and the days the province and the ministry received it. */
  provinceResultDeadline: string | null;
  ministryResultDeadline: string | null;
  receivedAt: Date | null;
  ministryReceivedAt: Date | null;
  /** For filing it: the product's set now, the attached sheet, and the completed sheets it could be filed with. */
  productSetNumber: number | null;
  sheetStatus: string | null;
  sheetSetNumber: number | null;
  sheetLegalBasis: string | null;
  completedSheets: number;
};
export type DossierValues = typeof dossiers.$inferInsert;
export type FilingRow = typeof dossierFilings.$inferSelect;
export type CouncilResultRow = typeof councilResults.$inferSelect;
export type { FiledEvidence, FiledProduct, FiledSelfAssessment, FiledSubject } from '../../db/schema/index.js';

/** What the list filters on: the caller's scope (from the policies) and the filters of the page. */
export type DossierFilter = {
  scope: RegistryScope;
  q?: string | undefined;
  state?: string | undefined;
  kind?: DossierKind | undefined;
  roundId?: string | undefined;
  communeCode?: string | undefined;
  productId?: string | undefined;
};

const SCOPE_COLUMNS = { provinceCode: dossiers.provinceCode, communeCode: dossiers.communeCode, subjectId: dossiers.subjectId };
const scopeWhere = (scope: RegistryScope) => subjectScopeWhere(scope, SCOPE_COLUMNS);
/**
 * The filter as SQL, on the dossiers alone: for `q`, the product's or the producer's folded name
 * (accents and case ignored, as everywhere) or the exact OCOP code. A draft taken back before filing
 * is out of the list unless its state is asked for.
 */
const filterWhere = (f: DossierFilter) =>
  and(
    scopeWhere(f.scope),
    f.state ? eq(dossiers.state, f.state) : or(ne(dossiers.state, 'withdrawn'), isNotNull(dossiers.currentFilingId)),
    f.kind ? eq(dossiers.kind, f.kind) : undefined,
    f.roundId ? or(eq(dossiers.roundId, f.roundId), eq(dossiers.ministryRoundId, f.roundId)) : undefined,
    f.communeCode ? eq(dossiers.communeCode, f.communeCode) : undefined,
    f.productId ? eq(dossiers.productId, f.productId) : undefined,
    f.q ? qWhere(f.q) : undefined,
  );
/**
 * The products and producers whose names hold the words are found first (each through its trigram
 * index), then the dossiers of those: a search stays a filter on the dossiers, so the list keeps the
 * plan it has without one (along the recent-first index, stopping at the page) and the count reads no
 * joins. Joined instead, PostgreSQL hashed every product and producer of the country to count a search.
 */
function qWhere(q: string) {
  const pattern = `%${likeEscape(foldVietnamese(q))}%`;
  return or(
    inArray(
      dossiers.productId,
      sql`(select ${products.id} from ${products} where ${products.nameSearch} like ${pattern} or ${products.ocopCode} = ${q.trim()})`,
    ),
    inArray(dossiers.subjectId, sql`(select ${subjects.id} from ${subjects} where ${subjects.nameSearch} like ${pattern})`),
  );
}

const ministryRounds = alias(evaluationRounds, 'ministry_rounds');
const attachedSheets = alias(selfAssessments, 'attached_sheets');
const lastStepAt = (action: DossierAction) =>
  sql<Date | null>`(select max(${dossierEvents.at}) from ${dossierEvents} where ${dossierEvents.dossierId} = ${dossiers.id} and ${dossierEvents.action} = ${action})`.mapWith(
    (v) => (v === null ? null : new Date(v)),
  );

// Once filed, a dossier names the product and producer as filed: later renames do not reach it.
const columns = {
  ...getTableColumns(dossiers),
  productName: sql<string>`coalesce(${dossierFilings.product}->>'name', ${products.name})`,
  ocopCode: filedProductCode,
  subjectName: sql<string>`coalesce(${dossierFilings.subject}->>'name', ${subjects.name})`,
  communeName: communes.name,
  roundName: evaluationRounds.name,
  filedOn: dossierFilings.filedOn,
  provinceResultDeadline: evaluationRounds.resultDeadline,
  ministryResultDeadline: ministryRounds.resultDeadline,
  receivedAt: lastStepAt('receive'),
  ministryReceivedAt: lastStepAt('ministry_receive'),
  productSetNumber: products.criteriaSetNumber,
  sheetStatus: attachedSheets.status,
  sheetSetNumber: attachedSheets.setNumber,
  sheetLegalBasis: attachedSheets.legalBasis,
  completedSheets:
    sql<number>`(select count(*) from ${selfAssessments} where ${selfAssessments.productId} = ${dossiers.productId} and ${selfAssessments.status} = 'completed' and ${selfAssessments.setNumber} = ${products.criteriaSetNumber} and ${selfAssessments.legalBasis} = ${dossiers.legalBasis})`.mapWith(
      Number,
    ),
};

/** What a dossier's row shows besides its own record: lookups by key hanging off the dossier. */
const joinShown = <Q extends PgSelect>(query: Q) =>
  query
    .innerJoin(products, eq(products.id, dossiers.productId))
    .innerJoin(subjects, eq(subjects.id, dossiers.subjectId))
    .innerJoin(communes, eq(communes.code, dossiers.communeCode))
    .leftJoin(evaluationRounds, eq(evaluationRounds.id, dossiers.roundId))
    .leftJoin(ministryRounds, eq(ministryRounds.id, dossiers.ministryRoundId))
    .leftJoin(attachedSheets, eq(attachedSheets.id, dossiers.selfAssessmentId))
    .leftJoin(dossierFilings, eq(dossierFilings.id, dossiers.currentFilingId));

const base = (db: DbOrTx) => joinShown(db.select(columns).from(dossiers).$dynamic());

const RECENT_FIRST = [desc(dossiers.updatedAt), dossiers.id];

/**
 * A page of the list: its dossiers are found first, along the recent-first index, and only they are
 * joined to what their rows show. Joined before the offset, a fifth page joined and sub-selected
 * for the hundred dossiers up to it (5–7 ms of execution) to show twenty. The page's keys come
 * first in the FROM list, so PGlite, which takes the joins as written here, starts from them too.
 */
function pageQuery(db: DbOrTx, filter: DossierFilter, page: { limit: number; offset: number }) {
  const pageIds = db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(filterWhere(filter))
    .orderBy(...RECENT_FIRST)
    .limit(page.limit)
    .offset(page.offset)
    .as('page_ids');
  return joinShown(db.select(columns).from(pageIds).innerJoin(dossiers, eq(dossiers.id, pageIds.id)).$dynamic()).orderBy(...RECENT_FIRST);
}

const STORED = Object.keys(getTableColumns(dossiers));
/** The dossier's own record, without what the list joins to it: what the audit log keeps. */
export const storedDossier = (row: DossierRow): typeof dossiers.$inferSelect =>
  Object.fromEntries(Object.entries(row).filter(([key]) => STORED.includes(key))) as typeof dossiers.$inferSelect;

export const dossiersRepository = {
  /** One page of the list, most recently changed first (the id breaks ties, so pages are stable). */
  page: async (db: DbOrTx, filter: DossierFilter, page: { limit: number; offset: number }) =>
    (await runPrepared(db, (tx) => pageQuery(tx, filter, page), { joinsAsWritten: true })) as DossierRow[],
  /** The ids of every dossier the list holds with this filter, in its order; null past `maxKept` (read along the same index). */
  async matchIds(db: DbOrTx, filter: DossierFilter, maxKept: number) {
    const rows = await db
      .select({ id: dossiers.id })
      .from(dossiers)
      .where(filterWhere(filter))
      .orderBy(...RECENT_FIRST)
      .limit(maxKept + 1);
    return idsIfAtMost(rows, maxKept);
  },
  /** These dossiers' rows, in the order given (a page of kept matches). */
  async rowsByIds(db: DbOrTx, ids: string[]) {
    if (!ids.length) return [];
    return inOrderOf(ids, (await runPrepared(db, (tx) => base(tx).where(inArray(dossiers.id, ids)), { joinsAsWritten: true })) as DossierRow[]);
  },
  /** How many dossiers the list holds with this filter: the dossiers alone are read. */
  count: async (db: DbOrTx, filter: DossierFilter) => (await db.select({ n: count() }).from(dossiers).where(filterWhere(filter)))[0]?.n ?? 0,
  get: async (db: DbOrTx, id: string) =>
    (await runPrepared(db, (tx) => base(tx).where(eq(dossiers.id, id)).limit(1), { joinsAsWritten: true }))[0] as DossierRow | undefined,
  getMany: async (db: DbOrTx, ids: readonly string[]) => (ids.length ? ((await base(db).where(inArray(dossiers.id, [...ids]))) as DossierRow[]) : []),
  openForProduct: async (db: DbOrTx, productId: string) =>
    (
      await db
        .select({ id: dossiers.id })
        .from(dossiers)
        .where(and(eq(dossiers.productId, productId), notInArray(dossiers.state, [...CLOSED_STATES])))
        .limit(1)
    )[0],
  insert: async (db: DbOrTx, values: DossierValues) => (await db.insert(dossiers).values(values).returning())[0]!,

  /**
   * Optimistic lock: the update applies only if nobody changed the dossier since `expectedVersion`;
   * undefined means someone did, and the caller must reload. `at` is the step's time, from the clock.
   */
  async updateIfVersion(db: DbOrTx, id: string, expectedVersion: number, values: Partial<DossierValues>, at: Date) {
    const rows = await db
      .update(dossiers)
      .set({ ...values, version: expectedVersion + 1, updatedAt: at })
      .where(and(eq(dossiers.id, id), eq(dossiers.version, expectedVersion)))
      .returning();
    return rows[0];
  },

  addEvent: (db: DbOrTx, values: typeof dossierEvents.$inferInsert) => db.insert(dossierEvents).values(values),
  /** The steps with the acting person's name (the label keeps the e-mail the step was taken under). */
  events: (db: DbOrTx, dossierId: string) =>
    db
      .select({ ...getTableColumns(dossierEvents), actorName: users.fullName })
      .from(dossierEvents)
      .leftJoin(users, eq(users.id, dossierEvents.actorUserId))
      .where(eq(dossierEvents.dossierId, dossierId))
      .orderBy(asc(dossierEvents.id)),

  /** The Vietnamese day each dossier last took a step (e.g. went before the council), for date checks. */
  async lastStepOn(db: DbOrTx, dossierIds: readonly string[], action: DossierAction): Promise<Map<string, IsoDate>> {
    if (!dossierIds.length) return new Map();
    const rows = await db
      .select({ dossierId: dossierEvents.dossierId, at: sql<Date>`max(${dossierEvents.at})`.mapWith((v) => new Date(v)) })
      .from(dossierEvents)
      .where(and(inArray(dossierEvents.dossierId, [...dossierIds]), eq(dossierEvents.action, action)))
      .groupBy(dossierEvents.dossierId);
    return new Map(rows.map((r) => [r.dossierId, vietnamDate(r.at)]));
  },

  /**
   * Dossiers still moving, with the dates their deadlines run from: the commune's due date, the day
   * the province and the ministry received them, and their rounds' result dates.
   */
  async moving(db: DbOrTx, filter: { scope: RegistryScope }) {
    const receivedAt = (action: DossierAction) =>
      sql<
        string | null
      >`(select max(${dossierEvents.at}) from ${dossierEvents} where ${dossierEvents.dossierId} = ${dossiers.id} and ${dossierEvents.action} = ${action})`;
    const rows = await db
      .select({
        id: dossiers.id,
        productName: columns.productName,
        ocopCode: filedProductCode,
        kind: dossiers.kind,
        state: dossiers.state,
        communeDueOn: dossiers.communeDueOn,
        provinceResultDeadline: evaluationRounds.resultDeadline,
        ministryResultDeadline: ministryRounds.resultDeadline,
        receivedAt: receivedAt('receive'),
        ministryReceivedAt: receivedAt('ministry_receive'),
      })
      .from(dossiers)
      .innerJoin(products, eq(products.id, dossiers.productId))
      .leftJoin(dossierFilings, eq(dossierFilings.id, dossiers.currentFilingId))
      .leftJoin(evaluationRounds, eq(evaluationRounds.id, dossiers.roundId))
      .leftJoin(ministryRounds, eq(ministryRounds.id, dossiers.ministryRoundId))
      .where(and(scopeWhere(filter.scope), notInArray(dossiers.state, [...CLOSED_STATES])));
    const day = (at: string | Date | null) => (at ? vietnamDate(new Date(at)) : null);
    return rows.map((r) => ({ ...r, receivedOn: day(r.receivedAt), ministryReceivedOn: day(r.ministryReceivedAt) }));
  },

  /** The product's certificate still standing (neither revoked nor replaced), the latest issued. */
  standingCertificate: async (db: DbOrTx, productId: string) =>
    (
      await db
        .select()
        .from(certificates)
        .where(and(eq(certificates.productId, productId), isNull(certificates.revokedOn), isNull(certificates.supersededOn)))
        .orderBy(desc(certificates.issuedOn))
        .limit(1)
    )[0],

  /** A self-assessment of the product (undefined when the id is another product's). */
  selfAssessmentOf: async (db: DbOrTx, productId: string, id: string) =>
    (
      await db
        .select()
        .from(selfAssessments)
        .where(and(eq(selfAssessments.id, id), eq(selfAssessments.productId, productId)))
        .limit(1)
    )[0],

  // Filings: what the dossier was filed with, one snapshot per submission.
  filing: async (db: DbOrTx, id: string) => (await db.select().from(dossierFilings).where(eq(dossierFilings.id, id)).limit(1))[0],
  filings: (db: DbOrTx, dossierId: string) => db.select().from(dossierFilings).where(eq(dossierFilings.dossierId, dossierId)).orderBy(asc(dossierFilings.seq)),
  async insertFiling(db: DbOrTx, values: Omit<typeof dossierFilings.$inferInsert, 'seq'>) {
    const [{ next }] = (await db
      .select({ next: sql<number>`coalesce(max(${dossierFilings.seq}), 0) + 1`.mapWith(Number) })
      .from(dossierFilings)
      .where(eq(dossierFilings.dossierId, values.dossierId))) as [{ next: number }];
    return (
      await db
        .insert(dossierFilings)
        .values({ ...values, seq: next })
        .returning()
    )[0]!;
  },

  // Council results: written once per level by the session that closed on the dossier.
  councilResult: async (db: DbOrTx, dossierId: string, level: 'province' | 'ministry') =>
    (
      await db
        .select()
        .from(councilResults)
        .where(and(eq(councilResults.dossierId, dossierId), eq(councilResults.level, level)))
        .limit(1)
    )[0],
  councilResultsOf: (db: DbOrTx, dossierIds: readonly string[]) =>
    dossierIds.length
      ? db
          .select()
          .from(councilResults)
          .where(inArray(councilResults.dossierId, [...dossierIds]))
      : Promise.resolve([] as CouncilResultRow[]),
  insertCouncilResult: (db: DbOrTx, values: typeof councilResults.$inferInsert) => db.insert(councilResults).values(values),

  /** The province's approval of the dossier's result (Art. 7.3e), if any. */
  async approvalOf(db: DbOrTx, dossierId: string) {
    const row = (
      await db
        .select({ number: decisions.number, signedOn: decisions.signedOn, signer: decisions.signer, signerTitle: decisions.signerTitle })
        .from(decisionItems)
        .innerJoin(decisions, eq(decisions.id, decisionItems.decisionId))
        .where(and(eq(decisionItems.dossierId, dossierId), eq(decisions.kind, 'approval')))
        .orderBy(desc(decisions.signedOn))
        .limit(1)
    )[0];
    return row ?? null;
  },

  /** Whether the account sits on a council with a session over the dossier (provincial or central). */
  async hasCouncilSeat(db: DbOrTx, userId: string, dossierId: string) {
    const rows = await db
      .select({ id: councilMembers.id })
      .from(sessionDossiers)
      .innerJoin(councilSessions, eq(councilSessions.id, sessionDossiers.sessionId))
      .innerJoin(councilMembers, eq(councilMembers.councilId, councilSessions.councilId))
      .where(and(eq(sessionDossiers.dossierId, dossierId), eq(councilMembers.userId, userId)))
      .limit(1);
    return rows.length > 0;
  },

  /** Who hears about a step: the subject's producer accounts, the commune's officers, the province's office. */
  async producerUsers(db: DbOrTx, subjectId: string) {
    return (
      await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.subjectId, subjectId), eq(users.role, 'producer')))
    ).map((u) => u.id);
  },
  async communeOfficers(db: DbOrTx, communeCode: string) {
    return (
      await db
        .select({ id: users.id })
        .from(users)
        .innerJoin(userCommunes, eq(userCommunes.userId, users.id))
        .where(and(eq(userCommunes.communeCode, communeCode), eq(users.role, 'officer')))
    ).map((u) => u.id);
  },
  async provinceAdmins(db: DbOrTx, provinceCode: string) {
    return (
      await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.provinceCode, provinceCode), inArray(users.role, ['admin'])))
    ).map((u) => u.id);
  },
  async ministryAdmins(db: DbOrTx) {
    return (
      await db
        .select({ id: users.id })
        .from(users)
        .where(and(sql`${users.provinceCode} is null`, eq(users.role, 'admin')))
    ).map((u) => u.id);
  },
};
