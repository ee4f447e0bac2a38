import { CERTIFICATE_STATUS_LABELS } from '../../../domain/certificates/validity.js';
import { CERTIFICATION_KINDS, IP_TITLE_KINDS, type Product, type PRODUCT_STATUSES } from '../../../contracts/registry.js';
import type { ExportTable } from '../../lib/table-export.js';

const STATUS: Record<(typeof PRODUCT_STATUSES)[number], string> = { active: 'Đang sản xuất', discontinued: 'Ngừng sản xuất' };
const CERTIFICATION: Record<(typeof CERTIFICATION_KINDS)[number], string> = {
  vietgap: 'VietGAP',
  globalgap: 'GlobalG.A.P.',
  organic: 'Hữu cơ',
  haccp: 'HACCP',
  iso22000: 'ISO 22000',
  other: 'Khác',
};
const IP_TITLE: Record<(typeof IP_TITLE_KINDS)[number], string> = {
  trademark: 'Nhãn hiệu',
  geographical_indication: 'Chỉ dẫn địa lý',
  collective_mark: 'Nhãn hiệu tập thể',
  certification_mark: 'Nhãn hiệu chứng nhận',
  industrial_design: 'Kiểu dáng công nghiệp',
};
const label = (labels: Record<string, string>, kind: string) => labels[kind] ?? kind;

/** "VietGAP 123; HACCP 45": several certificates or titles in one cell. */
const joined = (items: readonly { kind: string; number: string }[], labels: Record<string, string>) =>
  items.map((i) => `${label(labels, i.kind)} ${i.number}`).join('; ') || null;

/** The products list as a file. */
export const productExport: ExportTable<Product> = {
  title: 'Sản phẩm',
  columns: [
    { key: 'ocopCode', header: 'Mã sản phẩm OCOP', width: 20 },
    { key: 'name', header: 'Tên sản phẩm', width: 36 },
    { key: 'subjectName', header: 'Chủ thể', width: 36 },
    { key: 'communeName', header: 'Xã/phường', width: 22 },
    { key: 'criteriaSetNumber', header: 'Bộ sản phẩm', type: 'number' },
    { key: 'criteriaSetName', header: 'Tên bộ sản phẩm', width: 30 },
    { key: 'criteriaLegalBasis', header: 'Căn cứ bộ tiêu chí', width: 18 },
    { key: 'netContent', header: 'Khối lượng/thể tích tịnh', width: 14 },
    { key: 'packaging', header: 'Quy cách đóng gói', width: 20 },
    { key: 'barcode', header: 'Mã vạch (GTIN)', width: 16 },
    { key: 'qualityDeclarationNo', header: 'Số bản tự công bố chất lượng', width: 18 },
    { key: 'certifications', header: 'Chứng nhận', width: 28, value: (p) => joined(p.certifications, CERTIFICATION) },
    { key: 'ipTitles', header: 'Văn bằng sở hữu trí tuệ', width: 28, value: (p) => joined(p.ipTitles, IP_TITLE) },
    { key: 'star', header: 'Hạng sao OCOP', type: 'number', value: (p) => p.ocop?.star ?? null },
    { key: 'certificate', header: 'Số giấy chứng nhận', width: 20, value: (p) => p.ocop?.number ?? null },
    { key: 'certificateStatus', header: 'Tình trạng giấy chứng nhận', width: 20, value: (p) => (p.ocop ? CERTIFICATE_STATUS_LABELS[p.ocop.status].vi : null) },
    { key: 'status', header: 'Tình trạng', width: 16, value: (p) => STATUS[p.status] },
    { key: 'createdAt', header: 'Ngày đăng ký', type: 'date' },
  ],
};
