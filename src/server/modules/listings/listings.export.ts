import type { DistributionListing, EcommerceListing } from '../../../contracts/market.js';
import { DISTRIBUTION_CHANNEL_LABELS, ECOMMERCE_PLATFORMS, LISTING_STATUS_LABELS } from '../../../domain/market/index.js';
import type { ExportTable } from '../../lib/table-export.js';

/**
 * The listings as files, headed as the import workbook's "Siêu thị, chuỗi" and "Thương mại điện tử"
 * sheets (src/domain/imports/sheets.ts) so a file can be corrected and imported again. A listing has
 * no code of the province's own: its product is named by its OCOP code, an e-commerce listing is
 * its (normalised, unique) URL, a chain listing its product and chain.
 */
export const ecommerceListingExport: ExportTable<EcommerceListing> = {
  title: 'Sản phẩm trên sàn thương mại điện tử',
  columns: [
    { key: 'productCode', header: 'Mã sản phẩm', width: 20 },
    { key: 'productName', header: 'Tên sản phẩm', width: 32 },
    { key: 'subjectName', header: 'Chủ thể', width: 32 },
    { key: 'platform', header: 'Sàn', width: 22, value: (l) => ECOMMERCE_PLATFORMS[l.platform].label.vi },
    { key: 'url', header: 'Đường dẫn', width: 50 },
    { key: 'active', header: 'Đang bán', width: 10 },
    { key: 'lastCheckedOn', header: 'Ngày kiểm tra', type: 'date' },
    { key: 'status', header: 'Trạng thái duyệt', width: 16, value: (l) => LISTING_STATUS_LABELS[l.status].vi },
    { key: 'reviewedAt', header: 'Thời điểm duyệt', type: 'datetime' },
    { key: 'reviewNote', header: 'Ghi chú duyệt', width: 30 },
  ],
};

export const distributionListingExport: ExportTable<DistributionListing> = {
  title: 'Sản phẩm tại siêu thị, chuỗi',
  columns: [
    { key: 'productCode', header: 'Mã sản phẩm', width: 20 },
    { key: 'productName', header: 'Tên sản phẩm', width: 32 },
    { key: 'subjectName', header: 'Chủ thể', width: 32 },
    { key: 'chain', header: 'Siêu thị, chuỗi', width: 28 },
    { key: 'channel', header: 'Kênh phân phối', width: 22, value: (l) => DISTRIBUTION_CHANNEL_LABELS[l.channel].vi },
    { key: 'stores', header: 'Số cửa hàng', type: 'number' },
    { key: 'since', header: 'Bán từ ngày', type: 'date' },
    { key: 'active', header: 'Đang bán', width: 10 },
    { key: 'note', header: 'Ghi chú', width: 30 },
  ],
};
