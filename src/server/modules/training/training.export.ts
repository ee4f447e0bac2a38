import type { TrainingListItem } from '../../../contracts/programme.js';
import type { ExportTable } from '../../lib/table-export.js';

/**
 * The training courses as a file, with the headers of the import workbook's "Tập huấn" sheet
 * (src/domain/imports/sheets.ts) and the course's own code first, so a file edited offline can be
 * imported back; the attendees are the workbook's "Học viên tập huấn" sheet.
 */
export const trainingExport: ExportTable<TrainingListItem> = {
  title: 'Lớp tập huấn, đào tạo',
  columns: [
    { key: 'externalCode', header: 'Mã lớp', width: 12 },
    { key: 'topic', header: 'Chủ đề', width: 44 },
    { key: 'startsOn', header: 'Từ ngày', type: 'date' },
    { key: 'endsOn', header: 'Đến ngày', type: 'date' },
    { key: 'place', header: 'Địa điểm', width: 28 },
    { key: 'communeCode', header: 'Xã, phường', width: 10 },
    { key: 'communeName', header: 'Tên xã, phường', width: 22 },
    { key: 'organiser', header: 'Đơn vị tổ chức', width: 26 },
    { key: 'trainers', header: 'Giảng viên', width: 26 },
    { key: 'participants', header: 'Số học viên', type: 'number' },
    { key: 'producerCount', header: 'Số chủ thể cử người tham dự', type: 'number' },
    { key: 'note', header: 'Ghi chú', width: 30 },
  ],
};
