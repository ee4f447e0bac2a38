import { and, desc, eq, getTableColumns, inArray, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { insertMany } from '../../db/insert-many.js';
import { historicalResults, importJobs, products, subjects } from '../../db/schema/index.js';

export type JobRow = typeof importJobs.$inferSelect;
export type StoredSubject = typeof subjects.$inferSelect;
export type StoredProduct = typeof products.$inferSelect & { communeCode: string | null };
export type StoredResult = typeof historicalResults.$inferSelect;
export type ResultValues = typeof historicalResults.$inferInsert;

/** The advisory lock space of imports ("OCOP" in ASCII). */
const IMPORT_LOCK = 0x4f434f50;

/** Large lists of codes are looked up in chunks (a statement has a bound on its parameters). */
const CHUNK = 1000;
const chunks = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/** Import jobs, and the province's records as the import matches them: by the codes the office gave them. */
export const importsRepository = {
  /** The province's producers of these codes (the province's own code, `external_code`). */
  async subjectsByCode(db: DbOrTx, provinceCode: string, codes: string[]) {
    const found = new Map<string, StoredSubject>();
    for (const chunk of chunks(codes))
      for (const row of await db
        .select()
        .from(subjects)
        .where(and(eq(subjects.provinceCode, provinceCode), inArray(subjects.externalCode, chunk))))
        found.set(row.externalCode!, row);
    return found;
  },

  /**
   * The province's producers without a code of the province's records (registered by hand) whose
   * tax code has one of these digit strings, or whose folded name is one of these: the import links
   * them instead of creating the producer twice.
   */
  async subjectsWithoutCode(db: DbOrTx, provinceCode: string, taxKeys: string[], foldedNames: string[]) {
    const found: StoredSubject[] = [];
    if (!taxKeys.length && !foldedNames.length) return found;
    const digits = sql`regexp_replace(coalesce(${subjects.taxCode}, ''), '[^0-9]', '', 'g')`;
    for (const chunk of chunks([...taxKeys.map((k) => ['tax', k] as const), ...foldedNames.map((n) => ['name', n] as const)])) {
      const keys = chunk.filter(([k]) => k === 'tax').map(([, v]) => v);
      const names = chunk.filter(([k]) => k === 'name').map(([, v]) => v);
      found.push(
        ...(await db
          .select()
          .from(subjects)
          .where(
            and(
              eq(subjects.provinceCode, provinceCode),
              isNull(subjects.externalCode),
              or(keys.length ? inArray(digits, keys) : undefined, names.length ? inArray(subjects.nameSearch, names) : undefined),
            ),
          )),
      );
    }
    return found;
  },

  /** The province's products of these codes, with their producer's commune. */
  async productsByCode(db: DbOrTx, provinceCode: string, codes: string[]) {
    const found = new Map<string, StoredProduct>();
    for (const chunk of chunks(codes))
      for (const { product, communeCode } of await db
        .select({ product: products, communeCode: subjects.communeCode })
        .from(products)
        .innerJoin(subjects, eq(subjects.id, products.subjectId))
        .where(and(eq(subjects.provinceCode, provinceCode), inArray(products.externalCode, chunk))))
        found.set(product.externalCode!, { ...product, communeCode });
    return found;
  },

  /** Every earlier result of these products. */
  async resultsOf(db: DbOrTx, productIds: string[]) {
    const found: StoredResult[] = [];
    for (const chunk of chunks(productIds)) found.push(...(await db.select().from(historicalResults).where(inArray(historicalResults.productId, chunk))));
    return found;
  },
  getResult: async (db: DbOrTx, id: string) => (await db.select().from(historicalResults).where(eq(historicalResults.id, id)))[0],
  insertResults: (db: DbOrTx, values: readonly ResultValues[]) => insertMany(db, historicalResults, values),
  updateResult: async (db: DbOrTx, id: string, values: Partial<ResultValues>) =>
    (await db.update(historicalResults).set(values).where(eq(historicalResults.id, id)).returning())[0]!,

  /**
   * Serialises the writes of imports into one province until the transaction ends (a second import
   * waits, then plans against what the first wrote). The first key names the lock's purpose.
   */
  lockProvinceImports: (tx: DbOrTx, provinceCode: string) => tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK}, hashtext(${provinceCode}))`),

  insertJob: async (db: DbOrTx, values: typeof importJobs.$inferInsert) => (await db.insert(importJobs).values(values).returning())[0]!,
  /** A job of the province; undefined for another province's. */
  findJob: async (db: DbOrTx, id: string, provinceCode: string): Promise<JobRow | undefined> =>
    (
      await db
        .select()
        .from(importJobs)
        .where(and(eq(importJobs.id, id), eq(importJobs.provinceCode, provinceCode)))
    )[0],
  updateJob: (db: DbOrTx, id: string, values: Partial<typeof importJobs.$inferInsert>) => db.update(importJobs).set(values).where(eq(importJobs.id, id)),
  /**
   * Marks a job in one of `statuses` and with its rows as being committed, with a lease of `leaseMs`,
   * in one statement: of processes claiming at once, one gets it. A job already `committing` is taken
   * over only when its lease has run out (the process working on it stopped), or with
   * `takeOverRunning` (one process: the caller knows no one works on it). Undefined when not claimed.
   */
  claimCommit: async (
    db: DbOrTx,
    id: string,
    statuses: readonly string[],
    opts: { leaseMs: number; takeOverRunning: boolean; queueFor?: { commitActor: unknown } },
  ): Promise<JobRow | undefined> =>
    (
      await db
        .update(importJobs)
        .set({
          status: 'committing',
          failure: null,
          leaseUntil: sql`now() + make_interval(secs => ${opts.leaseMs / 1000})`,
          ...(opts.queueFor ? { queuedAt: sql`now()`, commitActor: opts.queueFor.commitActor } : {}),
        })
        .where(
          and(
            eq(importJobs.id, id),
            inArray(importJobs.status, [...statuses]),
            isNotNull(importJobs.rows),
            opts.takeOverRunning ? undefined : or(ne(importJobs.status, 'committing'), isNull(importJobs.leaseUntil), lt(importJobs.leaseUntil, sql`now()`)),
          ),
        )
        .returning()
    )[0],
  /**
   * Takes the job that has waited longest for a worker, in one statement: of workers asking at once,
   * each gets a different job (or none). The lease it takes keeps commits asked meanwhile out.
   */
  claimQueued: async (db: DbOrTx, leaseMs: number): Promise<JobRow | undefined> =>
    (
      await db
        .update(importJobs)
        .set({ queuedAt: null, leaseUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})` })
        .where(
          eq(
            importJobs.id,
            sql`(select ${importJobs.id} from ${importJobs} where ${importJobs.queuedAt} is not null order by ${importJobs.queuedAt} limit 1 for update skip locked)`,
          ),
        )
        .returning()
    )[0],
  /** Renews the lease of a job still being worked on, with its progress (when given) for readers in other processes. */
  renewLease: (db: DbOrTx, id: string, leaseMs: number, progress: { rowsDone?: number; rowsTotal?: number }) =>
    db
      .update(importJobs)
      .set({ leaseUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})`, ...progress })
      .where(and(eq(importJobs.id, id), inArray(importJobs.status, ['validating', 'committing']))),
  /** The end of a commit, once: true for the run that marked the job committed (and drops its stored rows and its asker, whom the audit log keeps). */
  finishCommit: async (db: DbOrTx, id: string, values: { preview: unknown; rowsDone: number; committedAt: Date }) =>
    (
      await db
        .update(importJobs)
        .set({ ...values, status: 'committed', rows: null, commitTally: null, commitActor: null })
        .where(and(eq(importJobs.id, id), eq(importJobs.status, 'committing')))
        .returning({ id: importJobs.id })
    ).length > 0,
  /**
   * Brings the planner's statistics of the tables an import writes up to date. A large import can
   * change one province's share of a national table far more than autovacuum's threshold (a tenth of
   * the table) notices, and plans made on the old figures were measured 3× slower. Run by the table's
   * owner; for another role PostgreSQL skips it with a warning, and autovacuum catches up later.
   */
  refreshStatistics: (db: DbOrTx) => db.execute(sql`analyze ${subjects}, ${products}, ${historicalResults}`),
  /** The province's latest jobs, without their stored rows and problems (they can be large): only the count of problems. */
  recentJobs(db: DbOrTx, provinceCode: string, limit: number) {
    const { rows: _rows, problems: _problems, ...listed } = getTableColumns(importJobs);
    return db
      .select({ ...listed, problemCount: sql<number>`jsonb_array_length(${importJobs.problems})`.mapWith(Number) })
      .from(importJobs)
      .where(eq(importJobs.provinceCode, provinceCode))
      .orderBy(desc(importJobs.createdAt))
      .limit(limit);
  },
};
