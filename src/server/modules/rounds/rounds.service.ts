import { and, asc, count, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { RoundCreateBody, RoundUpdateBody } from '../../../contracts/evaluation.js';
import { vietnamDate } from '../../../domain/dates/calendar.js';
import { defaultRounds, roundForProposal, roundStatus, roundYearsFor, type RoundLevel } from '../../../domain/evaluation/rounds.js';
import { conflict, forbidden, notFound } from '../../../domain/errors.js';
import type { Actor } from '../../../domain/policies/index.js';
import type { Db } from '../../db/client.js';
import { dossiers, evaluationRounds } from '../../db/schema/index.js';
import { inPages } from '../../lib/table-export.js';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/audit.service.js';
import type { CriteriaCatalogue } from '../criteria/criteria.catalogue.js';

type RoundRow = typeof evaluationRounds.$inferSelect;
const ROUND = { vi: 'đợt đánh giá', en: 'evaluation round' };

const roundName = (level: RoundLevel, number: number, year: number) =>
  level === 'province' ? `Đợt ${number} năm ${year} (cấp tỉnh)` : `Đợt ${number} năm ${year} (cấp trung ương)`;

/** Province rounds belong to a provincial office; ministry rounds to the ministry (an admin without province). */
function ownerProvince(actor: Actor, level: RoundLevel, fallbackProvince: string): string | null {
  if (actor.kind !== 'user' || actor.role !== 'admin') throw forbidden();
  if (level === 'ministry') {
    if (actor.provinceCode !== null) throw forbidden({ vi: 'Chỉ Bộ mở đợt đánh giá cấp trung ương.', en: 'Only the ministry opens national rounds.' });
    return null;
  }
  return actor.provinceCode ?? fallbackProvince;
}

export function createRoundsService(db: Db, catalogue: CriteriaCatalogue, deploymentProvince: string, clock: () => Date = () => new Date()) {
  const dossierCount =
    sql<number>`(select count(*) from ${dossiers} where ${dossiers.roundId} = ${evaluationRounds.id} or ${dossiers.ministryRoundId} = ${evaluationRounds.id})`.mapWith(
      Number,
    );
  const present = (r: RoundRow & { dossierCount: number }) => ({
    id: r.id,
    level: r.level,
    provinceCode: r.provinceCode,
    year: r.year,
    number: r.number,
    name: r.name,
    proposalDeadline: r.proposalDeadline,
    resultDeadline: r.resultDeadline,
    legalBasis: r.legalBasis,
    status: roundStatus(r, vietnamDate(clock())),
    dossierCount: r.dossierCount,
  });

  async function listOf(provinceCode: string | null, year: number, level: RoundLevel) {
    const rows = await db
      .select({ ...getTableColumns(evaluationRounds), dossierCount })
      .from(evaluationRounds)
      .where(
        and(
          eq(evaluationRounds.level, level),
          eq(evaluationRounds.year, year),
          provinceCode ? eq(evaluationRounds.provinceCode, provinceCode) : isNull(evaluationRounds.provinceCode),
        ),
      )
      .orderBy(asc(evaluationRounds.number));
    return rows.map(present);
  }

  async function insertRound(audit: AuditActor, values: typeof evaluationRounds.$inferInsert) {
    const clash = await db
      .select({ n: count() })
      .from(evaluationRounds)
      .where(
        and(
          eq(evaluationRounds.level, values.level),
          values.provinceCode ? eq(evaluationRounds.provinceCode, values.provinceCode) : isNull(evaluationRounds.provinceCode),
          eq(evaluationRounds.year, values.year),
          eq(evaluationRounds.number, values.number),
        ),
      );
    if (clash[0]?.n)
      throw conflict('round_exists', { vi: `Đợt ${values.number} năm ${values.year} đã có.`, en: `Round ${values.number} of ${values.year} already exists.` });
    return db.transaction(async (tx) => {
      const [row] = await tx.insert(evaluationRounds).values(values).returning();
      await recordAudit(tx, audit, { action: 'create', entityType: 'evaluation_round', entityId: row!.id, after: row });
      return row!;
    });
  }

  type Filters = { year?: number | undefined; level?: RoundLevel | undefined };

  /** The list's rows by proposal deadline (the id breaks ties, so pages are stable); all of them unless a page is given. */
  async function listRows(actor: Actor, f: Filters, page?: { limit: number; offset: number }) {
    const province = actor.kind === 'user' ? actor.provinceCode : null;
    const query = db
      .select({ ...getTableColumns(evaluationRounds), dossierCount })
      .from(evaluationRounds)
      .where(
        and(
          f.year ? eq(evaluationRounds.year, f.year) : undefined,
          f.level ? eq(evaluationRounds.level, f.level) : undefined,
          // A province sees its own rounds and the ministry's; the ministry sees all.
          province ? sql`(${evaluationRounds.provinceCode} = ${province} or ${evaluationRounds.provinceCode} is null)` : undefined,
        ),
      )
      .orderBy(asc(evaluationRounds.proposalDeadline), asc(evaluationRounds.id));
    return (await (page ? query.limit(page.limit).offset(page.offset) : query)).map(present);
  }

  /**
   * The round a dossier proposed on `date` joins (Art. 5): the first whose proposal deadline it still
   * meets. Art. 5 sets two rounds a year at each level, so where the office has not opened them yet
   * they are opened with their default dates (safe to repeat: the unique key holds).
   */
  async function forProposal(level: RoundLevel, provinceCode: string | null, date: string) {
    const years = roundYearsFor(date, level);
    const load = () =>
      db
        .select()
        .from(evaluationRounds)
        .where(
          and(
            eq(evaluationRounds.level, level),
            provinceCode ? eq(evaluationRounds.provinceCode, provinceCode) : isNull(evaluationRounds.provinceCode),
            inArray(evaluationRounds.year, years),
          ),
        );
    const found = roundForProposal(await load(), date);
    if (found) return found;
    const legalBasis = (await catalogue.current())?.version.legalBasis ?? '';
    await db.transaction(async (tx) => {
      for (const year of years)
        for (const t of defaultRounds(year, level)) {
          const [row] = await tx
            .insert(evaluationRounds)
            .values({ ...t, provinceCode, year, name: roundName(level, t.number, year), legalBasis })
            .onConflictDoNothing()
            .returning();
          if (row) await recordAudit(tx, SYSTEM_ACTOR, { action: 'create', entityType: 'evaluation_round', entityId: row.id, after: row });
        }
    });
    return roundForProposal(await load(), date)!;
  }

  return {
    forProposal,

    list: (actor: Actor, f: Filters) => listRows(actor, f),

    /** Every round the list shows with these filters, in its order, read in batches (for exports). */
    exportRows: (actor: Actor, f: Filters) => inPages((page) => listRows(actor, f, page)),

    async create(actor: Actor, audit: AuditActor, body: z.infer<typeof RoundCreateBody>) {
      const provinceCode = ownerProvince(actor, body.level, deploymentProvince);
      const legalBasis = body.legalBasis ?? (await catalogue.current())?.version.legalBasis ?? '';
      const row = await insertRound(audit, {
        level: body.level,
        provinceCode,
        year: body.year,
        number: body.number,
        name: body.name ?? roundName(body.level, body.number, body.year),
        proposalDeadline: body.proposalDeadline,
        resultDeadline: body.resultDeadline,
        legalBasis,
      });
      return present({ ...row, dossierCount: 0 });
    },

    /** Opens the two rounds Art. 5 sets for a year, skipping any that exist (safe to repeat). */
    async createDefaults(actor: Actor, audit: AuditActor, year: number, level: RoundLevel) {
      const provinceCode = ownerProvince(actor, level, deploymentProvince);
      const legalBasis = (await catalogue.current())?.version.legalBasis ?? '';
      const existing = await listOf(provinceCode, year, level);
      for (const t of defaultRounds(year, level)) {
        if (existing.some((r) => r.number === t.number)) continue;
        await insertRound(audit, { ...t, provinceCode, year, name: roundName(level, t.number, year), legalBasis });
      }
      return listOf(provinceCode, year, level);
    },

    async update(actor: Actor, audit: AuditActor, id: string, body: z.infer<typeof RoundUpdateBody>) {
      const before = (await db.select().from(evaluationRounds).where(eq(evaluationRounds.id, id)).limit(1))[0];
      if (!before) throw notFound(ROUND);
      ownerProvince(actor, before.level, deploymentProvince);
      if (actor.kind === 'user' && actor.provinceCode !== null && before.provinceCode !== actor.provinceCode) throw notFound(ROUND);
      const after = await db.transaction(async (tx) => {
        const [row] = await tx
          .update(evaluationRounds)
          .set({ ...body, updatedAt: new Date() })
          .where(eq(evaluationRounds.id, id))
          .returning();
        await recordAudit(tx, audit, { action: 'update', entityType: 'evaluation_round', entityId: id, before, after: row });
        return row!;
      });
      return present({ ...after, dossierCount: 0 });
    },

    async get(id: string) {
      return (await db.select().from(evaluationRounds).where(eq(evaluationRounds.id, id)).limit(1))[0];
    },
  };
}
export type RoundsService = ReturnType<typeof createRoundsService>;
