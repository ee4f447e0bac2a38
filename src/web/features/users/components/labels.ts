import { ROLE_LABELS, ROLES, type Role } from '../../../../domain/policies/index.js';
import { useLabel } from '../../../lib/i18n/index.js';

export const ROLE_COLOR: Record<Role, string> = { admin: 'grape', officer: 'blue', council: 'orange', producer: 'teal' };

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

export function useRoleLabels() {
  const label = useLabel();
  return {
    role: (role: Role) => label(ROLE_LABELS[role]),
    roleOptions: ROLES.map((role) => ({ value: role, label: label(ROLE_LABELS[role]) })),
  };
}
