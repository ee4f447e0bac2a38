import { vietnamDate } from '../../../domain/dates/calendar.js';
import type { ProductInput } from '../../../contracts/registry.js';
import { CURRENT_CRITERIA_BASIS } from '../../../domain/criteria/legal-bases.js';
import { conflict, forbidden, invalid, notFound } from '../../../domain/errors.js';
import { formatProductCode } from '../../../domain/identifiers/index.js';
import { communeUnknown } from '../../../domain/subjects/commune-unknown.js';
import {
  canCreateProduct,
  canDeleteProduct,
  canEditProduct,
  canReadProduct,
  canReadSubject,
  canViewAudit,
  registryScope,
  subjectOf,
  type Actor,
} from '../../../domain/policies/index.js';
import { foldVietnamese, normalizeText, vietnameseSortKey } from '../../../domain/text/vietnamese.js';
import type { Db } from '../../db/client.js';
import type { FileStorage } from '../../lib/file-storage.js';
import { processPhoto } from '../../lib/images.js';
import { inPages } from '../../lib/table-export.js';
import { listAudit, recordAudit, type AuditActor } from '../audit/audit.service.js';
import { createRecordsCache } from '../audit/records-cache.js';
import { subjectsRepository } from '../subjects/subjects.repository.js';
import { presentProduct } from './products.presenter.js';
import { productsRepository as repo, type ProductFilters, type ProductRow } from './products.repository.js';

const PRODUCT = { vi: 'sản phẩm', en: 'product' };
const PHOTO = { vi: 'ảnh', en: 'photo' };
export const MAX_PHOTOS_PER_PRODUCT = 12;

function toValues(input: Omit<ProductInput, 'subjectId'>) {
  const name = normalizeText(input.name);
  const text = (v: string | null | undefined) => (v == null ? null : v.normalize('NFC').trim());
  return {
    name,
    nameSearch: foldVietnamese(name),
    sortKey: vietnameseSortKey(name),
    criteriaLegalBasis: input.criteriaSetNumber ? CURRENT_CRITERIA_BASIS : null,
    criteriaSetNumber: input.criteriaSetNumber ?? null,
    description: text(input.description),
    ingredients: text(input.ingredients),
    packaging: text(input.packaging),
    netContent: text(input.netContent),
    barcode: input.barcode ?? null,
    qualityDeclarationNo: text(input.qualityDeclarationNo),
    certifications: input.certifications,
    ipTitles: input.ipTitles,
    status: input.status,
  };
}

export type ProductListFilters = ProductFilters & { page: number; pageSize: number };

