import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, isNull, ne, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { DecisionCreateBody } from '../../../contracts/certificates.js';
import { certificateExpiry, verificationCode } from '../../../domain/certificates/validity.js';
import { vietnamDate } from '../../../domain/dates/calendar.js';
import { conflict, forbidden, invalid, notFound, type Message } from '../../../domain/errors.js';
import { checkActDate, type DatedAct } from '../../../domain/evaluation/dated-acts.js';
import { checkTransition, type DossierAction, type DossierState } from '../../../domain/evaluation/dossier-workflow.js';
import { checkRecognisedStar } from '../../../domain/evaluation/recognition.js';
import { canReadSubject, type Actor } from '../../../domain/policies/index.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { certificates, decisionItems, decisions, products, subjects } from '../../db/schema/index.js';
import { inPages } from '../../lib/table-export.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { dossiersRepository, type CouncilResultRow, type DossierRow } from '../dossiers/dossiers.repository.js';
import { commitStep } from '../dossiers/dossiers.service.js';
import { referenceRepository } from '../reference/reference.repository.js';
import type { DecisionExportRow } from './certificates.export.js';
import { certificatesRepository } from './certificates.repository.js';

const DECISION = { vi: 'quyết định', en: 'decision' };
type DecisionRow = typeof decisions.$inferSelect;

/** Certificate numbers: OCOP-<province code or TW>-<year>-<serial>, e.g. OCOP-82-2027-0001. */
const certificateNumber = (scope: string, year: number, serial: number) => `OCOP-${scope}-${year}-${String(serial).padStart(4, '0')}`;

const SIGNED_ON = { vi: 'ngày ký quyết định', en: 'decision date' };
const RESULT_LABEL = {
  province: { vi: 'ngày hội đồng cấp tỉnh có kết quả', en: 'provincial council’s result' },
  ministry: { vi: 'ngày Hội đồng cấp trung ương có kết quả', en: 'central council’s result' },
};

/** Which step a decision takes on a dossier: a province's recognition, its approval for the ministry, the Minister's 5★. */
function stepOf(body: z.infer<typeof DecisionCreateBody>): DossierAction {
  if (body.level === 'ministry') return 'ministry_decide';
  return body.kind === 'approval' ? 'approve' : 'decide';
}

/** A decision is the province's, or the ministry's (visible to every office, as the list shows it). */
const mayReadDecision = (actor: Actor, d: DecisionRow) =>
  actor.kind === 'user' && actor.role === 'admin' && (actor.provinceCode === null || d.provinceCode === null || d.provinceCode === actor.provinceCode);

