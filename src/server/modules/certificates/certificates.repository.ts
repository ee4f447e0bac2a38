import { and, count, desc, eq, getTableColumns, gte, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { RegistryScope } from '../../../domain/policies/index.js';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { openReratingSince } from '../../db/rerating-sql.js';
import { subjectScopeWhere } from '../../db/sql-scope.js';
import { certificateCounters, certificates, communes, decisions, productPhotos, products, provinces, subjects } from '../../db/schema/index.js';
import { filedProductCode } from '../../db/product-codes.js';

export type CertificateRow = Omit<typeof certificates.$inferSelect, 'productName' | 'subjectName'> & {
  productName: string;
  ocopCode: string;
  subjectId: string;
  subjectName: string;
  communeCode: string;
  communeName: string;
  provinceName: string;
  decisionNumber: string | null;
  decisionSignedOn: string | null;
  decisionSigner: string | null;
  decisionSignerTitle: string | null;
};

export type CertificateValues = typeof certificates.$inferInsert;

/** What a list of certificates filters on: the caller's scope (from the policies), optionally one product. */
export type CertificateFilter = { scope: RegistryScope; productId?: string | undefined };
const filterWhere = (f: CertificateFilter) => and(subjectScopeWhere(f.scope), f.productId ? eq(certificates.productId, f.productId) : undefined);

// A certificate names the product and producer as issued (older rows, before the snapshot, the current names).
const columns = {
  ...getTableColumns(certificates),
  productName: sql<string>`coalesce(${certificates.productName}, ${products.name})`,
  ocopCode: filedProductCode,
  subjectId: subjects.id,
  subjectName: sql<string>`coalesce(${certificates.subjectName}, ${subjects.name})`,
  communeCode: subjects.communeCode,
  communeName: communes.name,
  provinceName: provinces.fullName,
  decisionNumber: decisions.number,
  decisionSignedOn: decisions.signedOn,
  decisionSigner: decisions.signer,
  decisionSignerTitle: decisions.signerTitle,
};

/** What a certificate's row shows besides its own record: its product, producer, commune, province and decision. */
const joinShown = <Q extends PgSelect>(query: Q) =>
  query
    .innerJoin(products, eq(products.id, certificates.productId))
    .innerJoin(subjects, eq(subjects.id, products.subjectId))
    .innerJoin(communes, eq(communes.code, subjects.communeCode))
    .innerJoin(provinces, eq(provinces.code, subjects.provinceCode))
    .leftJoin(decisions, eq(decisions.id, certificates.decisionId));

/** A certificate with its product, producer, commune, province and decision; `extra` columns besides. */
const base = <Extra extends Record<string, SQL.Aliased | SQL>>(db: DbOrTx, extra?: Extra) =>
  joinShown(
    db
      .select({ ...columns, ...(extra as Extra) })
      .from(certificates)
      .$dynamic(),
  );

/** What a label's public check shows and what its standing depends on: one row per certificate, for the label register. */
const labelColumns = {
  verificationCode: certificates.verificationCode,
  number: certificates.number,
  star: certificates.star,
  level: certificates.level,
  issuedOn: certificates.issuedOn,
  expiresOn: certificates.expiresOn,
  revokedOn: certificates.revokedOn,
  supersededOn: certificates.supersededOn,
  productName: columns.productName,
  ocopCode: columns.ocopCode,
  subjectName: columns.subjectName,
  communeName: columns.communeName,
  provinceName: columns.provinceName,
  decisionNumber: columns.decisionNumber,
  decisionSignedOn: columns.decisionSignedOn,
  reratingPendingSince: sql<string | null>`${openReratingSince(certificates.productId)}::text`,
  hasPhoto: sql<boolean>`exists (select 1 from product_photos ph where ph.product_id = ${certificates.productId})`,
};

/** Labels as the register holds them (labelColumns), of the certificates a `where` picks. */
const labelsQuery = (db: DbOrTx) => joinShown(db.select(labelColumns).from(certificates).$dynamic());

export type LabelRow = Awaited<ReturnType<typeof labelsQuery>>[number];

/** The ids named by audit entries numbered in (after, upTo] on one kind of record: what changed since the register last looked. */
const changedSince = (after: number, upTo: number, entityType: string) =>
  sql`(select entity_id::uuid from audit_log where id > ${after} and id <= ${upTo} and entity_type = ${entityType})`;

export const certificatesRepository = {
  /** One page, latest issued first. */
  async list(db: DbOrTx, filter: CertificateFilter, page: { limit: number; offset: number }) {
    const where = filterWhere(filter);
    const [items, totals] = await Promise.all([
      base(db).where(where).orderBy(desc(certificates.issuedOn), certificates.number).limit(page.limit).offset(page.offset),
      db
        .select({ n: count() })
        .from(certificates)
        .innerJoin(products, eq(products.id, certificates.productId))
        .innerJoin(subjects, eq(subjects.id, products.subjectId))
        .where(where),
    ]);
    return { items: items as CertificateRow[], total: totals[0]?.n ?? 0 };
  },
  /** By expiry (the number breaks ties, so pages of it are stable); every row unless a page is given. */
  all(db: DbOrTx, filter: CertificateFilter, page?: { limit: number; offset: number }) {
    const query = base(db).where(filterWhere(filter)).orderBy(certificates.expiresOn, certificates.number);
    return (page ? query.limit(page.limit).offset(page.offset) : query) as Promise<CertificateRow[]>;
  },
  get: async (db: DbOrTx, id: string) => (await base(db).where(eq(certificates.id, id)).limit(1))[0] as CertificateRow | undefined,
  byCode: async (db: DbOrTx, code: string) => (await base(db).where(eq(certificates.verificationCode, code)).limit(1))[0] as CertificateRow | undefined,
  /** Every certificate's label: what the label register reads when it starts, and again from time to time. */
  labels: (db: DbOrTx) => labelsQuery(db),
  /**
   * The labels that audit entries numbered in (after, upTo] may have changed: those of the
   * certificates, products, producers and decisions named, and of the products whose dossiers were
   * (a re-rating filed or closed changes a label's standing). Photos are recorded on their product too.
   */
  labelsChanged: (db: DbOrTx, after: number, upTo: number) =>
    labelsQuery(db).where(
      or(
        inArray(certificates.id, changedSince(after, upTo, 'certificate')),
        inArray(certificates.productId, changedSince(after, upTo, 'product')),
        inArray(products.subjectId, changedSince(after, upTo, 'subject')),
        inArray(certificates.decisionId, changedSince(after, upTo, 'decision')),
        inArray(certificates.productId, sql`(select d.product_id from dossiers d where d.id in ${changedSince(after, upTo, 'dossier')})`),
      ),
    ),

  /** Certificates in force whose expiry falls in [from, to]: the office's work list, the re-rating reminders (those not yet reminded). */
  expiringBetween: (db: DbOrTx, filter: { scope: RegistryScope; notYetReminded?: boolean }, from: string, to: string) =>
    base(db)
      .where(
        and(
          subjectScopeWhere(filter.scope),
          filter.notYetReminded ? isNull(certificates.reratingReminderOn) : undefined,
          gte(certificates.expiresOn, from),
          lte(certificates.expiresOn, to),
          isNull(certificates.revokedOn),
          isNull(certificates.supersededOn),
        ),
      )
      .orderBy(certificates.expiresOn) as Promise<CertificateRow[]>,

  /** Certificates with a violation concluded and not yet revoked (Art. 8.4). */
  violationsPending: (db: DbOrTx, filter: { scope: RegistryScope }) =>
    base(db)
      .where(and(subjectScopeWhere(filter.scope), sql`${certificates.violationConcludedOn} is not null`, isNull(certificates.revokedOn)))
      .orderBy(certificates.violationConcludedOn) as Promise<CertificateRow[]>,

  /** The day each product's pending re-rating dossier was filed (Art. 12 extension; the earliest, should there be several). */
  async pendingRerating(db: DbOrTx, productIds: string[]): Promise<Map<string, string>> {
    if (!productIds.length) return new Map();
    const rows = await db
      .select({ productId: products.id, submittedOn: sql<string | null>`${openReratingSince(products.id)}::text` })
      .from(products)
      .where(inArray(products.id, productIds));
    return new Map(rows.filter((r) => r.submittedOn !== null).map((r) => [r.productId, r.submittedOn!]));
  },

  /** Next certificate serial of a scope (province code, or 'TW') and year, under the row lock. */
  async nextSerial(tx: DbOrTx, scope: string, year: number): Promise<number> {
    const rows = await tx
      .insert(certificateCounters)
      .values({ scope, year, lastSerial: 1 })
      .onConflictDoUpdate({ target: [certificateCounters.scope, certificateCounters.year], set: { lastSerial: sql`${certificateCounters.lastSerial} + 1` } })
      .returning({ serial: certificateCounters.lastSerial });
    return rows[0]!.serial;
  },

  insert: async (db: DbOrTx, values: CertificateValues) => (await db.insert(certificates).values(values).returning())[0]!,
  /** An upgrade or re-rating replaces the product's other standing certificates from `on`; the ids replaced. */
  supersedeOthers: async (db: DbOrTx, productId: string, by: string, on: string) =>
    (
      await db
        .update(certificates)
        .set({ supersededOn: on, supersededBy: by })
        .where(and(eq(certificates.productId, productId), isNull(certificates.supersededOn), isNull(certificates.revokedOn), ne(certificates.id, by)))
        .returning({ id: certificates.id })
    ).map((r) => r.id),
  recordViolation: (db: DbOrTx, id: string, values: { violationConcludedOn: string; violationGround: string; violationReference: string }) =>
    db.update(certificates).set(values).where(eq(certificates.id, id)),
  /** Revokes a certificate not yet revoked; undefined when it already was (a concurrent revocation). */
  revoke: async (
    db: DbOrTx,
    id: string,
    values: Pick<
      CertificateValues,
      'revokedOn' | 'revocationGround' | 'revocationDecisionNo' | 'revocationNote' | 'revocationSigner' | 'revocationSignerTitle'
    >,
  ) =>
    (
      await db
        .update(certificates)
        .set(values)
        .where(and(eq(certificates.id, id), isNull(certificates.revokedOn)))
        .returning()
    )[0],
  /** Marks the certificate reminded on `day`; false when another process reminded it meanwhile. */
  markReminded: async (db: DbOrTx, id: string, day: string) =>
    (
      await db
        .update(certificates)
        .set({ reratingReminderOn: day })
        .where(and(eq(certificates.id, id), isNull(certificates.reratingReminderOn)))
        .returning({ id: certificates.id })
    ).length > 0,
  /** The product's first photo (the public verification page shows it). */
  firstPhoto: async (db: DbOrTx, productId: string) =>
    (await db.select().from(productPhotos).where(eq(productPhotos.productId, productId)).orderBy(productPhotos.position).limit(1))[0],
};
