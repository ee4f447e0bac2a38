import type { SupportGrant, SupportPolicy } from '../../../contracts/programme.js';
import { FUNDING_SOURCE_CHOICES } from '../../../domain/imports/choices.js';
import { GRANT_STATUS_LABELS, SUPPORT_AREA_LABELS } from '../../../domain/programme/index.js';
import type { ExportTable } from '../../lib/table-export.js';

/**
 * The support lists as files. Headers are those of the import workbook's "Chính sách hỗ trợ" and
 * "Khoản hỗ trợ" sheets (src/domain/imports/sheets.ts), closed lists are written as its drop-downs
 * offer them, and codes stand beside names, so a file edited offline can be imported back; the
 * figures the platform derives (committed, paid) follow and are not read back.
 */
export const policyExport: ExportTable<SupportPolicy> = {
  title: 'Chính sách hỗ trợ',
  columns: [
    { key: 'externalCode', header: 'Mã chính sách', width: 12 },
    { key: 'name', header: 'Tên chính sách', width: 40 },
    { key: 'area', header: 'Lĩnh vực', width: 24, value: (p) => SUPPORT_AREA_LABELS[p.area].vi },
    { key: 'legalBasis', header: 'Căn cứ', width: 32 },
    { key: 'year', header: 'Năm', type: 'number' },
    { key: 'budgetVnd', header: 'Kinh phí', type: 'vnd' },
    { key: 'committedVnd', header: 'Đã cam kết (đồng)', type: 'vnd' },
    { key: 'disbursedVnd', header: 'Đã giải ngân (đồng)', type: 'vnd' },
    { key: 'grantCount', header: 'Số khoản hỗ trợ', type: 'number' },
    { key: 'note', header: 'Ghi chú', width: 32 },
  ],
};

export const grantExport: ExportTable<SupportGrant> = {
  title: 'Khoản hỗ trợ',
  columns: [
    { key: 'policyCode', header: 'Mã chính sách', width: 12 },
    { key: 'policyName', header: 'Chính sách', width: 36 },
    { key: 'externalCode', header: 'Mã khoản hỗ trợ', width: 14 },
    { key: 'subjectCode', header: 'Mã chủ thể', width: 14 },
    { key: 'subjectName', header: 'Chủ thể', width: 32 },
    { key: 'communeCode', header: 'Mã xã/phường', width: 12 },
    { key: 'productCode', header: 'Mã sản phẩm', width: 20 },
    { key: 'productName', header: 'Sản phẩm', width: 28 },
    { key: 'businessPlanCode', header: 'Mã phương án', width: 14 },
    { key: 'content', header: 'Nội dung hỗ trợ', width: 40 },
    { key: 'amountVnd', header: 'Số tiền', type: 'vnd' },
    { key: 'fundingSource', header: 'Nguồn vốn', width: 20, value: (g) => FUNDING_SOURCE_CHOICES[g.fundingSource][0] },
    { key: 'grantedOn', header: 'Ngày hỗ trợ', type: 'date' },
    { key: 'status', header: 'Trạng thái', width: 16, value: (g) => GRANT_STATUS_LABELS[g.status].vi },
    { key: 'note', header: 'Ghi chú', width: 32 },
  ],
};
