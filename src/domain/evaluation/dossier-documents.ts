import type { IsoDate } from '../dates/calendar.js';
import type { Message } from '../errors.js';
import type { DossierKind } from './dossier-workflow.js';

/**
 * Documents of a dossier (Art. 6 and Mẫu 02 of Decision 26/2026/QĐ-TTg). They belong to the subject
 * or to the product and are kept on file, so an upgrade or re-rating reuses what is still valid and
 * adds only what changed.
 */
export const DOCUMENT_TYPES = {
  business_registration: { owner: 'subject', label: { vi: 'Giấy chứng nhận đăng ký kinh doanh / hợp tác xã', en: 'Business or cooperative registration' } },
  food_safety_certificate: { owner: 'subject', label: { vi: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', en: 'Food-safety facility certificate' } },
  quality_declaration: { owner: 'product', label: { vi: 'Bản công bố / tự công bố chất lượng sản phẩm', en: 'Product quality declaration' } },
  test_report: { owner: 'product', label: { vi: 'Phiếu kết quả kiểm nghiệm định kỳ', en: 'Periodic test report' } },
  ip_title: { owner: 'product', label: { vi: 'Văn bằng sở hữu trí tuệ (nhãn hiệu, chỉ dẫn địa lý…)', en: 'Intellectual property title' } },
  raw_material_contracts: { owner: 'product', label: { vi: 'Hợp đồng liên kết, nguồn gốc nguyên liệu', en: 'Raw-material and linkage contracts' } },
  distribution_contracts: { owner: 'product', label: { vi: 'Hợp đồng phân phối, xúc tiến thương mại', en: 'Distribution and promotion contracts' } },
  financial_statements: { owner: 'subject', label: { vi: 'Báo cáo tài chính 2 năm gần nhất', en: 'Financial statements (last 2 years)' } },
  local_labour_list: { owner: 'subject', label: { vi: 'Danh sách lao động địa phương', en: 'Local workforce list' } },
  environment_records: { owner: 'subject', label: { vi: 'Hồ sơ bảo vệ môi trường', en: 'Environmental records' } },
  change_evidence: { owner: 'product', label: { vi: 'Minh chứng thay đổi so với sản phẩm đã công nhận', en: 'Evidence of changes since recognition' } },
  other: { owner: 'product', label: { vi: 'Tài liệu khác', en: 'Other document' } },
} as const satisfies Record<string, { owner: 'subject' | 'product'; label: Message }>;
export type DocumentType = keyof typeof DOCUMENT_TYPES;
export const DOCUMENT_TYPE_CODES = Object.keys(DOCUMENT_TYPES) as [DocumentType, ...DocumentType[]];

/** Sets 1–20 are food, drinks and herbal products: their food-safety papers are required. */
const isFoodLike = (setNumber: number) => setNumber >= 1 && setNumber <= 20;

/** `disqualifying`: without it the dossier is disqualified (hồ sơ bị loại), not merely incomplete. */
export type ChecklistItem = { type: DocumentType; required: boolean; disqualifying: boolean; note: Message | null };

/**
 * The documents a dossier needs, by criteria set and kind. The food-safety facility certificate
 * is a disqualifier ("Hồ sơ bị loại khi … không tuân thủ … giấy chứng nhận cơ sở đủ điều kiện an
 * toàn thực phẩm", every food sheet of Phụ lục II).
 */
export function requiredDocuments(setNumber: number, kind: DossierKind): ChecklistItem[] {
  const food = isFoodLike(setNumber);
  const items: ChecklistItem[] = [
    { type: 'business_registration', required: true, disqualifying: false, note: null },
    {
      type: 'food_safety_certificate',
      required: food,
      disqualifying: food,
      note: food ? { vi: 'Thiếu giấy này hồ sơ bị loại.', en: 'Without it the dossier is disqualified.' } : null,
    },
    { type: 'quality_declaration', required: food, disqualifying: false, note: null },
    { type: 'test_report', required: food || kind === 'rerating', disqualifying: false, note: null },
    { type: 'ip_title', required: false, disqualifying: false, note: null },
    { type: 'raw_material_contracts', required: false, disqualifying: false, note: null },
    { type: 'distribution_contracts', required: false, disqualifying: false, note: null },
    { type: 'financial_statements', required: false, disqualifying: false, note: null },
    { type: 'local_labour_list', required: false, disqualifying: false, note: null },
    { type: 'environment_records', required: false, disqualifying: false, note: null },
  ];
  if (kind !== 'first') items.push({ type: 'change_evidence', required: kind === 'upgrade', disqualifying: false, note: null });
  return items;
}

export type DocumentOnFile = { id: string; type: string; validUntil: IsoDate | null };

/** Each checklist line with the documents on file for it and whether it is satisfied on a day. */
export function checklistStatus(items: ChecklistItem[], documents: DocumentOnFile[], today: IsoDate) {
  const lines = items.map((item) => {
    const ofType = documents.filter((d) => d.type === item.type);
    const valid = ofType.filter((d) => d.validUntil === null || d.validUntil >= today);
    const status: 'ok' | 'expired' | 'missing' = valid.length ? 'ok' : ofType.length ? 'expired' : 'missing';
    return { ...item, status, documentIds: ofType.map((d) => d.id) };
  });
  const missing = lines.filter((l) => l.required && l.status !== 'ok');
  return {
    lines,
    complete: missing.length === 0,
    /** Required papers absent or expired on the day: a dossier goes to the council only without any (Art. 7.3a). */
    missing: missing.map((l) => DOCUMENT_TYPES[l.type].label),
    /** Of those, the ones that disqualify the dossier. */
    disqualifying: missing.filter((l) => l.disqualifying).map((l) => DOCUMENT_TYPES[l.type].label),
  };
}
