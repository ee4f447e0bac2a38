import type { TradeEventListItem } from '../../../contracts/market.js';
import { PLACEMENT_LABELS, TRADE_EVENT_KIND_LABELS } from '../../../domain/market/index.js';
import type { ExportTable } from '../../lib/table-export.js';

/**
 * The trade events list as a file, headed as the import workbook's "Hội chợ, sự kiện" sheet
 * (src/domain/imports/sheets.ts) so a file can be corrected and imported again: the commune's code
 * comes before its name (the first column a header names is the one read).
 */
export const tradeEventExport: ExportTable<TradeEventListItem> = {
  title: 'Hội chợ, sự kiện',
  columns: [
    { key: 'externalCode', header: 'Mã sự kiện', width: 14 },
    { key: 'name', header: 'Tên sự kiện', width: 40 },
    { key: 'kind', header: 'Loại sự kiện', width: 24, value: (e) => TRADE_EVENT_KIND_LABELS[e.kind].vi },
    { key: 'startsOn', header: 'Từ ngày', type: 'date' },
    { key: 'endsOn', header: 'Đến ngày', type: 'date' },
    { key: 'placement', header: 'Vị trí', width: 16, value: (e) => PLACEMENT_LABELS[e.placement].vi },
    { key: 'place', header: 'Địa điểm', width: 30 },
    { key: 'communeCode', header: 'Mã xã', width: 10 },
    { key: 'communeName', header: 'Xã, phường', width: 22 },
    { key: 'otherProvinceCode', header: 'Tỉnh, thành phố khác', width: 12 },
    { key: 'country', header: 'Quốc gia', width: 16 },
    { key: 'organiser', header: 'Đơn vị tổ chức', width: 28 },
    { key: 'booths', header: 'Số gian hàng', type: 'number' },
    { key: 'visitors', header: 'Lượt khách', type: 'number' },
    { key: 'revenueVnd', header: 'Doanh thu (đồng)', type: 'vnd' },
    { key: 'contracts', header: 'Số hợp đồng, biên bản ghi nhớ', type: 'number' },
    { key: 'note', header: 'Ghi chú', width: 30 },
    { key: 'participantCount', header: 'Số chủ thể tham gia', type: 'number' },
    { key: 'productCount', header: 'Số sản phẩm trưng bày', type: 'number' },
  ],
};
