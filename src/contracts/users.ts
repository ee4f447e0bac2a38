import { z } from 'zod';
import { fail } from './messages.js';
import { PageQuery, paginated } from './common.js';
import { PASSWORD_MIN, RoleSchema } from './auth.js';

export const User = z
  .object({
    id: z.uuid(),
    email: z.string(),
    fullName: z.string(),
    role: RoleSchema,
    provinceCode: z.string().nullable(),
    subjectId: z.uuid().nullable(),
    subjectName: z.string().nullable(),
    communeCodes: z.array(z.string()),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

const scopeFields = {
  role: RoleSchema,
  /** Omitted → the caller's province; null → ministry level (only a ministry admin may set it). */
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .nullable()
    .optional(),
  communeCodes: z
    .array(z.string().regex(/^\d{5}$/))
    .max(500)
    .default([]),
  subjectId: z.uuid().nullable().optional(),
};

/** An officer needs communes, a producer needs its subject. */
function checkScope(v: { role: string; communeCodes?: string[]; subjectId?: string | null | undefined }, ctx: z.core.$RefinementCtx) {
  if (v.role === 'officer' && !v.communeCodes?.length)
    fail(ctx, { vi: 'Cán bộ xã phải được giao ít nhất một xã/phường.', en: 'An officer must be assigned at least one commune.' }, ['communeCodes']);
  if (v.role === 'producer' && !v.subjectId)
    fail(ctx, { vi: 'Tài khoản chủ thể phải gắn với một chủ thể.', en: 'A producer account must be linked to a subject.' }, ['subjectId']);
}

export const UserCreateBody = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email()),
    fullName: z.string().trim().min(1).max(200),
    /** Omitted → a one-time password is generated and returned once. */
    password: z.string().min(PASSWORD_MIN).max(200).optional(),
    ...scopeFields,
  })
  .superRefine(checkScope);

export const UserUpdateBody = z
  .object({
    fullName: z.string().trim().min(1).max(200),
    active: z.boolean(),
    ...scopeFields,
  })
  .superRefine(checkScope);

export const UserCreated = z.object({ user: User, oneTimePassword: z.string().nullable() });

export const ResetPasswordBody = z.object({ password: z.string().min(PASSWORD_MIN).max(200).optional() });
export const ResetPasswordResponse = z.object({ oneTimePassword: z.string().nullable() });

export const UserListQuery = PageQuery.extend({ role: RoleSchema.optional(), active: z.enum(['true', 'false']).optional() });
export const UserList = paginated(User);
