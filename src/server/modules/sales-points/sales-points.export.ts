import {
  PLACEMENT_LABELS,
  SALES_POINT_CHECKLIST,
  SALES_POINT_KIND_LABELS,
  SALES_POINT_LOCATION_LABELS,
  SALES_POINT_STATUS_LABELS,
  type SalesPointLocation,
} from '../../../domain/market/index.js';
import type { ExportTable } from '../../lib/table-export.js';
import type { SalesPointExportRow } from './sales-points.service.js';

/**
 * The sales points list as a file, headed as the import workbook's "Điểm bán" sheet
 * (src/domain/imports/sheets.ts) so a file can be corrected and imported again: the commune's code
 * comes before its name (the first column a header names is the one read), labels are the
 * Vietnamese ones the import accepts. The products carried are listed by their codes (the import's
 * "Sản phẩm bày bán"), and the Decision 950/QĐ-BCT checklist follows, one Có/Không column per item
 * headed by its wording, as the import reads them.
 */
export const salesPointExport: ExportTable<SalesPointExportRow> = {
  title: 'Điểm bán sản phẩm OCOP',
  columns: [
    { key: 'externalCode', header: 'Mã điểm bán', width: 14 },
    { key: 'name', header: 'Tên điểm bán', width: 36 },
    { key: 'kind', header: 'Loại điểm bán', width: 28, value: (p) => SALES_POINT_KIND_LABELS[p.kind].vi },
    { key: 'operator', header: 'Đơn vị vận hành', width: 28 },
    { key: 'address', header: 'Địa chỉ', width: 32 },
    { key: 'placement', header: 'Vị trí', width: 16, value: (p) => PLACEMENT_LABELS[p.placement].vi },
    { key: 'communeCode', header: 'Mã xã', width: 10 },
    { key: 'communeName', header: 'Xã, phường', width: 22 },
    { key: 'otherProvinceName', header: 'Tỉnh, thành phố khác', width: 22 },
    { key: 'latitude', header: 'Vĩ độ', type: 'number' },
    { key: 'longitude', header: 'Kinh độ', type: 'number' },
    {
      key: 'locationType',
      header: 'Loại địa điểm',
      width: 30,
      value: (p) => (p.locationType ? (SALES_POINT_LOCATION_LABELS[p.locationType as SalesPointLocation]?.vi ?? p.locationType) : null),
    },
    { key: 'openedOn', header: 'Ngày khai trương', type: 'date' },
    { key: 'status', header: 'Trạng thái', width: 16, value: (p) => SALES_POINT_STATUS_LABELS[p.status].vi },
    { key: 'closedOn', header: 'Ngày đóng cửa', type: 'date' },
    { key: 'phone', header: 'Điện thoại', width: 14 },
    { key: 'note', header: 'Ghi chú', width: 30 },
    { key: 'productCount', header: 'Số sản phẩm bày bán', type: 'number' },
    { key: 'productCodes', header: 'Sản phẩm bày bán', width: 40, value: (p) => p.productCodes.join('; ') },
    { key: 'checklistMet', header: 'Số tiêu chí đạt (QĐ 950/QĐ-BCT)', type: 'number' },
    ...SALES_POINT_CHECKLIST.map((item) => ({
      key: `checklist.${item.code}`,
      header: item.label.vi,
      width: 14,
      value: (p: SalesPointExportRow) => p.checklist[item.code] === true,
    })),
  ],
};
