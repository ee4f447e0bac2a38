import type { SubjectInput } from '../../../contracts/registry.js';
import { conflict, forbidden, invalid, notFound } from '../../../domain/errors.js';
import {
  canCreateSubject,
  canDeleteSubject,
  canEditSubject,
  canManageSubjectPlacement,
  canReadSubject,
  canViewAudit,
  registryScope,
  type Actor,
} from '../../../domain/policies/index.js';
import { checkTaxCode, taxCodeKey, type TaxCodeHolder } from '../../../domain/subjects/tax-code.js';
import { foldVietnamese, normalizeText, vietnameseSortKey } from '../../../domain/text/vietnamese.js';
import type { Db } from '../../db/client.js';
import { inPages } from '../../lib/table-export.js';
import { listAudit, recordAudit, type AuditActor } from '../audit/audit.service.js';
import { issueCodesOfPlacedSubject } from './placement.js';
import { presentSubject } from './subjects.presenter.js';
import { subjectsRepository as repo, type SubjectFilters } from './subjects.repository.js';

const SUBJECT = { vi: 'chủ thể', en: 'subject' };

/** Stored form of the input: NFC text, plus the search and sort keys derived from the name. */
function toValues(input: SubjectInput, provinceCode: string) {
  const name = normalizeText(input.name);
  const text = (v: string | null | undefined) => (v == null ? null : normalizeText(v));
  return {
    provinceCode,
    communeCode: input.communeCode,
    name,
    nameSearch: foldVietnamese(name),
    sortKey: vietnameseSortKey(name),
    legalForm: input.legalForm,
    taxCode: input.taxCode ?? null,
    representativeName: text(input.representativeName),
    representativeGender: input.representativeGender ?? null,
    representativeEthnicity: text(input.representativeEthnicity),
    representativeDisability: input.representativeDisability,
    address: text(input.address),
    phone: input.phone ?? null,
    email: input.email ?? null,
    foundedOn: input.foundedOn ?? null,
    workforceTotal: input.workforceTotal ?? null,
    workforceLocal: input.workforceLocal ?? null,
    workforceWomen: input.workforceWomen ?? null,
    status: input.status,
  };
}

/** The list's query as the API takes it: the flags are the query string's 'true' and 'false'. */
export type SubjectQuery = Omit<SubjectFilters, 'communeUnknown'> & { communeUnknown?: 'true' | 'false' | undefined };
export type SubjectListQuery = SubjectQuery & { page: number; pageSize: number };

const filtersOf = ({ communeUnknown, ...f }: SubjectQuery): SubjectFilters => ({ ...f, communeUnknown: communeUnknown === 'true' });

