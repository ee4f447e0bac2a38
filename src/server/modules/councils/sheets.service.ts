import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { PaperSheetFields, SheetBody } from '../../../contracts/councils.js';
import type { CaseKey } from '../../../domain/criteria/index.js';
import { formatDateVn } from '../../../domain/dates/calendar.js';
import { conflict, forbidden, invalid, notFound } from '../../../domain/errors.js';
import { maySeeOthersScores, mayScore } from '../../../domain/evaluation/council-rules.js';
import type { Actor } from '../../../domain/policies/index.js';
import { scoreDraft, scoreSheet } from '../../../domain/scoring/index.js';
import type { FileStorage } from '../../lib/file-storage.js';
import { sniffDocument } from '../../lib/file-types.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import type { DbOrTx } from '../../db/client.js';
import type { DossierRow } from '../dossiers/dossiers.repository.js';
import { presentSheet } from './councils.presenter.js';
import { councilsRepository as repo, type MemberRow, type SheetRow } from './councils.repository.js';
import { createSessionContext, sheetLocked, userIdOf, type Ctx, type SessionDeps } from './session-context.js';

const SHEET = { vi: 'phiếu chấm', en: 'score sheet' };
const staleSheet = () => conflict('stale_sheet', { vi: 'Phiếu vừa được thay đổi ở nơi khác; tải lại.', en: 'The sheet changed elsewhere; reload it.' });

/**
 * Members' sheets (Art. 7.3d, 3.3): each member declares any conflict of interest, then scores
 * alone on the same sheet as the self-assessment and submits it (the sheet locks); the secretary
 * may enter a member's paper sheet with its scan, and reopen a sheet with a reason. Nobody sees
 * another member's scores until the session closes.
 */
