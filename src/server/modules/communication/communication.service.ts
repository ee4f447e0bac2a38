import type { CommunicationItemInput, CommunicationListQuery } from '../../../contracts/programme.js';
import { vietnamDate } from '../../../domain/dates/calendar.js';
import { pastDateProblem } from '../../../domain/dates/periods.js';
import { forbidden, invalid, notFound, type FieldErrors } from '../../../domain/errors.js';
import { canManageSupport, canReadActivity, type Actor } from '../../../domain/policies/index.js';
import { webUrlProblem } from '../../../domain/programme/index.js';
import { normalizeText } from '../../../domain/text/vietnamese.js';
import type { Db } from '../../db/client.js';
import { inPages } from '../../lib/table-export.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { presentCommunicationItem } from './communication.presenter.js';
import { communicationRepository as repo, type CommunicationFilters, type CommunicationRow } from './communication.repository.js';
import { requireActivitiesProvince } from '../../lib/activity-scope.js';

const ITEM = { vi: 'tin, bài truyền thông', en: 'communication item' };
const text = (v: string | null | undefined) => (v == null ? null : normalizeText(v));

/**
 * The province's communication on the programme (radio and TV segments, articles, portal sections,
 * handbooks, guides, panels, posts): province-wide work, kept by the office (canManageSupport) and
 * read by the province's commune officers.
 */
export function createCommunicationService(db: Db, deploymentProvince: string, clock: () => Date) {
  const readableProvince = (actor: Actor) => requireActivitiesProvince(actor, deploymentProvince);

  async function load(actor: Actor, id: string) {
    const item = await repo.get(db, id);
    // 404 rather than 403: a caller outside the scope must not learn that the record exists.
    if (!item || !canReadActivity(actor, { provinceCode: item.provinceCode, communeCode: null }, deploymentProvince)) throw notFound(ITEM);
    return item;
  }
  async function loadForEdit(actor: Actor, id: string) {
    const item = await load(actor, id);
    if (!canManageSupport(actor, item.provinceCode, deploymentProvince)) throw forbidden();
    return item;
  }

  /** Published means done: not dated ahead; a link opens a website; the province's own code is unique. */
  async function check(provinceCode: string, input: CommunicationItemInput, before: CommunicationRow | null) {
    const fields: FieldErrors = {};
    const future = pastDateProblem(input.publishedOn, vietnamDate(clock()));
    if (future) fields.publishedOn = future;
    const link = input.url ? webUrlProblem(input.url) : null;
    if (link) fields.url = link;
    if (input.externalCode) {
      const holder = await repo.findByExternalCode(db, provinceCode, input.externalCode);
      if (holder && holder.id !== before?.id)
        fields.externalCode = { vi: 'Mã này đã dùng cho tin, bài khác.', en: 'This code is already used by another item.' };
    }
    if (Object.keys(fields).length)
      throw invalid('invalid_communication_item', { vi: 'Tin, bài có thông tin chưa hợp lệ.', en: 'The communication item has invalid fields.' }, fields);
  }

  const values = (provinceCode: string, input: CommunicationItemInput) => ({
    provinceCode,
    externalCode: input.externalCode ?? null,
    kind: input.kind,
    title: normalizeText(input.title),
    channel: text(input.channel),
    publishedOn: input.publishedOn,
    quantity: input.quantity,
    url: input.url ?? null,
    note: text(input.note),
  });

  const listPage = (actor: Actor, f: CommunicationFilters, page: { limit: number; offset: number }) => repo.list(db, readableProvince(actor), f, page);

  return {
    async list(actor: Actor, f: CommunicationListQuery) {
      const { items, total } = await listPage(actor, f, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
      return { items: items.map(presentCommunicationItem), total, page: f.page, pageSize: f.pageSize };
    },
    /** Every item the list shows with these filters, in its order, read in batches (for exports). */
    exportRows: (actor: Actor, f: CommunicationFilters) => inPages(async (page) => (await listPage(actor, f, page)).items.map(presentCommunicationItem)),

    get: async (actor: Actor, id: string) => presentCommunicationItem(await load(actor, id)),

    async create(actor: Actor, audit: AuditActor, input: CommunicationItemInput) {
      const provinceCode = readableProvince(actor);
      if (!canManageSupport(actor, provinceCode, deploymentProvince)) throw forbidden();
      await check(provinceCode, input, null);
      const row = await db.transaction(async (tx) => {
        const created = await repo.insert(tx, values(provinceCode, input));
        await recordAudit(tx, audit, { action: 'create', entityType: 'communication_item', entityId: created.id, after: created });
        return created;
      });
      return presentCommunicationItem(row);
    },

    async update(actor: Actor, audit: AuditActor, id: string, input: CommunicationItemInput) {
      const before = await loadForEdit(actor, id);
      await check(before.provinceCode, input, before);
      const row = await db.transaction(async (tx) => {
        const after = await repo.update(tx, id, values(before.provinceCode, input));
        await recordAudit(tx, audit, { action: 'update', entityType: 'communication_item', entityId: id, before, after });
        return after;
      });
      return presentCommunicationItem(row);
    },

    async remove(actor: Actor, audit: AuditActor, id: string) {
      const before = await loadForEdit(actor, id);
      await db.transaction(async (tx) => {
        await repo.delete(tx, id);
        await recordAudit(tx, audit, { action: 'delete', entityType: 'communication_item', entityId: id, before });
      });
    },
  };
}
export type CommunicationService = ReturnType<typeof createCommunicationService>;
