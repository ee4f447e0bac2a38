import type { z } from 'zod';
import type { Round } from '../../../contracts/evaluation.js';
import type { ExportTable } from '../../lib/table-export.js';

const LEVEL = { province: 'Cấp tỉnh', ministry: 'Cấp trung ương' } as const;
const STATUS = { open: 'Đang nhận hồ sơ', in_progress: 'Đang đánh giá', closed: 'Đã kết thúc' } as const;

/** The evaluation rounds (Art. 5) as a file. */
export const roundExport: ExportTable<z.infer<typeof Round>> = {
  title: 'Đợt đánh giá',
  columns: [
    { key: 'name', header: 'Tên đợt', width: 32 },
    { key: 'level', header: 'Cấp đánh giá', width: 16, value: (r) => LEVEL[r.level] },
    { key: 'provinceCode', header: 'Mã tỉnh/thành phố', width: 10 },
    { key: 'year', header: 'Năm', type: 'number' },
    { key: 'number', header: 'Đợt số', type: 'number' },
    { key: 'proposalDeadline', header: 'Hạn đề nghị', type: 'date' },
    { key: 'resultDeadline', header: 'Hạn có kết quả', type: 'date' },
    { key: 'legalBasis', header: 'Căn cứ bộ tiêu chí', width: 18 },
    { key: 'status', header: 'Trạng thái', width: 16, value: (r) => STATUS[r.status] },
    { key: 'dossierCount', header: 'Số hồ sơ', type: 'number' },
  ],
};
