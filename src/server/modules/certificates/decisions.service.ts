import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { DecisionCreateBody } from '../../../contracts/certificates.js';
import { certificateExpiry, verificationCode } from '../../../domain/certificates/validity.js';
import { vietnamDate } from '../../../domain/dates/calendar.js';
import { conflict, forbidden, invalid, notFound, type Message } from '../../../domain/errors.js';
import { checkActDate, type DatedAct } from '../../../domain/evaluation/dated-acts.js';
import { checkTransition, type DossierAction, type DossierState } from '../../../domain/evaluation/dossier-workflow.js';
import { checkRecognisedStar } from '../../../domain/evaluation/recognition.js';
import { canDecide, decisionScope, mayReadDecision, mayReadDossier, type Actor } from '../../../domain/policies/index.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { inPages } from '../../lib/table-export.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { commitStep } from '../dossiers/dossier-steps.js';
import { dossiersRepository, type CouncilResultRow, type DossierRow } from '../dossiers/dossiers.repository.js';
import { referenceRepository } from '../reference/reference.repository.js';
import type { DecisionExportRow } from './certificates.export.js';
import { presentDecisions } from './certificates.presenter.js';
import { certificatesRepository } from './certificates.repository.js';
import { decisionsRepository as repo, type DecisionRow } from './decisions.repository.js';
import { formatCertificateNumber } from '../../../domain/identifiers/index.js';

const DECISION = { vi: 'quyết định', en: 'decision' };

/** Certificate numbers: OCOP-<province code or TW>-<year>-<serial>, e.g. OCOP-82-2027-0001. */

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

/** `certificatesChanged` is told after certificates were issued or replaced (public caches drop their answers). */
export function createDecisionsService(db: Db, clock: () => Date, certificatesChanged: () => void = () => {}) {
  const today = () => vietnamDate(clock());

  /** Decisions with their items (products as decided, stars, certificates), in two queries whatever their number. */
  async function presentMany(rows: DecisionRow[]) {
    if (!rows.length) return [];
    return presentDecisions(
      rows,
      await repo.itemsOf(
        db,
        rows.map((r) => r.id),
      ),
    );
  }

  async function load(actor: Actor, id: string) {
    const decision = await repo.get(db, id);
    if (!decision || !mayReadDecision(actor, decision)) throw notFound(DECISION);
    return decision;
  }
  const present = async (row: DecisionRow) => (await presentMany([row]))[0]!;

  /** A province's own decisions and the ministry's, newest first; the ministry sees all (decisionScope). */
  const listPage = (actor: Actor, page: { limit: number; offset: number }) => repo.list(db, decisionScope(actor), page);

  /**
   * The acts a decision on this dossier follows: the council result it rests on, and for the
   * Minister the province's approval, for a province after the ministry the Minister's decision.
   */
  async function actsBefore(tx: DbOrTx, dossier: DossierRow, result: CouncilResultRow | undefined, level: 'province' | 'ministry'): Promise<DatedAct[]> {
    const acts: DatedAct[] = [{ date: result?.scoredOn, label: RESULT_LABEL[result?.level ?? level] }];
    if (level === 'ministry')
      acts.push({
        date: await repo.lastSignedOn(tx, dossier.id, { kind: 'approval' }),
        label: { vi: 'ngày UBND tỉnh phê duyệt kết quả', en: 'province’s approval' },
      });
    if (level === 'province' && dossier.state === 'ministry_decided')
      acts.push({
        date: await repo.lastSignedOn(tx, dossier.id, { level: 'ministry' }),
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

    /** The province's decision approving a dossier's result (Art. 7.3e), looked up by the dossier itself; null when none (or not the actor's to read). */
    async approvalOf(actor: Actor, dossierId: string) {
      const row = await repo.latestOfDossier(db, dossierId, 'approval');
      return row && mayReadDecision(actor, row) ? present(row) : null;
    },

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
      if (!canDecide(actor, body.level))
        throw forbidden(
          body.level === 'ministry'
            ? { vi: 'Chỉ Bộ ban hành quyết định công nhận 5 sao.', en: 'Only the ministry decides 5★.' }
            : { vi: 'Quyết định của UBND tỉnh do Văn phòng OCOP tỉnh trình.', en: 'A provincial decision is drafted by the province’s OCOP office.' },
        );
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
          if (!row || !mayReadDossier(actor, { id: row.subjectId, provinceCode: row.provinceCode, communeCode: row.communeCode })) {
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
        if (await repo.numberTaken(tx, body.level, provinceCode, body.number))
          throw conflict(
            'decision_number_taken',
            { vi: `Đã có quyết định số ${body.number}.`, en: `Decision ${body.number} already exists.` },
            { number: { vi: 'Số quyết định đã dùng.', en: 'Number already used.' } },
          );

        const decision = await repo.insert(tx, {
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
        });
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
          await repo.insertItem(tx, {
            decisionId: decision.id,
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
          const certificate = await certificatesRepository.insert(tx, {
            number: formatCertificateNumber(provinceCode ?? 'TW', year, serial),
            productId: dossier.productId,
            dossierId: dossier.id,
            decisionId: decision.id,
            level: body.level,
            provinceCode: dossier.provinceCode,
            star: item.star,
            score,
            productName: dossier.productName,
            subjectName: dossier.subjectName,
            issuedOn: body.signedOn,
            expiresOn: certificateExpiry(body.signedOn),
            verificationCode: verificationCode((n) => randomBytes(n)),
          });
          // An upgrade or re-rating replaces the product's earlier certificate from the new issue date.
          const replaced = await certificatesRepository.supersedeOthers(tx, dossier.productId, certificate.id, body.signedOn);
          await recordAudit(tx, audit, {
            action: 'create',
            entityType: 'certificate',
            entityId: certificate.id,
            after: { ...certificate, replaced },
          });
        }
        await recordAudit(tx, audit, { action: 'create', entityType: 'decision', entityId: decision.id, after: { ...decision, items: body.items } });
        return decision.id;
      });
      certificatesChanged();
      return present((await repo.get(db, decisionId))!);
    },
  };
}
export type DecisionsService = ReturnType<typeof createDecisionsService>;