export function createSubjectsService(db: Db) {
  async function load(actor: Actor, id: string) {
    const row = await repo.get(db, id);
    // 404 rather than 403: a caller outside the scope must not learn that the record exists.
    if (!row || !canReadSubject(actor, row)) throw notFound(SUBJECT);
    return row;
  }

  async function communeOf(code: string) {
    const commune = await repo.findCommune(db, code);
    if (!commune) {
      const message = { vi: `Không có xã/phường mã ${code}.`, en: `No commune with code ${code}.` };
      throw invalid('unknown_commune', message, { communeCode: message });
    }
    return commune;
  }

  /** The subjects already holding the tax code (other than `exceptId`), each marked readable or not for the caller. */
  async function taxCodeHolders(actor: Actor, taxCode: string, exceptId?: string): Promise<TaxCodeHolder[]> {
    const key = taxCodeKey(taxCode);
    if (!key) return [];
    const rows = await repo.findByTaxCodeKey(db, key, exceptId);
    return rows.map((r) => ({ id: r.id, name: r.name, communeName: r.communeName, readable: canReadSubject(actor, r) }));
  }

  /**
   * Refuses a tax code another subject holds unless the caller confirmed a branch (409, on the
   * taxCode field); returns the holders a confirmed branch belongs to, for the audit log.
   */
  async function checkTaxCodeFree(actor: Actor, input: SubjectInput, exceptId?: string): Promise<readonly string[] | null> {
    if (!input.taxCode) return null;
    const check = checkTaxCode(input.taxCode, await taxCodeHolders(actor, input.taxCode, exceptId), input.confirmBranch === true);
    if (check.outcome === 'taken') throw conflict('tax_code_registered', check.message, { taxCode: check.message });
    return check.outcome === 'branch' ? check.of : null;
  }

  /** One page of the list: the caller's scope, the filters and the search, in the list's order. */
  const listPage = (actor: Actor, f: SubjectFilters, page: { limit: number; offset: number }) => repo.list(db, registryScope(actor), f, page);

  return {
    async list(actor: Actor, f: SubjectListQuery) {
      const { items, total } = await listPage(actor, filtersOf(f), { limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
      return { items: items.map(presentSubject), total, page: f.page, pageSize: f.pageSize };
    },

    /** Every subject the list shows with these filters, in its order, read in batches (for exports). */
    exportRows: (actor: Actor, f: SubjectQuery) => inPages(async (page) => (await listPage(actor, filtersOf(f), page)).items.map(presentSubject)),

    get: async (actor: Actor, id: string) => presentSubject(await load(actor, id)),

    /** Who holds a tax code: the readable holders by name, the others only counted (TaxCodeHolders). */
    async taxCodeHolders(actor: Actor, taxCode: string, exceptId?: string) {
      const holders = await taxCodeHolders(actor, taxCode, exceptId);
      return {
        taxCode,
        registered: holders.length > 0,
        subjects: holders.filter((h) => h.readable).map(({ id, name, communeName }) => ({ id, name, communeName })),
      };
    },

    async create(actor: Actor, audit: AuditActor, input: SubjectInput) {
      const commune = await communeOf(input.communeCode);
      if (!canCreateSubject(actor, { provinceCode: commune.provinceCode, communeCode: commune.code })) throw forbidden();
      const branchOf = await checkTaxCodeFree(actor, input);
      const id = await db.transaction(async (tx) => {
        const row = await repo.insert(tx, toValues(input, commune.provinceCode));
        // A confirmed branch says so in the history: whose tax code it shares, and who confirmed it.
        const after = branchOf ? { ...row, branchOf: [...branchOf] } : row;
        await recordAudit(tx, audit, { action: 'create', entityType: 'subject', entityId: row.id, after });
        return row.id;
      });
      return presentSubject((await repo.get(db, id))!);
    },

    async update(actor: Actor, audit: AuditActor, id: string, input: SubjectInput) {
      const before = await load(actor, id);
      if (!canEditSubject(actor, before)) throw forbidden();
      const commune = await communeOf(input.communeCode);
      const moves = commune.code !== before.communeCode || input.status !== before.status;
      if (moves && !canManageSubjectPlacement(actor, { id, provinceCode: commune.provinceCode, communeCode: commune.code }))
        throw forbidden({
          vi: 'Chỉ Văn phòng OCOP hoặc cán bộ xã được đổi xã/phường hoặc trạng thái của chủ thể.',
          en: "Only the OCOP office or a commune officer may change a subject's commune or status.",
        });
      // Only a changed tax code is checked: a record saved before the rule, or a confirmed branch, stays editable.
      const taxCodeChanged = taxCodeKey(input.taxCode) !== taxCodeKey(before.taxCode);
      const branchOf = taxCodeChanged ? await checkTaxCodeFree(actor, input, id) : null;
      await db.transaction(async (tx) => {
        const row = await repo.update(tx, id, toValues(input, commune.provinceCode));
        const after = branchOf ? { ...row, branchOf: [...branchOf] } : row;
        const { communeName: _c, productCount: _p, ...beforeRow } = before;
        await recordAudit(tx, audit, { action: 'update', entityType: 'subject', entityId: id, before: beforeRow, after });
        // A producer imported without a commune is placed now: its products get the codes they waited for.
        if (before.communeCode === null) await issueCodesOfPlacedSubject(tx, audit, { id, provinceCode: commune.provinceCode, communeCode: commune.code });
      });
      return presentSubject((await repo.get(db, id))!);
    },

    async remove(actor: Actor, audit: AuditActor, id: string) {
      const before = await load(actor, id);
      if (!canDeleteSubject(actor, before)) throw forbidden();
      if (before.productCount > 0)
        throw conflict('subject_has_products', {
          vi: `Chủ thể còn ${before.productCount} sản phẩm; xoá hoặc chuyển các sản phẩm trước.`,
          en: `The subject still has ${before.productCount} product(s); remove them first.`,
        });
      if (await repo.hasAccounts(db, id))
        throw conflict('subject_has_accounts', {
          vi: 'Chủ thể còn tài khoản người dùng gắn kèm; gỡ tài khoản trước.',
          en: 'User accounts are still linked to this subject; unlink them first.',
        });
      await db.transaction(async (tx) => {
        await repo.delete(tx, id);
        const { communeName: _c, productCount: _p, ...beforeRow } = before;
        await recordAudit(tx, audit, { action: 'delete', entityType: 'subject', entityId: id, before: beforeRow });
      });
    },

    async history(actor: Actor, id: string) {
      await load(actor, id);
      if (!canViewAudit(actor)) throw forbidden();
      return listAudit(db, 'subject', id);
    },
  };
}
export type SubjectsService = ReturnType<typeof createSubjectsService>;