export function createDecisionsService(db: Db, clock: () => Date = () => new Date()) {
  const today = () => vietnamDate(clock());

  /** Decisions with their items (products as decided, stars, certificates), in two queries whatever their number. */
  async function presentMany(rows: DecisionRow[]) {
    if (!rows.length) return [];
    const items = await db
      .select({
        decisionId: decisionItems.decisionId,
        dossierId: decisionItems.dossierId,
        productId: decisionItems.productId,
        productName: products.name,
        ocopCode: products.ocopCode,
        subjectName: subjects.name,
        decidedProductName: decisionItems.productName,
        decidedOcopCode: decisionItems.ocopCode,
        decidedSubjectName: decisionItems.subjectName,
        star: decisionItems.star,
        score: decisionItems.score,
        certificateId: certificates.id,
        certificateNumber: certificates.number,
      })
      .from(decisionItems)
      .innerJoin(products, eq(products.id, decisionItems.productId))
      .innerJoin(subjects, eq(subjects.id, products.subjectId))
      .leftJoin(certificates, and(eq(certificates.decisionId, decisionItems.decisionId), eq(certificates.dossierId, decisionItems.dossierId)))
      .where(
        inArray(
          decisionItems.decisionId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(products.sortKey);
    return rows.map((d) => ({
      id: d.id,
      kind: d.kind,
      number: d.number,
      signedOn: d.signedOn,
      signer: d.signer,
      signerTitle: d.signerTitle,
      level: d.level,
      provinceCode: d.provinceCode,
      notice: d.noticeNumber ? { number: d.noticeNumber, signer: d.noticeSigner ?? '', signerTitle: d.noticeSignerTitle ?? '' } : null,
      createdAt: d.createdAt.toISOString(),
      items: items
        .filter((i) => i.decisionId === d.id)
        .map((i) => ({
          dossierId: i.dossierId,
          productId: i.productId,
          // The product as it was decided; older decisions (before the snapshot) show the current name.
          productName: i.decidedProductName ?? i.productName,
          ocopCode: i.decidedOcopCode ?? i.ocopCode,
          subjectName: i.decidedSubjectName ?? i.subjectName,
          star: i.star,
          score: i.score,
          certificateId: i.certificateId,
          certificateNumber: i.certificateNumber,
        })),
    }));
  }

  async function load(actor: Actor, id: string) {
    const decision = (await db.select().from(decisions).where(eq(decisions.id, id)).limit(1))[0];
    if (!decision || !mayReadDecision(actor, decision)) throw notFound(DECISION);
    return decision;
  }
  const present = async (row: DecisionRow) => (await presentMany([row]))[0]!;

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

  /** The latest decision of a kind and level on a dossier, for dates that must follow it. */
  async function lastDecisionOn(tx: DbOrTx, dossierId: string, where: SQL) {
    const row = (
      await tx
        .select({ signedOn: decisions.signedOn })
        .from(decisionItems)
        .innerJoin(decisions, eq(decisions.id, decisionItems.decisionId))
        .where(and(eq(decisionItems.dossierId, dossierId), where))
        .orderBy(desc(decisions.signedOn))
        .limit(1)
    )[0];
    return row?.signedOn ?? null;
  }

  /**
   * The acts a decision on this dossier follows: the council result it rests on, and for the
   * Minister the province's approval, for a province after the ministry the Minister's decision.
   */
  async function actsBefore(tx: DbOrTx, dossier: DossierRow, result: CouncilResultRow | undefined, level: 'province' | 'ministry'): Promise<DatedAct[]> {
    const acts: DatedAct[] = [{ date: result?.scoredOn, label: RESULT_LABEL[result?.level ?? level] }];
    if (level === 'ministry')
      acts.push({
        date: await lastDecisionOn(tx, dossier.id, eq(decisions.kind, 'approval')),
        label: { vi: 'ngày UBND tỉnh phê duyệt kết quả', en: 'province’s approval' },
      });
    if (level === 'province' && dossier.state === 'ministry_decided')
      acts.push({
        date: await lastDecisionOn(tx, dossier.id, eq(decisions.level, 'ministry')),
        label: { vi: 'ngày quyết định của Bộ', en: 'ministry’s decision' },
      });
    return acts;
  }

  return {
    get: async (actor: Actor, id: string) => present(await load(actor, id)),

    /** The decision and the places it names, for its documents (the decision, the result letters). */
    async forDocx(actor: Actor, id: string) {
      const decision = await present(await load(actor, id));
      const dossierRows = await dossiersRepository.getMany(
        db,
        decision.items.map((i) => i.dossierId),
      );
      const provinceName = decision.provinceCode ? ((await referenceRepository.provinceFullName(db, decision.provinceCode)) ?? '') : '';
      const communes = new Map<string, string>();
      for (const d of dossierRows)
        if (!communes.has(d.communeCode)) communes.set(d.communeCode, (await referenceRepository.communeFullName(db, d.communeCode)) ?? d.communeName);
      const provinces = new Map<string, string>();
      for (const d of dossierRows)
        if (!provinces.has(d.provinceCode)) provinces.set(d.provinceCode, (await referenceRepository.provinceFullName(db, d.provinceCode)) ?? '');
      return {
        decision,
        provinceName,
        dossiers: dossierRows.map((d) => ({
          dossierId: d.id,
          communeCode: d.communeCode,
          communeName: communes.get(d.communeCode)!,
          provinceName: provinces.get(d.provinceCode)!,
          representative: d.registration.representativeName,
          address: d.registration.address ?? null,
        })),
      };
    },

    list: async (actor: Actor) => presentMany(await listPage(actor, { limit: 200, offset: 0 })),

    /** Every decision the list shows, newest first, one row per product it recognised (for exports). */
    async *exportRows(actor: Actor): AsyncGenerator<DecisionExportRow> {
      for await (const { items, ...decision } of inPages(async (page) => presentMany(await listPage(actor, page)))) {
        for (const item of items) yield { ...decision, ...item };
      }
    },

    /**
     * Records a decision for many dossiers at once, all or nothing. A recognition moves each dossier
     * to "decided" (or "decided by the ministry") and issues each recognised product its certificate
     * — issued on the decision's date, valid 36 months — replacing any it held before; an approval
     * (Art. 7.3e) moves each to "approved" for the ministry. Each star is checked against the
     * council result the dossier rests on, and the date against the acts it follows.
     */
    async create(actor: Actor, audit: AuditActor, body: z.infer<typeof DecisionCreateBody>) {
      if (actor.kind !== 'user' || actor.role !== 'admin') throw forbidden();
      if (body.level === 'ministry' && actor.provinceCode !== null)
        throw forbidden({ vi: 'Chỉ Bộ ban hành quyết định công nhận 5 sao.', en: 'Only the ministry decides 5★.' });
      if (body.level === 'ministry' && body.kind === 'approval')
        throw invalid('approval_is_provincial', { vi: 'Quyết định phê duyệt kết quả là của UBND tỉnh.', en: 'Approving a result is the province’s decision.' });
      const action = stepOf(body);
      const ids = body.items.map((i) => i.dossierId);
      if (new Set(ids).size !== ids.length) throw invalid('duplicate_dossier', { vi: 'Một hồ sơ xuất hiện hai lần.', en: 'A dossier is listed twice.' });
      const day = today();

      const decisionId = await db.transaction(async (tx) => {
        const rows = await Promise.all(ids.map((id) => dossiersRepository.get(tx, id)));
        const results = await dossiersRepository.councilResultsOf(tx, ids);
        const problems: Record<string, Message> = {};
        const targets: DossierState[] = [];
        for (const [i, row] of rows.entries()) {
          const item = body.items[i]!;
          const field = `items.${i}.dossierId`;
          // A dossier outside the caller's scope is "not found", as on every read: its name never leaks.
          if (!row || !canReadSubject(actor, { id: row.subjectId, provinceCode: row.provinceCode, communeCode: row.communeCode })) {
            problems[field] = { vi: 'Không tìm thấy hồ sơ.', en: 'No such dossier.' };
            continue;
          }
          const named = (m: Message) => ({ vi: `${row.productName}: ${m.vi}`, en: `${row.productName}: ${m.en}` });
          const check = checkTransition(
            actor,
            { id: row.subjectId, provinceCode: row.provinceCode, communeCode: row.communeCode, state: row.state as DossierState },
            action,
            {
              councilScore: row.councilScore,
              councilStar: row.councilStar,
              decidedStar: row.decidedStar,
            },
          );
          if (!check.ok) {
            problems[field] = named(check.message);
            continue;
          }
          targets[i] = check.to;
          // The result the star rests on: the central council's for the ministry and after it, else the province's.
          const central = action === 'ministry_decide' || row.state === 'ministry_decided';
          const result = results.find((r) => r.dossierId === row.id && r.level === (central ? 'ministry' : 'province'));
          if (action === 'approve') {
            if (item.star !== null)
              problems[`items.${i}.star`] = named({
                vi: 'Quyết định phê duyệt kết quả không ghi hạng sao; Bộ công nhận 5 sao.',
                en: 'An approval gives no star; the ministry recognises 5★.',
              });
          } else {
            const star = checkRecognisedStar(body.level, item.star, result?.score ?? null, result?.star ?? null);
            if (!star.ok) problems[`items.${i}.star`] = named(star.message);
          }
          const date = checkActDate({ date: body.signedOn, label: SIGNED_ON }, day, await actsBefore(tx, row, result, body.level));
          if (!date.ok) problems.signedOn ??= named(date.message);
        }
        if (Object.keys(problems).length)
          throw invalid('decision_invalid', { vi: 'Quyết định có hồ sơ không hợp lệ.', en: 'Some dossiers cannot be decided.' }, problems);

        const provinceCode = body.level === 'ministry' ? null : rows[0]!.provinceCode;
        const clash = await tx
          .select({ id: decisions.id })
          .from(decisions)
          .where(
            and(
              eq(decisions.level, body.level),
              provinceCode ? eq(decisions.provinceCode, provinceCode) : isNull(decisions.provinceCode),
              eq(decisions.number, body.number),
            ),
          )
          .limit(1);
        if (clash.length)
          throw conflict(
            'decision_number_taken',
            { vi: `Đã có quyết định số ${body.number}.`, en: `Decision ${body.number} already exists.` },
            { number: { vi: 'Số quyết định đã dùng.', en: 'Number already used.' } },
          );

        const [decision] = await tx
          .insert(decisions)
          .values({
            kind: body.kind,
            number: body.number,
            signedOn: body.signedOn,
            signer: body.signer,
            signerTitle: body.signerTitle,
            level: body.level,
            provinceCode,
            noticeNumber: body.notice?.number ?? null,
            noticeSigner: body.notice?.signer ?? null,
            noticeSignerTitle: body.notice?.signerTitle ?? null,
            createdBy: audit.userId,
          })
          .returning();
        const year = Number(body.signedOn.slice(0, 4));
        const dated = `Quyết định số ${body.number} ngày ${body.signedOn.split('-').reverse().join('/')}`;
        for (const [i, row] of rows.entries()) {
          const item = body.items[i]!;
          const dossier = row!;
          const central = action === 'ministry_decide' || dossier.state === 'ministry_decided';
          const score = central ? dossier.centralScore : dossier.councilScore;
          await commitStep(tx, {
            before: dossier,
            action,
            to: targets[i]!,
            changes: action === 'approve' ? {} : { decidedStar: item.star },
            audit,
            comment:
              action === 'approve'
                ? `${dated}: phê duyệt kết quả, đề nghị Bộ đánh giá 5 sao`
                : `${dated}: ${item.star ? `công nhận ${item.star} sao` : 'không công nhận'}`,
            expectedVersion: dossier.version,
            at: clock(),
          });
          await tx
            .insert(decisionItems)
            .values({
              decisionId: decision!.id,
              dossierId: dossier.id,
              productId: dossier.productId,
              star: item.star,
              score,
              productName: dossier.productName,
              ocopCode: dossier.ocopCode,
              subjectName: dossier.subjectName,
            });
          if (body.kind === 'approval' || item.star === null) continue;
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
              score,
              productName: dossier.productName,
              subjectName: dossier.subjectName,
              issuedOn: body.signedOn,
              expiresOn: certificateExpiry(body.signedOn),
              verificationCode: verificationCode((n) => randomBytes(n)),
            })
            .returning();
          // An upgrade or re-rating replaces the product's earlier certificate from the new issue date.
          const replaced = await tx
            .update(certificates)
            .set({ supersededOn: body.signedOn, supersededBy: certificate!.id })
            .where(
              and(
                eq(certificates.productId, dossier.productId),
                isNull(certificates.supersededOn),
                isNull(certificates.revokedOn),
                ne(certificates.id, certificate!.id),
              ),
            )
            .returning({ id: certificates.id });
          await recordAudit(tx, audit, {
            action: 'create',
            entityType: 'certificate',
            entityId: certificate!.id,
            after: { ...certificate, replaced: replaced.map((r) => r.id) },
          });
        }
        await recordAudit(tx, audit, { action: 'create', entityType: 'decision', entityId: decision!.id, after: { ...decision, items: body.items } });
        return decision!.id;
      });
      return present((await db.select().from(decisions).where(eq(decisions.id, decisionId)).limit(1))[0]!);
    },
  };
}
export type DecisionsService = ReturnType<typeof createDecisionsService>;
