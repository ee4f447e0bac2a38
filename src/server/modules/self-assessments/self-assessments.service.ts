import type { z } from 'zod';
import type { SelfAssessment, SelfAssessmentCreateBody, SelfAssessmentUpdateBody } from '../../../contracts/self-assessments.js';
import { findSet, listScorableCriteria, type CaseKey, type CriteriaSet, type CriteriaVersion } from '../../../domain/criteria/index.js';
import { conflict, forbidden, invalid, notFound } from '../../../domain/errors.js';
import { canEditProduct, canReadProduct, subjectOf, type Actor } from '../../../domain/policies/index.js';
import { scoreDraft, scoreSheet, type GatePolicy } from '../../../domain/scoring/index.js';
import type { Db } from '../../db/client.js';
import type { FileStorage } from '../../lib/file-storage.js';
import { sniffDocument } from '../../lib/file-types.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import type { CriteriaCatalogue } from '../criteria/criteria.catalogue.js';
import { productsRepository } from '../products/products.repository.js';
import { presentSheetScore } from '../scoring/scoring.presenter.js';
import type { SettingsService } from '../settings/settings.service.js';
import { presentEvidence, presentSummary } from './self-assessments.presenter.js';
import { selfAssessmentsRepository as repo, type SelfAssessmentRow } from './self-assessments.repository.js';

const SELF_ASSESSMENT = { vi: 'phiếu tự đánh giá', en: 'self-assessment' };
const EVIDENCE = { vi: 'minh chứng', en: 'evidence' };
export const MAX_EVIDENCE_PER_ASSESSMENT = 100;

