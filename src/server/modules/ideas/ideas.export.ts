import type { IdeaListItem } from '../../../contracts/programme.js';
import { IDEA_STATUS_LABELS } from '../../../domain/programme/index.js';
import type { ExportTable } from '../../lib/table-export.js';

/**
 * The ideas list as a file. Headers are those of the import workbook's "Ý tưởng sản phẩm" sheet
 * (src/domain/imports/sheets.ts) and codes stand beside names — the idea's own code first, the
 * commune's and the subject's — so a file edited offline can be imported back.
 */
export const ideaExport: ExportTable<IdeaListItem> = {
  title: 'Ý tưởng sản phẩm',
  columns: [
    { key: 'externalCode', header: 'Mã ý tưởng', width: 12 },
    { key: 'title', header: 'Tên ý tưởng sản phẩm', width: 40 },
    { key: 'communeCode', header: 'Xã, phường', width: 10 },
    { key: 'communeName', header: 'Tên xã, phường', width: 22 },
    { key: 'subjectCode', header: 'Mã chủ thể', width: 14 },
    { key: 'subjectName', header: 'Chủ thể', width: 32 },
    { key: 'proposerName', header: 'Người đề xuất', width: 24 },
    { key: 'description', header: 'Mô tả', width: 40 },
    { key: 'criteriaSetNumber', header: 'Bộ sản phẩm', type: 'number' },
    { key: 'receivedOn', header: 'Ngày tiếp nhận', type: 'date' },
    { key: 'status', header: 'Kết quả sàng lọc', width: 22, value: (i) => IDEA_STATUS_LABELS[i.status].vi },
    { key: 'screenedOn', header: 'Ngày sàng lọc', type: 'date' },
    { key: 'screeningNote', header: 'Ý kiến sàng lọc', width: 40 },
    { key: 'planCount', header: 'Số phương án SXKD', type: 'number' },
  ],
};
