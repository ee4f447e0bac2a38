import type { BusinessPlanListItem, IdeaListItem } from '../../../contracts/programme.js';
import { BUSINESS_PLAN_STATUS_LABELS, IDEA_STATUS_LABELS } from '../../../domain/programme/index.js';
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

/** How far a plan's product went, in the words of the plans page. */
const PRODUCT_STAGE_WORDS: Record<BusinessPlanListItem['productStage'], string> = {
  none: 'Chưa đăng ký đánh giá',
  registered: 'Đã đăng ký đánh giá',
  evaluated: 'Đã được đánh giá',
  recognised: 'Đã được công nhận OCOP',
};

/**
 * The business plans list as a file: the import workbook's "Phương án SXKD" columns first (the plan's
 * code, its idea's code, kind, name, dates, status, investment, product code, progress), so a file
 * edited offline can be imported back; then what the list adds to read it (idea, commune, subject,
 * product, how far the product went, the grants committed).
 */
export const businessPlanExport: ExportTable<BusinessPlanListItem> = {
  title: 'Phương án SXKD',
  columns: [
    { key: 'externalCode', header: 'Mã phương án', width: 14 },
    { key: 'ideaExternalCode', header: 'Mã ý tưởng', width: 12 },
    { key: 'kind', header: 'Loại', width: 14, value: (p) => (p.kind === 'project' ? 'Dự án' : 'Phương án') },
    { key: 'title', header: 'Tên phương án', width: 40 },
    { key: 'submittedOn', header: 'Ngày nộp', type: 'date' },
    { key: 'approvedOn', header: 'Ngày duyệt', type: 'date' },
    { key: 'status', header: 'Trạng thái', width: 18, value: (p) => BUSINESS_PLAN_STATUS_LABELS[p.status].vi },
    { key: 'investmentVnd', header: 'Vốn đầu tư', type: 'number' },
    { key: 'productCode', header: 'Mã sản phẩm', width: 20 },
    { key: 'progressNote', header: 'Tiến độ', width: 40 },
    { key: 'ideaTitle', header: 'Tên ý tưởng sản phẩm', width: 36 },
    { key: 'communeCode', header: 'Xã, phường', width: 10 },
    { key: 'communeName', header: 'Tên xã, phường', width: 22 },
    { key: 'subjectCode', header: 'Mã chủ thể', width: 14 },
    { key: 'subjectName', header: 'Chủ thể', width: 32 },
    { key: 'productName', header: 'Tên sản phẩm', width: 32 },
    { key: 'productStage', header: 'Đánh giá sản phẩm', width: 24, value: (p) => PRODUCT_STAGE_WORDS[p.productStage] },
    { key: 'grantsTotalVnd', header: 'Kinh phí hỗ trợ', type: 'number' },
  ],
};
