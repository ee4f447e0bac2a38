import type { CommunicationItem } from '../../../contracts/programme.js';
import { COMMUNICATION_KIND_LABELS } from '../../../domain/programme/index.js';
import type { ExportTable } from '../../lib/table-export.js';

/**
 * The communication items as a file, with the headers of the import workbook's "Truyền thông" sheet
 * (src/domain/imports/sheets.ts) and the item's own code first, so a file edited offline can be imported back.
 */
export const communicationExport: ExportTable<CommunicationItem> = {
  title: 'Tuyên truyền, truyền thông',
  columns: [
    { key: 'externalCode', header: 'Mã tin bài', width: 12 },
    { key: 'kind', header: 'Loại', width: 30, value: (i) => COMMUNICATION_KIND_LABELS[i.kind].vi },
    { key: 'title', header: 'Tiêu đề', width: 44 },
    { key: 'channel', header: 'Kênh, cơ quan đăng', width: 26 },
    { key: 'publishedOn', header: 'Ngày đăng', type: 'date' },
    { key: 'quantity', header: 'Số lượng', type: 'number' },
    { key: 'url', header: 'Đường dẫn', width: 44 },
    { key: 'note', header: 'Ghi chú', width: 30 },
  ],
};
