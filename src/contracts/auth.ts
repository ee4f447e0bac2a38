import { z } from 'zod';
import { ROLES } from '../domain/policies/index.js';

export const RoleSchema = z.enum(ROLES);

export const LoginBody = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
});

export const CurrentUser = z
  .object({
    id: z.uuid(),
    email: z.string(),
    fullName: z.string(),
    role: RoleSchema,
    provinceCode: z.string().nullable(),
    subjectId: z.uuid().nullable(),
    communeCodes: z.array(z.string()),
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'CurrentUser' });

/** The CSRF token must be echoed in the `x-csrf-token` header of every state-changing request. */
export const MeResponse = z.object({ user: CurrentUser, csrfToken: z.string() });

export const PASSWORD_MIN = 10;
export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1),
  newPassword: z.string().min(PASSWORD_MIN).max(200),
});