export function createSelfAssessmentsService(
  db: Db,
  catalogue: CriteriaCatalogue,
  settings: SettingsService,
  storage: FileStorage,
  clock: () => Date = () => new Date(),
) {
  async function loadProduct(actor: Actor, productId: string) {
    const product = await productsRepository.get(db, productId);
    if (!product || !canReadProduct(actor, subjectOf(product))) throw notFound({ vi: 'sản phẩm', en: 'product' });
    return product;
  }

  async function load(actor: Actor, id: string, mode: 'read' | 'edit') {
    const row = await repo.get(db, id);
    const product = row && (await productsRepository.get(db, row.productId));
    if (!row || !product || !canReadProduct(actor, subjectOf(product))) throw notFound(SELF_ASSESSMENT);
    if (mode === 'edit' && !canEditProduct(actor, subjectOf(product))) throw forbidden();
    const entry = await catalogue.find(row.legalBasis);
    const set = entry && findSet(entry.version, row.setNumber);
    if (!entry || !set) throw new Error(`Criteria ${row.legalBasis} set ${row.setNumber} missing from the catalogue`);
    return { row, product, version: entry.version, slug: entry.slug, set };
  }

  function requireDraft(row: SelfAssessmentRow) {
    if (row.status !== 'draft')
      throw conflict('self_assessment_completed', {
        vi: 'Phiếu đã hoàn thành; mở lại để sửa.',
        en: 'The self-assessment is completed; reopen it to edit.',
      });
  }

  function checkCriterion(set: CriteriaSet, code: string, field: string) {
    if (!listScorableCriteria(set).some((c) => c.code === code)) {
      const m = { vi: `Tiêu chí ${code} không có trong bộ "${set.name}".`, en: `Criterion ${code} is not in set "${set.code}".` };
      throw invalid('unknown_criterion', m, { [field]: m });
    }
  }

  async function present(ctx: Awaited<ReturnType<typeof load>>, actor: Actor): Promise<SelfAssessment> {
    const { row, product, version, slug, set } = ctx;
    const caseKey = (row.caseKey as CaseKey | null) ?? null;
    const { progress, result } = sheetOutcome(version, set, row.choices, caseKey, (await settings.scoring(product.provinceCode)).gatePolicy);
    const evidence = await repo.evidenceOf(db, row.id);
    return {
      ...presentSummary(row, set, slug),
      productName: product.name,
      ocopCode: product.ocopCode,
      subjectName: product.subjectName,
      case: caseKey,
      choices: row.choices,
      notes: row.notes,
      generalNote: row.generalNote,
      evidence: evidence.map((e) => presentEvidence(row.id, e)),
      progress,
      result,
      canEdit: canEditProduct(actor, subjectOf(product)),
    };
  }

  /** Whether a dossier was filed with this sheet: then it stays as filed, and edits go to a copy. */
  const isFiled = async (id: string) => (await repo.filedIn(db, id)).length > 0;

  const reload = async (actor: Actor, id: string) => present(await load(actor, id, 'read'), actor);

  return {
    async listForProduct(actor: Actor, productId: string) {
      await loadProduct(actor, productId);
      const rows = await repo.listForProduct(db, productId);
      const entries = await catalogue.list();
      return rows.map((r) => {
        const entry = entries.find((e) => e.version.legalBasis === r.legalBasis);
        const set = entry && findSet(entry.version, r.setNumber);
        return presentSummary(r, set, entry?.slug ?? '');
      });
    },

    get: reload,

    /** Starts a draft on the product's criteria set (or the one asked for) of the version in force. */
    async create(actor: Actor, audit: AuditActor, productId: string, body: z.infer<typeof SelfAssessmentCreateBody>) {
      const product = await loadProduct(actor, productId);
      if (!canEditProduct(actor, subjectOf(product))) throw forbidden();
      const entry = body.version ? await catalogue.find(body.version) : await catalogue.current();
      if (!entry) {
        const m = { vi: 'Không có bộ tiêu chí này.', en: 'No such criteria version.' };
        throw invalid('unknown_criteria_version', m, { version: m });
      }
      const setNumber = body.setNumber ?? product.criteriaSetNumber;
      if (product.criteriaSetNumber && setNumber !== product.criteriaSetNumber) {
        const m = {
          vi: `Sản phẩm thuộc bộ sản phẩm số ${product.criteriaSetNumber}: phiếu tự đánh giá theo đúng bộ đó (đổi bộ trong thông tin sản phẩm nếu cần).`,
          en: `The product belongs to criteria set ${product.criteriaSetNumber}: self-assess on that set (change the product's set first if needed).`,
        };
        throw invalid('criteria_set_mismatch', m, { setNumber: m });
      }
      if (!setNumber || !findSet(entry.version, setNumber)) {
        const m = setNumber
          ? { vi: `${entry.version.legalBasis} không có bộ sản phẩm số ${setNumber}.`, en: `${entry.version.legalBasis} has no set ${setNumber}.` }
          : { vi: 'Sản phẩm chưa được phân bộ tiêu chí; hãy chọn bộ.', en: 'The product has no criteria set; choose one.' };
        throw invalid('unknown_criteria_set', m, { setNumber: m });
      }
      const row = await db.transaction(async (tx) => {
        const created = await repo.insert(tx, { productId, legalBasis: entry.version.legalBasis, setNumber, createdBy: audit.userId });
        await recordAudit(tx, audit, { action: 'create', entityType: 'self_assessment', entityId: created.id, after: created });
        return created;
      });
      return reload(actor, row.id);
    },

    /** Saves a draft: any subset of choices, each checked against the set (unknown criteria, options). */
    async update(actor: Actor, audit: AuditActor, id: string, body: z.infer<typeof SelfAssessmentUpdateBody>) {
      const ctx = await load(actor, id, 'edit');
      requireDraft(ctx.row);
      scoreDraft(ctx.version, ctx.set, body.choices, body.case ?? null); // throws a ScoringInputError with every problem
      for (const code of Object.keys(body.notes)) checkCriterion(ctx.set, code, `notes.${code}`);
      const notes = Object.fromEntries(
        Object.entries(body.notes)
          .filter(([, v]) => v.trim() !== '')
          .map(([k, v]) => [k, v.normalize('NFC').trim()]),
      );
      await db.transaction(async (tx) => {
        const after = await repo.update(tx, id, {
          choices: body.choices,
          caseKey: body.case ?? null,
          notes,
          generalNote: body.generalNote?.normalize('NFC') ?? null,
        });
        await recordAudit(tx, audit, { action: 'update', entityType: 'self_assessment', entityId: id, before: ctx.row, after });
      });
      return reload(actor, id);
    },

    /** Completes the sheet: every criterion answered; the engine's total and star are kept for lists. */
    async complete(actor: Actor, audit: AuditActor, id: string) {
      const ctx = await load(actor, id, 'edit');
      requireDraft(ctx.row);
      const caseKey = (ctx.row.caseKey as CaseKey | null) ?? null;
      const gatePolicy = (await settings.scoring(ctx.product.provinceCode)).gatePolicy;
      const score = scoreSheet(ctx.version, ctx.set, { choices: ctx.row.choices, ...(caseKey ? { case: caseKey } : {}) }, { gatePolicy, includeNext: false });
      await db.transaction(async (tx) => {
        const after = await repo.update(tx, id, { status: 'completed', total: score.total, star: score.star, completedAt: clock() });
        await recordAudit(tx, audit, { action: 'update', entityType: 'self_assessment', entityId: id, before: ctx.row, after });
      });
      return reload(actor, id);
    },

    /**
     * Reopens a completed sheet for editing. A sheet a dossier was filed with stays as filed: the
     * producer gets a new draft with the same answers, notes and evidence (copies of the files).
     */
    async reopen(actor: Actor, audit: AuditActor, id: string) {
      const ctx = await load(actor, id, 'edit');
      if (ctx.row.status === 'draft') return present(ctx, actor);
      if (await isFiled(id)) {
        const evidence = await repo.evidenceOf(db, id);
        const copies: Omit<Parameters<typeof repo.insertEvidence>[1], 'assessmentId'>[] = [];
        for (const e of evidence) {
          const storageKey = e.storageKey ? storage.newKey('evidence', e.storageKey.split('.').pop()!) : null;
          if (e.storageKey && storageKey) await storage.put(storageKey, await storage.get(e.storageKey));
          copies.push({ criterionCode: e.criterionCode, kind: e.kind, url: e.url, storageKey, filename: e.filename, mimeType: e.mimeType, bytes: e.bytes });
        }
        const copy = await db.transaction(async (tx) => {
          const created = await repo.insert(tx, {
            productId: ctx.row.productId,
            legalBasis: ctx.row.legalBasis,
            setNumber: ctx.row.setNumber,
            caseKey: ctx.row.caseKey,
            choices: ctx.row.choices,
            notes: ctx.row.notes,
            generalNote: ctx.row.generalNote,
            createdBy: audit.userId,
          });
          for (const c of copies) await repo.insertEvidence(tx, { ...c, assessmentId: created.id });
          await recordAudit(tx, audit, { action: 'create', entityType: 'self_assessment', entityId: created.id, after: { ...created, copiedFrom: id } });
          return created;
        });
        return reload(actor, copy.id);
      }
      await db.transaction(async (tx) => {
        const after = await repo.update(tx, id, { status: 'draft', total: null, star: null, completedAt: null });
        await recordAudit(tx, audit, { action: 'update', entityType: 'self_assessment', entityId: id, before: ctx.row, after });
      });
      return reload(actor, id);
    },

    async remove(actor: Actor, audit: AuditActor, id: string) {
      const ctx = await load(actor, id, 'edit');
      requireDraft(ctx.row);
      const evidence = await repo.evidenceOf(db, id);
      await db.transaction(async (tx) => {
        await repo.delete(tx, id);
        await recordAudit(tx, audit, { action: 'delete', entityType: 'self_assessment', entityId: id, before: ctx.row });
      });
      for (const e of evidence) if (e.storageKey) await storage.remove(e.storageKey);
    },

    async addEvidence(actor: Actor, audit: AuditActor, id: string, input: { criterionCode: string } & ({ url: string } | { filename: string; data: Buffer })) {
      const ctx = await load(actor, id, 'edit');
      requireDraft(ctx.row);
      checkCriterion(ctx.set, input.criterionCode, 'criterionCode');
      if ((await repo.evidenceOf(db, id)).length >= MAX_EVIDENCE_PER_ASSESSMENT)
        throw conflict('too_much_evidence', {
          vi: `Mỗi phiếu có tối đa ${MAX_EVIDENCE_PER_ASSESSMENT} minh chứng.`,
          en: `A self-assessment has at most ${MAX_EVIDENCE_PER_ASSESSMENT} pieces of evidence.`,
        });
      let values: Parameters<typeof repo.insertEvidence>[1];
      if ('url' in input) {
        values = { assessmentId: id, criterionCode: input.criterionCode, kind: 'link', url: input.url };
      } else {
        const type = sniffDocument(input.data, input.filename);
        if (!type)
          throw invalid('unsupported_document', {
            vi: 'Chỉ nhận tệp PDF, ảnh (JPEG, PNG, WebP), Word (.docx) hoặc Excel (.xlsx).',
            en: 'Only PDF, images (JPEG, PNG, WebP), Word (.docx) or Excel (.xlsx) files are accepted.',
          });
        const storageKey = storage.newKey('evidence', type.ext);
        await storage.put(storageKey, input.data);
        values = {
          assessmentId: id,
          criterionCode: input.criterionCode,
          kind: 'file',
          storageKey,
          filename: input.filename.normalize('NFC').slice(0, 255),
          mimeType: type.mimeType,
          bytes: input.data.length,
        };
      }
      try {
        await db.transaction(async (tx) => {
          const row = await repo.insertEvidence(tx, values);
          await recordAudit(tx, audit, { action: 'create', entityType: 'self_assessment_evidence', entityId: row.id, after: row });
        });
      } catch (err) {
        if (values.storageKey) await storage.remove(values.storageKey);
        throw err;
      }
      return reload(actor, id);
    },

    async evidenceFile(actor: Actor, id: string, evidenceId: string) {
      await load(actor, id, 'read');
      const e = await repo.getEvidence(db, id, evidenceId);
      if (!e || e.kind !== 'file' || !e.storageKey) throw notFound(EVIDENCE);
      return { data: await storage.get(e.storageKey), mimeType: e.mimeType ?? 'application/octet-stream', filename: e.filename ?? 'evidence' };
    },

    async removeEvidence(actor: Actor, audit: AuditActor, id: string, evidenceId: string) {
      requireDraft((await load(actor, id, 'edit')).row);
      const e = await repo.getEvidence(db, id, evidenceId);
      if (!e) throw notFound(EVIDENCE);
      await db.transaction(async (tx) => {
        await repo.deleteEvidence(tx, evidenceId);
        await recordAudit(tx, audit, { action: 'delete', entityType: 'self_assessment_evidence', entityId: evidenceId, before: e });
      });
      if (e.storageKey) await storage.remove(e.storageKey);
      return reload(actor, id);
    },

    /** Everything the printable sheet needs, for the PDF writer. */
    async forPrint(actor: Actor, id: string) {
      const ctx = await load(actor, id, 'read');
      return { assessment: await present(ctx, actor), set: ctx.set, version: ctx.version };
    },
  };
}

/** A sheet's progress and, once every criterion is answered, the engine's full result. */
export function sheetOutcome(version: CriteriaVersion, set: CriteriaSet, choices: Record<string, number>, caseKey: CaseKey | null, gatePolicy: GatePolicy) {
  const progress = scoreDraft(version, set, choices, caseKey);
  const result =
    progress.missing.length === 0 ? presentSheetScore(scoreSheet(version, set, { choices, ...(caseKey ? { case: caseKey } : {}) }, { gatePolicy })) : null;
  return { progress: { ...progress, missing: [...progress.missing], parts: [...progress.parts], groups: [...progress.groups] }, result };
}

export type SelfAssessmentsService = ReturnType<typeof createSelfAssessmentsService>;
export type PrintableSelfAssessment = { assessment: SelfAssessment; set: CriteriaSet; version: CriteriaVersion };
