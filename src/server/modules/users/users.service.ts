import type { z } from 'zod';
import type { UserCreateBody, UserUpdateBody } from '../../../contracts/users.js';
import { conflict, forbidden, invalid, notFound } from '../../../domain/errors.js';
import {
  accountReach,
  canManageUser,
  canManageUsers,
  changesAccess,
  locksOutSelf,
  mayHaveNationalScope,
  type Actor,
  type UserActor,
} from '../../../domain/policies/index.js';
import { normalizeText } from '../../../domain/text/vietnamese.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { generatePassword, hashPassword } from '../../lib/passwords.js';
import { assertAcceptablePassword } from '../../lib/password-policy.js';
import { inPages } from '../../lib/table-export.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { referenceRepository } from '../reference/reference.repository.js';
import { presentUser } from './users.presenter.js';
import { usersRepository as repo, type UserRow } from './users.repository.js';

const USER = { vi: 'tài khoản', en: 'account' };

export type UserFilters = { q?: string | undefined; role?: string | undefined; active?: 'true' | 'false' | undefined };

type ScopeInput = { role: UserRow['role']; provinceCode?: string | null | undefined; communeCodes: string[]; subjectId?: string | null | undefined };

/** Resolves and checks the scope fields: communes and subject must exist and lie in the account's province. */
async function resolveScope(db: DbOrTx, actor: UserActor, input: ScopeInput) {
  const provinceCode = input.provinceCode === undefined ? actor.provinceCode : input.provinceCode;
  if (!canManageUser(actor, { role: input.role, provinceCode }))
    throw forbidden({ vi: 'Bạn chỉ quản lý được tài khoản trong tỉnh của mình.', en: 'You can only manage accounts of your own province.' });
  // The ministry's own people are national: its office (admin) and the central council's members (Art. 7.4b).
  if (provinceCode === null && !mayHaveNationalScope(input.role)) {
    const m = {
      vi: 'Tài khoản cấp trung ương chỉ dành cho quản trị và thành viên Hội đồng cấp trung ương.',
      en: 'Only administrators and central council members can have national scope.',
    };
    throw invalid('national_scope', m, { provinceCode: m });
  }
  const communeCodes = accountReach(input.role) === 'communes' ? [...new Set(input.communeCodes)] : [];
  if (communeCodes.length) {
    const found = await referenceRepository.communesByCode(db, communeCodes);
    const bad = communeCodes.filter((c) => !found.some((f) => f.code === c && f.provinceCode === provinceCode));
    if (bad.length) {
      const m = { vi: `Xã/phường không thuộc tỉnh của tài khoản: ${bad.join(', ')}.`, en: `Communes outside the account's province: ${bad.join(', ')}.` };
      throw invalid('commune_outside_province', m, { communeCodes: m });
    }
  }
  const subjectId = accountReach(input.role) === 'subject' ? (input.subjectId ?? null) : null;
  if (subjectId) {
    const subjectProvince = await repo.subjectProvince(db, subjectId);
    if (subjectProvince !== provinceCode) {
      const m = { vi: 'Không tìm thấy chủ thể trong tỉnh của tài khoản.', en: "No such subject in the account's province." };
      throw invalid('unknown_subject', m, { subjectId: m });
    }
  }
  return { provinceCode, communeCodes, subjectId };
}

