import { sql } from 'drizzle-orm';
import type { BulkSession } from '../../db/bulk-load.js';
import { queryRows, type DbOrTx } from '../../db/client.js';
import { inChunks } from '../../db/insert-many.js';
import {
  auditLog,
  certificateCounters,
  certificates,
  councilMembers,
  councilResults,
  councils,
  councilSessions,
  decisionItems,
  decisions,
  dossiers,
  ecommerceListings,
  evaluationRounds,
  productCodeCounters,
  products,
  salesPointProducts,
  salesPoints,
  scoreSheets,
  sessionDossiers,
  subjects,
  supportGrants,
  supportPolicies,
  tradeEventParticipants,
  tradeEventProducts,
  tradeEvents,
} from '../../db/schema/index.js';

/** The tables a generated data set writes, in the order their keys allow. */
export const SEED_TABLES = {
  subjects,
  products,
  product_code_counters: productCodeCounters,
  evaluation_rounds: evaluationRounds,
  councils,
  council_members: councilMembers,
  council_sessions: councilSessions,
  dossiers,
  session_dossiers: sessionDossiers,
  score_sheets: scoreSheets,
  council_results: councilResults,
  decisions,
  decision_items: decisionItems,
  certificates,
  certificate_counters: certificateCounters,
  sales_points: salesPoints,
  sales_point_products: salesPointProducts,
  trade_events: tradeEvents,
  trade_event_participants: tradeEventParticipants,
  trade_event_products: tradeEventProducts,
  ecommerce_listings: ecommerceListings,
  support_policies: supportPolicies,
  support_grants: supportGrants,
  audit_log: auditLog,
} as const;
export type SeedTable = keyof typeof SEED_TABLES;
export type SeedRows = { [K in SeedTable]: (typeof SEED_TABLES)[K]['$inferInsert'][] };
export type SubjectInsert = typeof subjects.$inferInsert;
export type ProductInsert = typeof products.$inferInsert;
export type CertificateInsert = typeof certificates.$inferInsert;
export type DecisionInsert = typeof decisions.$inferInsert;

/** Tables whose rows make a database "in use" for the generator: programme records, not reference data or accounts. */
const PROGRAMME_TABLES = ['subjects', 'products', 'dossiers', 'certificates', 'historical_results', 'decisions', 'evaluation_rounds', 'sales_points'] as const;

/** Tables compared by the determinism check: a digest of every row's text. */
export const DIGEST_TABLES = ['subjects', 'products', 'dossiers', 'score_sheets', 'council_results', 'decisions', 'certificates'] as const;

export const nationalSeedRepository = {
  copy: <K extends SeedTable>(session: BulkSession, table: K, rows: SeedRows[K], onProgress?: (n: number) => void) =>
    session.copy(SEED_TABLES[table], rows as never, onProgress),

  communes: (db: DbOrTx) =>
    queryRows<{ code: string; province_code: string; name: string; full_name: string }>(
      db,
      sql`select code, province_code, name, full_name from communes order by code`,
    ),
  provinces: (db: DbOrTx) => queryRows<{ code: string; name: string; full_name: string }>(db, sql`select code, name, full_name from provinces order by code`),

  /** Programme records already present, as "subjects (12)". */
  async recordsPresent(db: DbOrTx): Promise<string[]> {
    const out: string[] = [];
    for (const table of PROGRAMME_TABLES) {
      const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
      if (row && row.n > 0) out.push(`${table} (${row.n})`);
    }
    return out;
  },

  /** md5 of a table's rows as text, in a fixed order: equal for equal contents. */
  async digest(db: DbOrTx, table: (typeof DIGEST_TABLES)[number]): Promise<string> {
    const [row] = await queryRows<{ d: string }>(
      db,
      sql`select md5(coalesce(string_agg(t::text, E'\n' order by t::text collate "C"), '')) as d from ${sql.identifier(table)} t`,
    );
    return row!.d;
  },

  analyze: (db: DbOrTx) => db.execute(sql`analyze`),

  /** Bench registry: subjects and products inserted 1,000 rows a statement. */
  insertSubjects: (db: DbOrTx, rows: SubjectInsert[]) => inChunks(rows, 1000, (chunk) => db.insert(subjects).values(chunk)),
  insertProducts: (db: DbOrTx, rows: ProductInsert[]) => inChunks(rows, 1000, (chunk) => db.insert(products).values(chunk)),
  insertDecisions: (db: DbOrTx, rows: DecisionInsert[]) => inChunks(rows, 1000, (chunk) => db.insert(decisions).values(chunk)),
  insertCertificates: (db: DbOrTx, rows: CertificateInsert[], onProgress?: (n: number) => void) =>
    inChunks(rows, 1000, async (chunk, written) => {
      await db.insert(certificates).values(chunk);
      onProgress?.(written);
    }),
};
