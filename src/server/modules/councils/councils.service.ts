import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { CouncilCreateBody } from '../../../contracts/councils.js';
import { vietnamDate } from '../../../domain/dates/calendar.js';
import { forbidden, invalid, notFound, type Message } from '../../../domain/errors.js';
import { checkCouncilComposition, votesByDefault } from '../../../domain/evaluation/council-rules.js';
import { checkActDate } from '../../../domain/evaluation/dated-acts.js';
import { administersCouncil, canSetUpCouncil, councilScope, mayReadCouncil, type Actor } from '../../../domain/policies/index.js';
import type { Db } from '../../db/client.js';
import type { FileStorage } from '../../lib/file-storage.js';
import { sniffDocument } from '../../lib/file-types.js';
import { inPages } from '../../lib/table-export.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { referenceRepository } from '../reference/reference.repository.js';
import type { SettingsService } from '../settings/settings.service.js';
import { presentCouncils } from './councils.presenter.js';
import { councilsRepository as repo, type CouncilRow } from './councils.repository.js';
import { userIdOf } from './session-context.js';

const COUNCIL = { vi: 'hội đồng', en: 'council' };
const refuseDate = (field: string, message: Message) => invalid('date_out_of_order', message, { [field]: message });

/**
 * Councils and advisory teams (Art. 7.3b, 7.4b, Decision 26/2026/QĐ-TTg): set up by the Chair's (or
 * the Minister's) decision, with their members and their operating rules. Their sittings are in
 * sessions.service.ts, the members' sheets in sheets.service.ts.
 */
