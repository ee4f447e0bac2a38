import type { z } from 'zod';
import type { TradeEventInput, TradeEventListQuery } from '../../../contracts/market.js';
import { vietnamDate } from '../../../domain/dates/calendar.js';
import { periodProblems } from '../../../domain/dates/periods.js';
import { conflict, forbidden, invalid, notFound, type FieldErrors } from '../../../domain/errors.js';
import { placementProblems } from '../../../domain/market/index.js';
import { canEditActivity, canReadActivity, canReadSubject, subjectOf, type ActivityRef, type Actor } from '../../../domain/policies/index.js';
import { foldVietnamese, normalizeText } from '../../../domain/text/vietnamese.js';
import type { Db } from '../../db/client.js';
import type { FileStorage } from '../../lib/file-storage.js';
import { processPhoto } from '../../lib/images.js';
import { inPages } from '../../lib/table-export.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { referenceRepository } from '../reference/reference.repository.js';
import { presentTradeEvent, presentTradeEventItem } from './trade-events.presenter.js';
import { tradeEventsRepository as repo, type ParticipantRow, type ParticipantValues, type TradeEventRow } from './trade-events.repository.js';
import { requireActivitiesProvince } from '../../lib/activity-scope.js';

const EVENT = { vi: 'sự kiện', en: 'event' };
const PHOTO = { vi: 'ảnh', en: 'photo' };
export const MAX_PHOTOS_PER_EVENT = 24;

type ListQuery = z.infer<typeof TradeEventListQuery>;
type Filters = Omit<ListQuery, 'page' | 'pageSize'>;

const activityRef = (row: { provinceCode: string; communeCode: string | null }): ActivityRef => ({
  provinceCode: row.provinceCode,
  communeCode: row.communeCode,
});
const userIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);
const NOT_HELD_YET = {
  vi: 'Sự kiện chưa kết thúc; chỉ ghi số liệu này sau ngày kết thúc.',
  en: 'The event has not ended; record this figure after its end date.',
};

/**
 * Trade fairs, exhibitions, culture and tourism weeks and supply–demand conferences the province's
 * producers take part in, with the products they show, the figures of the event and its photos.
 */
