import type { z } from 'zod';
import type { User } from '../../../contracts/users.js';
import { accountReach, ROLE_LABELS } from '../../../domain/policies/index.js';
import type { ExportTable } from '../../lib/table-export.js';

/** Where an account works: its communes (officers), its subject (producers), or its province. */
function scope(u: z.infer<typeof User>): string {
  const reach = accountReach(u.role);
  if (reach === 'communes') return u.communeCodes.join(', ');
  if (reach === 'subject') return u.subjectName ?? '';
  return u.provinceCode ? `Tỉnh ${u.provinceCode}` : 'Toàn quốc';
}

/** The accounts list as a file (never any password or session data). */
export const userExport: ExportTable<z.infer<typeof User>> = {
  title: 'Tài khoản',
  columns: [
    { key: 'email', header: 'Email', width: 30 },
    { key: 'fullName', header: 'Họ và tên', width: 30 },
    { key: 'role', header: 'Vai trò', width: 26, value: (u) => ROLE_LABELS[u.role].vi },
    { key: 'provinceCode', header: 'Mã tỉnh/thành phố', width: 10 },
    { key: 'scope', header: 'Phạm vi', width: 30, value: scope },
    { key: 'active', header: 'Trạng thái', width: 16, value: (u) => (u.active ? 'Đang hoạt động' : 'Đã khoá') },
    { key: 'createdAt', header: 'Ngày tạo', type: 'date' },
  ],
};