export function createSheetsService(deps: SessionDeps & { storage: FileStorage }) {
  const { db, storage, clock } = deps;
  const context = createSessionContext(deps);

  /** Refuses a member who may not score the dossier (secretary, conflicted, own organisation, not yet declared). */
  function requireScoring(standing: ReturnType<typeof mayScore>) {
    if (standing === 'yes') return;
    const messages = {
      not_voting: { vi: 'Thư ký hội đồng không chấm điểm, trừ khi được cử làm thành viên.', en: 'The secretary does not score unless appointed a member.' },
      declare_first: { vi: 'Hãy khai báo xung đột lợi ích trước khi chấm.', en: 'Declare any conflict of interest before scoring.' },
      conflicted: {
        vi: 'Thành viên đã khai báo xung đột lợi ích nên không chấm hồ sơ này.',
        en: 'A member with a declared conflict does not score this dossier.',
      },
      own_organisation: {
        vi: 'Thành viên thuộc tổ chức của chủ thể nên không chấm hồ sơ này.',
        en: 'A member from the producer’s organisation does not score this dossier.',
      },
    } as const;
    throw forbidden(messages[standing]);
  }

  /** The member's own sheet for the dossier's current round, created empty on first use. */
  async function ownSheet(ctx: Ctx, dossierId: string, member: MemberRow) {
    const { link, dossier } = await context.sessionDossier(ctx, dossierId);
    requireScoring(mayScore(member, dossier.subjectName, await repo.declaration(db, ctx.session.id, dossierId, member.id)));
    const sheet = await repo.memberSheetOrNew(db, { sessionId: ctx.session.id, dossierId, memberId: member.id, scoringRound: link.scoringRound });
    return { sheet, dossier };
  }

  /** What a submission checks, and the engine's total it locks with — before anything is written. */
  async function scoreForSubmission(ctx: Ctx, sheet: Pick<SheetRow, 'choices' | 'caseKey' | 'disqualifiedReason'>, dossier: DossierRow, paper: boolean) {
    // Written opinions (Art. 7.6) are due by the session's deadline; paper sheets received in time may be entered later.
    if (!paper && ctx.session.mode === 'written' && ctx.session.writtenDeadline && context.today() > ctx.session.writtenDeadline)
      throw conflict('written_deadline_passed', {
        vi: `Đã quá hạn gửi ý kiến bằng văn bản (${formatDateVn(ctx.session.writtenDeadline)}).`,
        en: `The deadline for written opinions (${formatDateVn(ctx.session.writtenDeadline)}) has passed.`,
      });
    const { version, set } = await context.criteriaOf(dossier);
    const caseKey = (sheet.caseKey as CaseKey | null) ?? null;
    return scoreSheet(
      version,
      set,
      {
        choices: sheet.choices,
        ...(caseKey ? { case: caseKey } : {}),
        ...(sheet.disqualifiedReason ? { disqualified: { reason: sheet.disqualifiedReason } } : {}),
      },
      { includeNext: false },
    );
  }

  /** Locks a draft (submitted at the clock's time) with its total, and records it, in the caller's transaction. */
  async function lock(tx: DbOrTx, sheet: Pick<SheetRow, 'id' | 'version'>, total: number, audit: AuditActor, paper: boolean) {
    const row = await repo.lock(tx, sheet.id, { total, version: sheet.version + 1 }, clock());
    if (!row) throw sheetLocked();
    await recordAudit(tx, audit, {
      action: 'update',
      entityType: 'score_sheet',
      entityId: sheet.id,
      before: { status: 'draft' },
      after: { status: 'submitted', total, paper },
    });
    return row;
  }

  async function present(sheet: SheetRow, dossier: DossierRow) {
    const { version, set } = await context.criteriaOf(dossier);
    return presentSheet(sheet, dossier, scoreDraft(version, set, sheet.choices, (sheet.caseKey as CaseKey | null) ?? null));
  }

  /** Locks the sheet once it is complete; its total is the engine's. */
  async function submit(ctx: Ctx, sheet: SheetRow, dossier: DossierRow, audit: AuditActor) {
    if (sheet.status === 'submitted') throw sheetLocked();
    const score = await scoreForSubmission(ctx, sheet, dossier, false);
    return present(await db.transaction((tx) => lock(tx, sheet, score.total, audit, false)), dossier);
  }

  return {
    async declare(actor: Actor, audit: AuditActor, sessionId: string, dossierId: string, body: { hasConflict: boolean; note?: string | undefined }) {
      const ctx = await context.load(actor, sessionId);
      const me = context.requireMember(ctx);
      context.requireOpen(ctx);
      await context.sessionDossier(ctx, dossierId);
      if (await repo.declaration(db, sessionId, dossierId, me.id))
        throw conflict('already_declared', { vi: 'Thành viên đã khai báo cho hồ sơ này.', en: 'Already declared for this dossier.' });
      await db.transaction(async (tx) => {
        await repo.insertDeclaration(tx, { sessionId, dossierId, memberId: me.id, hasConflict: body.hasConflict, note: body.note ?? null });
        await recordAudit(tx, audit, { action: 'create', entityType: 'conflict_declaration', entityId: `${sessionId}:${dossierId}:${me.id}`, after: body });
      });
      return context.present(actor, sessionId);
    },

    async mySheet(actor: Actor, sessionId: string, dossierId: string) {
      const ctx = await context.load(actor, sessionId);
      const { sheet, dossier } = await ownSheet(ctx, dossierId, context.requireMember(ctx));
      const { version, set } = await context.criteriaOf(dossier);
      return presentSheet(sheet, dossier, scoreDraft(version, set, sheet.choices, (sheet.caseKey as CaseKey | null) ?? null));
    },

    /** Saves a draft (not audited: only the submitted sheet is a record of the council). */
    async saveSheet(actor: Actor, sessionId: string, dossierId: string, body: z.infer<typeof SheetBody>) {
      const ctx = await context.load(actor, sessionId);
      context.requireOpen(ctx);
      const { sheet, dossier } = await ownSheet(ctx, dossierId, context.requireMember(ctx));
      if (sheet.status === 'submitted') throw sheetLocked();
      const { version, set } = await context.criteriaOf(dossier);
      const progress = scoreDraft(version, set, body.choices, body.case ?? null);
      const after = await repo.saveDraft(
        db,
        sheet.id,
        body.expectedVersion,
        { choices: body.choices, caseKey: body.case ?? null, disqualifiedReason: body.disqualifiedReason ?? null },
        clock(),
      );
      if (!after) throw staleSheet();
      return presentSheet(after, dossier, progress);
    },

    /** Submits the member's sheet on or after the sitting's day: it must be complete; it locks, and counts in the council's mean. */
    async submitSheet(actor: Actor, audit: AuditActor, sessionId: string, dossierId: string) {
      const ctx = await context.load(actor, sessionId);
      context.requireOpen(ctx);
      context.requireDay(ctx);
      const { sheet, dossier } = await ownSheet(ctx, dossierId, context.requireMember(ctx));
      return submit(ctx, sheet, dossier, audit);
    },

    /**
     * The secretary (or the office) enters a member's paper sheet as that member's own, with the
     * scanned paper kept beside it (its SHA-256 recorded); it counts only as that member's sheet.
     */
    async paperSheet(
      actor: Actor,
      audit: AuditActor,
      sessionId: string,
      dossierId: string,
      body: z.infer<typeof PaperSheetFields>,
      scan: { filename: string; data: Buffer } | undefined,
    ) {
      const ctx = await context.load(actor, sessionId);
      context.requireRunner(ctx);
      context.requireOpen(ctx);
      context.requireDay(ctx);
      const member = ctx.members.find((m) => m.id === body.memberId);
      if (!member)
        throw invalid(
          'unknown_member',
          { vi: 'Không phải thành viên hội đồng.', en: 'Not a member of the council.' },
          { memberId: { vi: 'Không phải thành viên hội đồng.', en: 'Not a member of the council.' } },
        );
      const type = scan && sniffDocument(scan.data, scan.filename);
      if (!scan || !type || !['pdf', 'jpg', 'png', 'webp'].includes(type.ext)) {
        const m = {
          vi: 'Cần tệp quét phiếu giấy (PDF hoặc ảnh) có chữ ký của thành viên.',
          en: 'The scanned paper sheet (PDF or image) signed by the member is required.',
        };
        throw invalid('paper_scan_required', m, { scan: m });
      }
      const { link, dossier } = await context.sessionDossier(ctx, dossierId);
      // Everything is checked before anything is kept: a refused paper sheet leaves no declaration, draft or scan behind.
      const recorded = await repo.declaration(db, sessionId, dossierId, member.id);
      requireScoring(mayScore(member, dossier.subjectName, recorded ?? body.declaration));
      const key = { sessionId, dossierId, memberId: member.id, scoringRound: link.scoringRound };
      const existing = await repo.memberSheet(db, key);
      if (existing?.status === 'submitted') throw sheetLocked();
      const { version, set } = await context.criteriaOf(dossier);
      const entered = { choices: body.choices, caseKey: body.case ?? null, disqualifiedReason: body.disqualifiedReason ?? null };
      scoreDraft(version, set, body.choices, body.case ?? null); // every problem with the choices at once
      const score = await scoreForSubmission(ctx, entered, dossier, true);
      const storageKey = storage.newKey('paper-sheets', type.ext);
      await storage.put(storageKey, scan.data);
      try {
        const locked = await db.transaction(async (tx) => {
          if (!recorded && body.declaration) {
            await repo.insertDeclaration(tx, {
              sessionId,
              dossierId,
              memberId: member.id,
              hasConflict: body.declaration.hasConflict,
              note: body.declaration.note ?? 'Khai báo trên giấy',
            });
            await recordAudit(tx, audit, {
              action: 'create',
              entityType: 'conflict_declaration',
              entityId: `${sessionId}:${dossierId}:${member.id}`,
              after: { ...body.declaration, paper: true },
            });
          }
          const sheet = existing ?? (await repo.memberSheetOrNew(tx, key));
          const filled = await repo.saveDraft(
            tx,
            sheet.id,
            sheet.version,
            {
              ...entered,
              paper: true,
              enteredBy: userIdOf(actor),
              paperScanKey: storageKey,
              paperScanFilename: scan.filename.normalize('NFC').slice(0, 255),
              paperScanMimeType: type.mimeType,
              paperScanSha256: createHash('sha256').update(scan.data).digest('hex'),
            },
            clock(),
          );
          if (!filled) throw staleSheet();
          return lock(tx, filled, score.total, audit, true);
        });
        return await present(locked, dossier);
      } catch (err) {
        await storage.remove(storageKey);
        throw err;
      }
    },

    /** A paper sheet's scan: its member's own, and everyone's once the session is closed. */
    async paperScan(actor: Actor, sessionId: string, sheetId: string) {
      const ctx = await context.load(actor, sessionId);
      const sheet = await repo.sheet(db, sessionId, sheetId);
      if (!sheet?.paperScanKey || !(maySeeOthersScores(ctx.session.status) || sheet.memberId === ctx.me?.id))
        throw notFound({ vi: 'bản quét phiếu', en: 'sheet scan' });
      return {
        data: await storage.get(sheet.paperScanKey),
        mimeType: sheet.paperScanMimeType ?? 'application/pdf',
        filename: sheet.paperScanFilename ?? 'phieu-cham.pdf',
      };
    },

    /** Reopening a submitted sheet needs the secretary (or the office) and a reason, both audited. */
    async reopenSheet(actor: Actor, audit: AuditActor, sessionId: string, sheetId: string, reason: string) {
      const ctx = await context.load(actor, sessionId);
      context.requireRunner(ctx);
      context.requireOpen(ctx);
      const sheet = await repo.sheet(db, sessionId, sheetId);
      if (!sheet) throw notFound(SHEET);
      await db.transaction(async (tx) => {
        const after = await repo.unlock(tx, sheetId, sheet.version + 1);
        if (!after) throw conflict('sheet_not_submitted', { vi: 'Phiếu chưa nộp.', en: 'The sheet is not submitted.' });
        await recordAudit(tx, audit, {
          action: 'update',
          entityType: 'score_sheet',
          entityId: sheetId,
          before: { status: 'submitted' },
          after: { status: 'draft', reason },
        });
      });
      return context.present(actor, sessionId);
    },
  };
}
export type SheetsService = ReturnType<typeof createSheetsService>;
