import type { z } from 'zod';
import type { Council } from '../../../contracts/councils.js';
import type { CouncilPosition } from '../../../domain/evaluation/council-rules.js';
import type { ExportTable } from '../../lib/table-export.js';

const KIND = { council: 'Hội đồng đánh giá, phân hạng', advisory_team: 'Tổ tư vấn giúp việc' } as const;
const LEVEL = { province: 'Cấp tỉnh', ministry: 'Cấp trung ương' } as const;
const POSITION: Record<CouncilPosition, string> = { chair: 'Chủ tịch', vice_chair: 'Phó Chủ tịch', member: 'Thành viên', secretary: 'Thư ký' };

type Row = z.infer<typeof Council> & { sessionCount: number };
const holding = (c: Row, position: CouncilPosition) =>
  c.members
    .filter((m) => m.position === position)
    .map((m) => m.fullName)
    .join('; ') || null;

/** The councils list as a file: one row per council, its members in one cell. */
export const councilExport: ExportTable<Row> = {
  title: 'Hội đồng',
  columns: [
    { key: 'name', header: 'Tên hội đồng', width: 40 },
    { key: 'kind', header: 'Loại', width: 26, value: (c) => KIND[c.kind] },
    { key: 'level', header: 'Cấp', width: 14, value: (c) => LEVEL[c.level] },
    { key: 'year', header: 'Năm', type: 'number' },
    { key: 'chair', header: 'Chủ tịch', width: 26, value: (c) => holding(c, 'chair') },
    { key: 'secretary', header: 'Thư ký', width: 26, value: (c) => holding(c, 'secretary') },
    { key: 'memberCount', header: 'Số thành viên', type: 'number', value: (c) => c.members.length },
    {
      key: 'members',
      header: 'Thành viên',
      width: 60,
      value: (c) => c.members.map((m) => `${m.fullName} (${POSITION[m.position]}, ${m.organisation})`).join('; '),
    },
    { key: 'sessionCount', header: 'Số phiên họp', type: 'number' },
  ],
};
