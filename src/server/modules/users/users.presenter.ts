import type { z } from 'zod';
import type { User } from '../../../contracts/users.js';
import type { UserRow } from './users.repository.js';

/** An account as the API gives it: never its password hash, sessions or login attempts. */
export function presentUser(row: UserRow): z.infer<typeof User> {
  return {
    id: row.id,
    email: row.email,
    fullName: row.fullName,
    role: row.role,
    provinceCode: row.provinceCode,
    subjectId: row.subjectId,
    subjectName: row.subjectName,
    communeCodes: row.communeCodes,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}
