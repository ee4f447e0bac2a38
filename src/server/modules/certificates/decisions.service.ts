import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { DecisionCreateBody } from '../../../contracts/certificates.js';
import { certificateExpiry, verificationCode } from '../../../domain/certificates/validity.js';
import { conflict, forbidden, invalid, notFound, type Message } from '../../../domain/errors.js';
import { checkTransition, type DossierState } from '../../../domain/evaluation/dossier-workflow.js';
import { checkRecognisedStar } from '../../../domain/evaluation/recognition.js';
import type { Actor } from '../../../domain/policies/index.js';
import type { Db } from '../../db/client.js';
import { certificates, decisionItems, decisions, products, provinces, subjects } from '../../db/schema/index.js';
import { inPages } from '../../lib/table-export.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { dossiersRepository } from '../dossiers/dossiers.repository.js';
import { commitStep } from '../dossiers/dossiers.service.js';
import type { DecisionExportRow } from './certificates.export.js';
import { certificatesRepository } from './certificates.repository.js';

const DECISION = { vi: 'quyết định', en: 'decision' };

/** Certificate numbers: OCOP-<province code or TW>-<year>-<serial>, e.g. OCOP-82-2027-0001. */
const certificateNumber = (scope: string, year: number, serial: number) => `OCOP-${scope}-${year}-${String(serial).padStart(4, '0')}`;