export function createCouncilsService(deps: { db: Db; settings: SettingsService; storage: FileStorage; clock: () => Date }) {
  const { db, settings, storage, clock } = deps;
  const today = () => vietnamDate(clock());

  /** The councils the caller may see (councilScope), newest year first; all unless a page is given. */
  const councilRows = (actor: Actor, page?: { limit: number; offset: number }) => repo.councilsIn(db, councilScope(actor), page);

  async function present(rows: CouncilRow[]) {
    return presentCouncils(
      rows,
      await repo.membersOf(
        db,
        rows.map((c) => c.id),
      ),
    );
  }
  const presentCouncil = async (id: string) => (await present([(await repo.council(db, id))!]))[0]!;

  return {
    /**
     * Sets up a council or advisory team as the Chair's (Minister's) decision does (Art. 7.3b, 7.4b):
     * its establishing decision, one chair, a secretary, enough scoring members (the province's rules),
     * from staff or council accounts only.
     */
    async createCouncil(actor: Actor, audit: AuditActor, body: z.infer<typeof CouncilCreateBody>) {
      if (!canSetUpCouncil(actor, 'province') || actor.kind !== 'user') throw forbidden();
      if (!canSetUpCouncil(actor, body.level))
        throw forbidden({ vi: 'Chỉ Bộ thành lập Hội đồng cấp trung ương.', en: 'Only the ministry sets up the central council.' });
      const provinceCode = body.level === 'ministry' ? null : actor.provinceCode;
      if (body.level === 'province' && provinceCode === null) {
        const m = { vi: 'Hội đồng cấp tỉnh do tỉnh thành lập.', en: 'A provincial council is set up by its province.' };
        throw invalid('province_required', m, { level: m });
      }
      const established = checkActDate({ date: body.establishment.date, label: { vi: 'ngày quyết định thành lập', en: 'establishing decision' } }, today());
      if (!established.ok) throw refuseDate('establishment.date', established.message);
      const roles = await repo.userRoles(
        db,
        body.members.flatMap((m) => (m.userId ? [m.userId] : [])),
      );
      const members = body.members.map((m) => ({ ...m, voting: m.voting ?? votesByDefault(m.position), userId: m.userId ?? null }));
      const scoring = body.kind === 'council';
      const composition = checkCouncilComposition(
        members.map((m) => ({ position: m.position, voting: m.voting, userId: m.userId, userRole: m.userId ? (roles.get(m.userId) ?? null) : null })),
        { minVoting: scoring ? (await settings.scoring(provinceCode ?? '')).minCouncilMembers : 1, needsSecretary: scoring },
      );
      if (!composition.ok)
        throw invalid('council_composition', { vi: 'Thành phần hội đồng chưa hợp lệ.', en: 'The council’s composition is not valid.' }, composition.problems);
      const id = await db.transaction(async (tx) => {
        const council = await repo.insertCouncil(tx, {
          level: body.level,
          provinceCode,
          kind: body.kind,
          name: body.name,
          year: body.year,
          establishedByNumber: body.establishment.number,
          establishedOn: body.establishment.date,
          establishedBySigner: body.establishment.signer,
          establishedBySignerTitle: body.establishment.signerTitle,
          spreadThreshold: body.spreadThreshold ?? null,
          quorumRatio: body.quorumRatio ?? null,
        });
        await repo.insertMembers(
          tx,
          members.map((m) => ({
            councilId: council.id,
            fullName: m.fullName,
            organisation: m.organisation,
            position: m.position,
            voting: m.voting,
            userId: m.userId,
          })),
        );
        await recordAudit(tx, audit, { action: 'create', entityType: 'council', entityId: council.id, after: { ...council, members } });
        return council.id;
      });
      return presentCouncil(id);
    },

    /** Attaches the council's operating rules (Quy chế hoạt động): a PDF or Word file, kept with its hash. */
    async attachRules(actor: Actor, audit: AuditActor, councilId: string, file: { filename: string; data: Buffer }) {
      const council = await repo.council(db, councilId);
      if (!council || !administersCouncil(actor, council)) throw notFound(COUNCIL);
      const type = sniffDocument(file.data, file.filename);
      if (!type || !['pdf', 'docx'].includes(type.ext))
        throw invalid('unsupported_document', {
          vi: 'Quy chế hoạt động là tệp PDF hoặc Word (.docx).',
          en: 'The operating rules are a PDF or Word (.docx) file.',
        });
      const storageKey = storage.newKey('council-rules', type.ext);
      await storage.put(storageKey, file.data);
      try {
        await db.transaction(async (tx) => {
          const after = await repo.updateCouncil(tx, councilId, {
            rulesStorageKey: storageKey,
            rulesFilename: file.filename.normalize('NFC').slice(0, 255),
            rulesMimeType: type.mimeType,
            rulesSha256: createHash('sha256').update(file.data).digest('hex'),
          });
          await recordAudit(tx, audit, {
            action: 'update',
            entityType: 'council',
            entityId: councilId,
            before: { rulesFilename: council.rulesFilename, rulesSha256: council.rulesSha256 },
            after: { rulesFilename: after.rulesFilename, rulesSha256: after.rulesSha256 },
          });
        });
      } catch (err) {
        await storage.remove(storageKey);
        throw err;
      }
      return presentCouncil(councilId);
    },

    async rulesFile(actor: Actor, councilId: string) {
      const council = await repo.council(db, councilId);
      const seated = !!council && (await repo.members(db, council.id)).some((m) => m.userId !== null && m.userId === userIdOf(actor));
      if (!council || !mayReadCouncil(actor, council, seated) || !council.rulesStorageKey) throw notFound({ vi: 'quy chế hoạt động', en: 'operating rules' });
      return {
        data: await storage.get(council.rulesStorageKey),
        mimeType: council.rulesMimeType ?? 'application/pdf',
        filename: council.rulesFilename ?? 'quy-che.pdf',
      };
    },

    /** What the establishing decision's DOCX prints. */
    async forEstablishmentDocx(actor: Actor, councilId: string) {
      const council = await repo.council(db, councilId);
      if (!council || !administersCouncil(actor, council)) throw notFound(COUNCIL);
      return {
        council: (await present([council]))[0]!,
        provinceName: council.provinceCode ? ((await referenceRepository.provinceFullName(db, council.provinceCode)) ?? null) : null,
      };
    },

    listCouncils: async (actor: Actor) => present(await councilRows(actor)),

    /** Every council the list shows, in its order, with its number of sessions, read in batches (for exports). */
    exportCouncils: (actor: Actor) =>
      inPages(async (page) => {
        const rows = await councilRows(actor, page);
        const counts = await repo.sessionCounts(
          db,
          rows.map((c) => c.id),
        );
        return (await present(rows)).map((c) => ({ ...c, sessionCount: counts.get(c.id) ?? 0 }));
      }),
  };
}
export type CouncilsService = ReturnType<typeof createCouncilsService>;