export function createUsersService(db: Db, clock: () => Date = () => new Date()) {
  async function load(actor: Actor, id: string) {
    const row = await repo.get(db, id);
    if (!row || !canManageUser(actor, row)) throw notFound(USER);
    return row;
  }
  const asAdmin = (actor: Actor): UserActor => {
    if (!canManageUsers(actor) || actor.kind !== 'user') throw forbidden();
    return actor;
  };

  /** One page of the list: accounts of the administrator's province (all for the ministry), filtered. */
  function listPage(actor: Actor, f: UserFilters, page: { limit: number; offset: number }) {
    const admin = asAdmin(actor);
    return repo.list(db, { provinceCode: admin.provinceCode, q: f.q, role: f.role, active: f.active === undefined ? undefined : f.active === 'true' }, page);
  }

  return {
    async list(actor: Actor, f: UserFilters & { page: number; pageSize: number }) {
      const { items, total } = await listPage(actor, f, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
      return { items: items.map(presentUser), total, page: f.page, pageSize: f.pageSize };
    },

    /** Every account the list shows with these filters, in its order, read in batches (for exports). */
    exportRows: (actor: Actor, f: UserFilters) => inPages(async (page) => (await listPage(actor, f, page)).items.map(presentUser)),

    get: async (actor: Actor, id: string) => presentUser(await load(actor, id)),

    /** Creates an account; without a password, a one-time password is returned once and must be changed at first sign-in. */
    async create(actor: Actor, audit: AuditActor, input: z.infer<typeof UserCreateBody>) {
      const admin = asAdmin(actor);
      const scope = await resolveScope(db, admin, input);
      if (await repo.findByEmail(db, input.email)) {
        const m = { vi: 'Email này đã có tài khoản.', en: 'This e-mail already has an account.' };
        throw conflict('email_taken', m, { email: m });
      }
      if (input.password) assertAcceptablePassword(input.password, { email: input.email, fullName: input.fullName });
      const oneTimePassword = input.password ? null : generatePassword();
      const passwordHash = await hashPassword(input.password ?? oneTimePassword!);
      const id = await db.transaction(async (tx) => {
        const row = await repo.insert(tx, {
          email: input.email,
          fullName: normalizeText(input.fullName),
          passwordHash,
          role: input.role,
          provinceCode: scope.provinceCode,
          subjectId: scope.subjectId,
          mustChangePassword: oneTimePassword !== null,
        });
        await repo.setCommunes(tx, row.id, scope.communeCodes);
        await recordAudit(tx, audit, { action: 'create', entityType: 'user', entityId: row.id, after: { ...row, communeCodes: scope.communeCodes } });
        return row.id;
      });
      return { user: presentUser((await repo.get(db, id))!), oneTimePassword };
    },

    async update(actor: Actor, audit: AuditActor, id: string, input: z.infer<typeof UserUpdateBody>) {
      const admin = asAdmin(actor);
      const before = await load(actor, id);
      if (locksOutSelf(admin, id, input))
        throw conflict('self_lockout', {
          vi: 'Không thể tự khoá hoặc tự bỏ quyền quản trị của chính mình.',
          en: 'You cannot deactivate yourself or remove your own administrator role.',
        });
      const scope = await resolveScope(db, admin, input);
      await db.transaction(async (tx) => {
        const after = await repo.update(tx, id, { fullName: normalizeText(input.fullName), role: input.role, active: input.active, ...scope });
        await repo.setCommunes(tx, id, scope.communeCodes);
        // Access changes take effect now, not when an old session expires.
        if (changesAccess(before, input)) await repo.endSessions(tx, id);
        const { subjectName: _s, ...beforeRow } = before;
        await recordAudit(tx, audit, {
          action: 'update',
          entityType: 'user',
          entityId: id,
          before: beforeRow,
          after: { ...after, communeCodes: scope.communeCodes },
        });
      });
      return presentUser((await repo.get(db, id))!);
    },

    async resetPassword(actor: Actor, audit: AuditActor, id: string, password: string | undefined) {
      asAdmin(actor);
      const account = await load(actor, id);
      if (password) assertAcceptablePassword(password, { email: account.email, fullName: account.fullName });
      const oneTimePassword = password ? null : generatePassword();
      const passwordHash = await hashPassword(password ?? oneTimePassword!);
      await db.transaction(async (tx) => {
        await repo.update(tx, id, { passwordHash, mustChangePassword: true });
        await repo.endSessions(tx, id);
        // A link asked for by e-mail earlier must not undo the password the office has just set.
        await repo.spendResetLinks(tx, id, clock());
        await recordAudit(tx, audit, { action: 'update', entityType: 'user', entityId: id, before: { password: '•••' }, after: { password: 'reset' } });
      });
      return { oneTimePassword };
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