export function createDecisionsService(db: Db) {
  /** Decisions with their items (products, stars, certificates), in two queries whatever their number. */
  async function presentMany(rows: (typeof decisions.$inferSelect)[]) {
    if (!rows.length) return [];
    const items = await db
      .select({
        decisionId: decisionItems.decisionId,
        dossierId: decisionItems.dossierId,
        productId: decisionItems.productId,
        productName: products.name,
        ocopCode: products.ocopCode,
        subjectName: subjects.name,
        star: decisionItems.star,
        score: decisionItems.score,
        certificateId: certificates.id,
        certificateNumber: certificates.number,
      })
      .from(decisionItems)
      .innerJoin(products, eq(products.id, decisionItems.productId))
      .innerJoin(subjects, eq(subjects.id, products.subjectId))
      .leftJoin(certificates, and(eq(certificates.decisionId, decisionItems.decisionId), eq(certificates.dossierId, decisionItems.dossierId)))
      .where(inArray(decisionItems.decisionId, rows.map((r) => r.id)))
      .orderBy(products.sortKey);
    return rows.map((d) => ({ ...d, createdAt: d.createdAt.toISOString(), items: items.filter((i) => i.decisionId === d.id).map(({ decisionId: _d, ...item }) => item) }));
  }

  async function present(id: string) {
    const decision = (await db.select().from(decisions).where(eq(decisions.id, id)).limit(1))[0];
    if (!decision) throw notFound(DECISION);
    return (await presentMany([decision]))[0]!;
  }

  /** A province's own decisions and the ministry's, newest first; the ministry sees all. */
  function listPage(actor: Actor, page: { limit: number; offset: number }) {
    const province = actor.kind === 'user' ? actor.provinceCode : null;
    return db
      .select()
      .from(decisions)
      .where(province ? or(eq(decisions.provinceCode, province), isNull(decisions.provinceCode)) : undefined)
      .orderBy(desc(decisions.signedOn), decisions.id)
      .limit(page.limit)
      .offset(page.offset);
  }

  return {
    get: present,

    /** The decision and the name of its province, for the DOCX draft. */
    async forDocx(id: string) {
      const decision = await present(id);
      const province = decision.provinceCode ? (await db.select({ name: provinces.fullName }).from(provinces).where(eq(provinces.code, decision.provinceCode)).limit(1))[0] : undefined;
      return { decision, provinceName: province?.name ?? '' };
    },

    list: async (actor: Actor) => presentMany(await listPage(actor, { limit: 200, offset: 0 })),

    /** Every decision the list shows, newest first, one row per product it recognised (for exports). */
    async *exportRows(actor: Actor): AsyncGenerator<DecisionExportRow> {
      for await (const { items, ...decision } of inPages(async (page) => presentMany(await listPage(actor, page)))) {
        for (const item of items) yield { ...decision, ...item };
      }
    },

    /**
     * Records a recognition decision for many dossiers at once, all or nothing: each dossier moves to
     * "decided" (or "decided by the ministry"), and each recognised product gets its certificate —
     * issued on the decision's date, valid 36 months — replacing any certificate it held before.
     */
    async create(actor: Actor, audit: AuditActor, body: z.infer<typeof DecisionCreateBody>) {
      if (actor.kind !== 'user' || actor.role !== 'admin') throw forbidden();
      if (body.level === 'ministry' && actor.provinceCode !== null) throw forbidden({ vi: 'Chỉ Bộ ban hành quyết định công nhận 5 sao.', en: 'Only the ministry decides 5★.' });
      const action = body.level === 'ministry' ? 'ministry_decide' : 'decide';
      const ids = body.items.map((i) => i.dossierId);
      if (new Set(ids).size !== ids.length) throw invalid('duplicate_dossier', { vi: 'Một hồ sơ xuất hiện hai lần.', en: 'A dossier is listed twice.' });

      const decisionId = await db.transaction(async (tx) => {
        const rows = await Promise.all(ids.map((id) => dossiersRepository.get(tx, id)));
        const problems: Record<string, Message> = {};
        rows.forEach((row, i) => {
          const item = body.items[i]!;
          if (!row) return void (problems[`items.${i}.dossierId`] = { vi: 'Không tìm thấy hồ sơ.', en: 'No such dossier.' });
          const check = checkTransition(actor, { id: row.subjectId, provinceCode: row.provinceCode, communeCode: row.communeCode, state: row.state as DossierState }, action, { councilScore: row.councilScore, decidedStar: row.decidedStar });
          if (!check.ok) return void (problems[`items.${i}.dossierId`] = { vi: `${row.productName}: ${check.message.vi}`, en: `${row.productName}: ${check.message.en}` });
          const star = checkRecognisedStar(body.level, item.star, row.councilScore, row.councilStar);
          if (!star.ok) problems[`items.${i}.star`] = { vi: `${row.productName}: ${star.message.vi}`, en: `${row.productName}: ${star.message.en}` };
        });
        if (Object.keys(problems).length)
          throw invalid('decision_invalid', { vi: 'Quyết định có hồ sơ không hợp lệ.', en: 'Some dossiers cannot be decided.' }, problems);

        const provinceCode = body.level === 'ministry' ? null : rows[0]!.provinceCode;
        const clash = await tx
          .select({ id: decisions.id })
          .from(decisions)
          .where(and(eq(decisions.level, body.level), provinceCode ? eq(decisions.provinceCode, provinceCode) : isNull(decisions.provinceCode), eq(decisions.number, body.number)))
          .limit(1);
        if (clash.length) throw conflict('decision_number_taken', { vi: `Đã có quyết định số ${body.number}.`, en: `Decision ${body.number} already exists.` }, { number: { vi: 'Số quyết định đã dùng.', en: 'Number already used.' } });

        const [decision] = await tx
          .insert(decisions)
          .values({ number: body.number, signedOn: body.signedOn, signer: body.signer, signerTitle: body.signerTitle, level: body.level, provinceCode, createdBy: audit.userId })
          .returning();
        const year = Number(body.signedOn.slice(0, 4));
        for (const [i, row] of rows.entries()) {
          const item = body.items[i]!;
          const dossier = row!;
          await commitStep(tx, {
            before: dossier,
            action,
            to: action === 'decide' ? 'decided' : 'ministry_decided',
            changes: { decidedStar: item.star },
            audit,
            comment: `Quyết định số ${body.number} ngày ${body.signedOn.split('-').reverse().join('/')}: ${item.star ? `công nhận ${item.star} sao` : 'không công nhận'}`,
            expectedVersion: dossier.version,
          });
          await tx.insert(decisionItems).values({ decisionId: decision!.id, dossierId: dossier.id, productId: dossier.productId, star: item.star, score: dossier.councilScore });
          if (item.star === null) continue;
          const serial = await certificatesRepository.nextSerial(tx, provinceCode ?? 'TW', year);
          const [certificate] = await tx
            .insert(certificates)
            .values({
              number: certificateNumber(provinceCode ?? 'TW', year, serial),
              productId: dossier.productId,
              dossierId: dossier.id,
              decisionId: decision!.id,
              level: body.level,
              provinceCode: dossier.provinceCode,
              star: item.star,
              score: dossier.councilScore,
              issuedOn: body.signedOn,
              expiresOn: certificateExpiry(body.signedOn),
              verificationCode: verificationCode((n) => randomBytes(n)),
            })
            .returning();
          // An upgrade or re-rating replaces the product's earlier certificate from the new issue date.
          const replaced = await tx
            .update(certificates)
            .set({ supersededOn: body.signedOn, supersededBy: certificate!.id })
            .where(and(eq(certificates.productId, dossier.productId), isNull(certificates.supersededOn), isNull(certificates.revokedOn), ne(certificates.id, certificate!.id)))
            .returning({ id: certificates.id });
          await recordAudit(tx, audit, { action: 'create', entityType: 'certificate', entityId: certificate!.id, after: { ...certificate, replaced: replaced.map((r) => r.id) } });
        }
        await recordAudit(tx, audit, { action: 'create', entityType: 'decision', entityId: decision!.id, after: { ...decision, items: body.items } });
        return decision!.id;
      });
      return present(decisionId);
    },
  };
}
export type DecisionsService = ReturnType<typeof createDecisionsService>;