export function createTradeEventsService(db: Db, deploymentProvince: string, storage: FileStorage, clock: () => Date) {
  const today = () => vietnamDate(clock());

  const readableProvince = (actor: Actor) => requireActivitiesProvince(actor, deploymentProvince);
  async function load(actor: Actor, id: string) {
    const row = await repo.get(db, id);
    if (!row || !canReadActivity(actor, activityRef(row), deploymentProvince)) throw notFound(EVENT);
    return row;
  }
  async function loadEditable(actor: Actor, id: string) {
    const row = await load(actor, id);
    if (!canEditActivity(actor, activityRef(row), deploymentProvince)) throw forbidden();
    return row;
  }
  /** The participants the caller may see (registry scope), and those it may not. */
  async function participantsOf(actor: Actor, eventId: string) {
    const all = await repo.participants(db, eventId);
    const shown = all.filter((p) => canReadSubject(actor, subjectOf(p)));
    return { shown, hidden: all.filter((p) => !shown.includes(p)) };
  }
  async function present(actor: Actor, id: string) {
    const row = (await repo.get(db, id))!;
    const [{ shown, hidden }, eventProducts, photos] = await Promise.all([participantsOf(actor, id), repo.products(db, id), repo.photosOf(db, id)]);
    const visible = new Set(shown.map((p) => p.subjectId));
    return presentTradeEvent(
      row,
      shown,
      hidden.length,
      eventProducts.filter((p) => visible.has(p.subjectId)),
      photos,
    );
  }

  const targetRef = (provinceCode: string, input: TradeEventInput): ActivityRef => ({
    provinceCode,
    communeCode: input.placement === 'in_province' ? (input.communeCode ?? null) : null,
  });

  /**
   * Field errors of an event: where it was held (a commune of the province, a real other province, a
   * country abroad), its period, its figures (only once it has ended), its participants (subjects of
   * the province the caller sees, each once, showing its own products).
   */
  async function problems(actor: Actor, provinceCode: string, input: TradeEventInput): Promise<FieldErrors> {
    const fields = placementProblems({ ...input, country: input.country ?? null }, provinceCode, { communeRequired: false });
    if (input.placement === 'in_province' && input.communeCode && !fields.communeCode) {
      const [commune] = await referenceRepository.communesByCode(db, [input.communeCode]);
      if (commune?.provinceCode !== provinceCode) fields.communeCode = { vi: 'Xã, phường này không thuộc tỉnh.', en: 'This commune is not in the province.' };
    }
    if (input.placement === 'other_province' && input.otherProvinceCode && !fields.otherProvinceCode) {
      if (!(await referenceRepository.provinceFullName(db, input.otherProvinceCode)))
        fields.otherProvinceCode = { vi: 'Không có tỉnh, thành phố mã này.', en: 'There is no province with this code.' };
    }
    // An event may be entered ahead of time (a fair the province will attend), so its dates may be
    // in the future; what it brought (visitors, revenue, contracts) is known only once it has ended.
    Object.assign(fields, periodProblems({ start: input.startsOn, end: input.endsOn }, { start: 'startsOn', end: 'endsOn' }, today(), { mayBeFuture: true }));
    const ended = input.endsOn < today();
    if (!ended) for (const figure of ['visitors', 'revenueVnd', 'contracts'] as const) if (input[figure] != null) fields[figure] = NOT_HELD_YET;

    const subjectIds = [...new Set(input.participants.map((p) => p.subjectId))];
    const productIds = [...new Set(input.participants.flatMap((p) => p.productIds))];
    const [subjects, owners] = await Promise.all([repo.subjectRefs(db, subjectIds), repo.productOwners(db, productIds)]);
    const known = new Set(subjects.filter((s) => s.provinceCode === provinceCode && canReadSubject(actor, s)).map((s) => s.id));
    const ownerOf = new Map(owners.map((o) => [o.id, o.subjectId]));
    const seen = new Set<string>();
    input.participants.forEach((p, i) => {
      // A producer the caller may not see is answered as one that does not exist, its products unexamined.
      if (!known.has(p.subjectId))
        fields[`participants.${i}.subjectId`] = { vi: 'Không tìm thấy chủ thể này trong tỉnh.', en: 'No such producer in the province.' };
      else if (seen.has(p.subjectId)) fields[`participants.${i}.subjectId`] = { vi: 'Chủ thể đã có trong danh sách.', en: 'This producer is listed twice.' };
      else if (p.productIds.some((id) => ownerOf.get(id) !== p.subjectId))
        fields[`participants.${i}.productIds`] = {
          vi: 'Chỉ chọn sản phẩm của chính chủ thể này.',
          en: 'Choose only products of this producer.',
        };
      seen.add(p.subjectId);
      if (!ended && p.revenueVnd != null) fields[`participants.${i}.revenueVnd`] = NOT_HELD_YET;
    });
    return fields;
  }

  async function check(actor: Actor, provinceCode: string, input: TradeEventInput, exceptId: string | null) {
    const fields = await problems(actor, provinceCode, input);
    if (Object.keys(fields).length)
      throw invalid('invalid_trade_event', { vi: 'Thông tin sự kiện chưa hợp lệ.', en: 'The event has invalid details.' }, fields);
    if (input.externalCode && (await repo.externalCodeTaken(db, provinceCode, input.externalCode, exceptId))) {
      const m = { vi: `Mã sự kiện "${input.externalCode}" đã có.`, en: `The code "${input.externalCode}" is already used.` };
      throw conflict('trade_event_code_taken', m, { externalCode: m });
    }
  }

  function toValues(input: TradeEventInput) {
    const name = normalizeText(input.name);
    const text = (v: string | null | undefined) => (v == null ? null : v.normalize('NFC').trim());
    return {
      externalCode: input.externalCode ?? null,
      name,
      nameSearch: foldVietnamese(name),
      kind: input.kind,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      placement: input.placement,
      place: text(input.place),
      communeCode: input.placement === 'in_province' ? (input.communeCode ?? null) : null,
      otherProvinceCode: input.placement === 'other_province' ? (input.otherProvinceCode ?? null) : null,
      country: input.placement === 'abroad' ? text(input.country) : null,
      organiser: text(input.organiser),
      booths: input.booths ?? null,
      visitors: input.visitors ?? null,
      revenueVnd: input.revenueVnd ?? null,
      contracts: input.contracts ?? null,
      note: text(input.note),
    };
  }
  const participantValues = (input: TradeEventInput): ParticipantValues[] =>
    input.participants.map((p) => ({
      subjectId: p.subjectId,
      booths: p.booths ?? null,
      revenueVnd: p.revenueVnd ?? null,
      productIds: [...new Set(p.productIds)],
    }));
  const snapshot = (row: TradeEventRow) => {
    const { communeName: _c, participantCount: _p, productCount: _n, ...rest } = row;
    return rest;
  };
  const participantsSnapshot = (rows: readonly ParticipantRow[], products: readonly { productId: string; subjectId: string }[]) =>
    rows.map((p) => ({
      subjectId: p.subjectId,
      booths: p.booths,
      revenueVnd: p.revenueVnd,
      productIds: products.filter((s) => s.subjectId === p.subjectId).map((s) => s.productId),
    }));

  const listPage = (actor: Actor, f: Filters, page: { limit: number; offset: number }) =>
    repo.list(db, { provinceCode: readableProvince(actor), q: f.q, year: f.year, kind: f.kind, placement: f.placement }, page);

  return {
    async list(actor: Actor, q: ListQuery) {
      const { items, total } = await listPage(actor, q, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      return { items: items.map(presentTradeEventItem), total, page: q.page, pageSize: q.pageSize };
    },
    /** Every event the list shows with these filters, in its order, read in batches (for exports). */
    exportRows: (actor: Actor, f: Filters) => inPages(async (page) => (await listPage(actor, f, page)).items.map(presentTradeEventItem)),

    get: async (actor: Actor, id: string) => {
      await load(actor, id);
      return present(actor, id);
    },

    async create(actor: Actor, audit: AuditActor, input: TradeEventInput) {
      const provinceCode = readableProvince(actor);
      if (!canEditActivity(actor, targetRef(provinceCode, input), deploymentProvince)) throw forbidden();
      await check(actor, provinceCode, input, null);
      const participants = participantValues(input);
      const id = await db.transaction(async (tx) => {
        const row = await repo.insert(tx, { ...toValues(input), provinceCode, createdBy: userIdOf(actor) });
        await repo.replaceParticipants(tx, row.id, participants);
        await recordAudit(tx, audit, { action: 'create', entityType: 'trade_event', entityId: row.id, after: { ...row, participants } });
        return row.id;
      });
      return present(actor, id);
    },

    /**
     * Changes an event and replaces its participants as a whole, in one transaction. Participants
     * outside the caller's registry scope, which it was not shown, are kept as they were.
     */
    async update(actor: Actor, audit: AuditActor, id: string, input: TradeEventInput) {
      const before = await loadEditable(actor, id);
      // An officer keeps the events held in their communes: moving one elsewhere is the office's.
      if (!canEditActivity(actor, targetRef(before.provinceCode, input), deploymentProvince)) throw forbidden();
      await check(actor, before.provinceCode, input, id);
      const [{ shown, hidden }, eventProducts] = await Promise.all([participantsOf(actor, id), repo.products(db, id)]);
      const kept = participantsSnapshot(hidden, eventProducts);
      const participants = [...participantValues(input), ...kept];
      await db.transaction(async (tx) => {
        const after = await repo.update(tx, id, toValues(input));
        await repo.replaceParticipants(tx, id, participants);
        await recordAudit(tx, audit, {
          action: 'update',
          entityType: 'trade_event',
          entityId: id,
          before: { ...snapshot(before), participants: participantsSnapshot([...shown, ...hidden], eventProducts) },
          after: { ...after, participants },
        });
      });
      return present(actor, id);
    },

    async remove(actor: Actor, audit: AuditActor, id: string) {
      const before = await loadEditable(actor, id);
      const [participants, eventProducts, photos] = await Promise.all([repo.participants(db, id), repo.products(db, id), repo.photosOf(db, id)]);
      await db.transaction(async (tx) => {
        await repo.delete(tx, id);
        await recordAudit(tx, audit, {
          action: 'delete',
          entityType: 'trade_event',
          entityId: id,
          before: { ...snapshot(before), participants: participantsSnapshot(participants, eventProducts), photos: photos.length },
        });
      });
      // Files go after the commit: a failed transaction must not lose the photos it still refers to.
      for (const p of photos) await Promise.all([storage.remove(p.storageKey), storage.remove(p.thumbKey)]);
    },

    /** Adds a photo through the product photos' pipeline (checked by content, metadata dropped, thumbnail made). */
    async addPhoto(actor: Actor, audit: AuditActor, id: string, data: Buffer) {
      await loadEditable(actor, id);
      const existing = await repo.countPhotos(db, id);
      if (existing >= MAX_PHOTOS_PER_EVENT)
        throw conflict('too_many_photos', {
          vi: `Mỗi sự kiện có tối đa ${MAX_PHOTOS_PER_EVENT} ảnh.`,
          en: `An event has at most ${MAX_PHOTOS_PER_EVENT} photos.`,
        });
      const img = await processPhoto(data);
      const storageKey = storage.newKey('photos', img.ext);
      const thumbKey = storage.newKey('thumbs', 'webp');
      try {
        // Inside the try: when the thumbnail cannot be written (disk full), the image goes too.
        await storage.put(storageKey, img.image);
        await storage.put(thumbKey, img.thumb);
        await db.transaction(async (tx) => {
          const photo = await repo.insertPhoto(tx, {
            eventId: id,
            storageKey,
            thumbKey,
            mimeType: img.mimeType,
            width: img.width,
            height: img.height,
            bytes: img.image.length,
            position: existing,
          });
          await recordAudit(tx, audit, { action: 'create', entityType: 'trade_event_photo', entityId: photo.id, after: photo });
        });
      } catch (err) {
        await Promise.all([storage.remove(storageKey), storage.remove(thumbKey)]);
        throw err;
      }
      return present(actor, id);
    },

    async removePhoto(actor: Actor, audit: AuditActor, id: string, photoId: string) {
      await loadEditable(actor, id);
      const photo = await repo.getPhoto(db, id, photoId);
      if (!photo) throw notFound(PHOTO);
      await db.transaction(async (tx) => {
        await repo.deletePhoto(tx, photoId);
        await recordAudit(tx, audit, { action: 'delete', entityType: 'trade_event_photo', entityId: photoId, before: photo });
      });
      await Promise.all([storage.remove(photo.storageKey), storage.remove(photo.thumbKey)]);
      return present(actor, id);
    },

    async photoFile(actor: Actor, id: string, photoId: string, size: 'full' | 'thumb') {
      await load(actor, id);
      const photo = await repo.getPhoto(db, id, photoId);
      if (!photo) throw notFound(PHOTO);
      return size === 'thumb'
        ? { data: await storage.get(photo.thumbKey), mimeType: 'image/webp' }
        : { data: await storage.get(photo.storageKey), mimeType: photo.mimeType };
    },
  };
}
export type TradeEventsService = ReturnType<typeof createTradeEventsService>;
