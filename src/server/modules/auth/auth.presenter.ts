import type { z } from 'zod';
import type { CurrentUser } from '../../../contracts/auth.js';
import type { UserRow } from '../users/users.repository.js';

/** The signed-in account as the web app needs it (never its password hash or sessions). */
export function presentProfile(account: UserRow): z.infer<typeof CurrentUser> {
  return {
    id: account.id,
    email: account.email,
    fullName: account.fullName,
    role: account.role,
    provinceCode: account.provinceCode,
    subjectId: account.subjectId,
    communeCodes: account.communeCodes,
    mustChangePassword: account.mustChangePassword,
  };
}