export function createProductsService(db: Db, storage: FileStorage, clock: () => Date = () => new Date()) {
  const today = () => vietnamDate(clock());
  async function load(actor: Actor, id: string) {
    const row = await repo.get(db, id);
    if (!row || !canReadProduct(actor, subjectOf(row))) throw notFound(PRODUCT);
    return row;
  }
  async function loadEditable(actor: Actor, id: string) {
    const row = await load(actor, id);
    if (!canEditProduct(actor, subjectOf(row))) throw forbidden();
    return row;
  }
  async function present(id: string) {
    const row = (await repo.get(db, id))!;
    return presentProduct(row, today());
  }
  async function checkCriteriaSet(number: number | null | undefined) {
    if (number && !(await repo.criteriaSetExists(db, CURRENT_CRITERIA_BASIS, number))) {
      const m = { vi: `Không có bộ tiêu chí số ${number}.`, en: `No criteria set number ${number}.` };
      throw invalid('unknown_criteria_set', m, { criteriaSetNumber: m });
    }
  }
  const snapshot = (row: ProductRow) => {
    const { subjectName: _s, provinceCode: _p, communeCode: _c, communeName: _n, criteriaSetName: _k, photos: _ph, ...rest } = row;
    return rest;
  };

  /** One page of the list: the caller's scope, the filters and the search, in the list's order. */
  // Paging through a list reads the same matches again: they are kept until the records change
  // (at most 2,000 ids a list: 300 lists take about 50 MB), or for a longer list its total.
  const kept = createRecordsCache<string[] | null | number>(db, { maxEntries: 300 });
  const listPage = (actor: Actor, f: ProductFilters, page: { limit: number; offset: number }) =>
    repo.list(db, registryScope(actor), f, page, (of, read) => kept.get(of, read));

  return {
    async list(actor: Actor, f: ProductListFilters) {
      const { items, total } = await listPage(actor, f, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
      return { items: items.map((r) => presentProduct(r, today())), total, page: f.page, pageSize: f.pageSize };
    },

    /** Every product the list shows with these filters, in its order, read in batches (for exports). */
    exportRows: (actor: Actor, f: ProductFilters) => inPages(async (page) => (await listPage(actor, f, page)).items.map((r) => presentProduct(r, today()))),

    get: async (actor: Actor, id: string) => {
      return presentProduct(await load(actor, id), today());
    },

    /** Registers a product and gives it the next OCOP product code of its commune for this year. */
    async create(actor: Actor, audit: AuditActor, input: ProductInput) {
      const subject = await subjectsRepository.get(db, input.subjectId);
      if (!subject || !canReadSubject(actor, subject)) {
        const m = { vi: 'Không tìm thấy chủ thể.', en: 'The subject was not found.' };
        throw invalid('unknown_subject', m, { subjectId: m });
      }
      if (!canCreateProduct(actor, subject)) throw forbidden();
      const communeCode = subject.communeCode;
      if (communeCode === null) throw communeUnknown('product', 'subjectId');
      await checkCriteriaSet(input.criteriaSetNumber);
      const year = clock().getFullYear();
      const id = await db.transaction(async (tx) => {
        const serial = await repo.nextSerial(tx, communeCode, year);
        const ocopCode = formatProductCode({ provinceCode: subject.provinceCode, communeCode, serial, year });
        const row = await repo.insert(tx, { ...toValues(input), subjectId: subject.id, ocopCode });
        await recordAudit(tx, audit, { action: 'create', entityType: 'product', entityId: row.id, after: row });
        return row.id;
      });
      return present(id);
    },

    async update(actor: Actor, audit: AuditActor, id: string, input: Omit<ProductInput, 'subjectId'>) {
      const before = await loadEditable(actor, id);
      await checkCriteriaSet(input.criteriaSetNumber);
      await db.transaction(async (tx) => {
        const after = await repo.update(tx, id, toValues(input));
        await recordAudit(tx, audit, { action: 'update', entityType: 'product', entityId: id, before: snapshot(before), after });
      });
      return present(id);
    },

    async remove(actor: Actor, audit: AuditActor, id: string) {
      const before = await load(actor, id);
      if (!canDeleteProduct(actor, subjectOf(before))) throw forbidden();
      // A certificate and its decision name the product for good (and the public list shows it);
      // a product that stops being made is marked discontinued instead.
      const records = await repo.hasProgrammeRecords(db, id);
      if (records.certified || records.filed)
        throw conflict(
          records.certified ? 'product_certified' : 'product_filed',
          records.certified
            ? {
                vi: 'Sản phẩm đã được cấp giấy chứng nhận OCOP nên không thể xoá; hãy chuyển sang "ngừng sản xuất".',
                en: 'The product holds an OCOP certificate, so it cannot be deleted; mark it discontinued instead.',
              }
            : {
                vi: 'Sản phẩm đã có hồ sơ đánh giá nên không thể xoá; hãy chuyển sang "ngừng sản xuất".',
                en: 'The product has evaluation dossiers, so it cannot be deleted; mark it discontinued instead.',
              },
        );
      const photos = (await repo.photosOf(db, [id])).get(id) ?? [];
      await db.transaction(async (tx) => {
        await repo.delete(tx, id);
        await recordAudit(tx, audit, { action: 'delete', entityType: 'product', entityId: id, before: snapshot(before) });
      });
      // Files go after the commit: a failed transaction must not lose the photos it still refers to.
      for (const p of photos) await Promise.all([storage.remove(p.storageKey), storage.remove(p.thumbKey)]);
    },

    async addPhoto(actor: Actor, audit: AuditActor, id: string, data: Buffer) {
      await loadEditable(actor, id);
      const existing = await repo.countPhotos(db, id);
      if (existing >= MAX_PHOTOS_PER_PRODUCT)
        throw conflict('too_many_photos', {
          vi: `Mỗi sản phẩm có tối đa ${MAX_PHOTOS_PER_PRODUCT} ảnh.`,
          en: `A product has at most ${MAX_PHOTOS_PER_PRODUCT} photos.`,
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
            productId: id,
            storageKey,
            thumbKey,
            mimeType: img.mimeType,
            width: img.width,
            height: img.height,
            bytes: img.image.length,
            position: existing,
          });
          await recordAudit(tx, audit, { action: 'create', entityType: 'product_photo', entityId: photo.id, after: { ...photo, productId: id } });
          await recordAudit(tx, audit, {
            action: 'update',
            entityType: 'product',
            entityId: id,
            before: { photos: existing },
            after: { photos: existing + 1 },
          });
        });
      } catch (err) {
        await Promise.all([storage.remove(storageKey), storage.remove(thumbKey)]);
        throw err;
      }
      return present(id);
    },

    async removePhoto(actor: Actor, audit: AuditActor, id: string, photoId: string) {
      await loadEditable(actor, id);
      const photo = await repo.getPhoto(db, id, photoId);
      if (!photo) throw notFound(PHOTO);
      const existing = await repo.countPhotos(db, id);
      await db.transaction(async (tx) => {
        await repo.deletePhoto(tx, photoId);
        await recordAudit(tx, audit, { action: 'delete', entityType: 'product_photo', entityId: photoId, before: photo });
        await recordAudit(tx, audit, { action: 'update', entityType: 'product', entityId: id, before: { photos: existing }, after: { photos: existing - 1 } });
      });
      await Promise.all([storage.remove(photo.storageKey), storage.remove(photo.thumbKey)]);
      return present(id);
    },

    async photoFile(actor: Actor, id: string, photoId: string, size: 'full' | 'thumb') {
      await load(actor, id);
      const photo = await repo.getPhoto(db, id, photoId);
      if (!photo) throw notFound(PHOTO);
      return size === 'thumb'
        ? { data: await storage.get(photo.thumbKey), mimeType: 'image/webp' }
        : { data: await storage.get(photo.storageKey), mimeType: photo.mimeType };
    },

    async history(actor: Actor, id: string) {
      await load(actor, id);
      if (!canViewAudit(actor)) throw forbidden();
      return listAudit(db, 'product', id);
    },
  };
}
export type ProductsService = ReturnType<typeof createProductsService>;
