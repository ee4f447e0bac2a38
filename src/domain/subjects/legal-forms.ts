/**
 * Reference lists for OCOP subjects (chủ thể OCOP): legal form, operating status, and gender of
 * the representative.
 *
 * The legal forms are those an OCOP subject takes in practice: enterprises under the Law on
 * Enterprises 2020, cooperatives and cooperative groups under the Law on Cooperatives 2023,
 * household businesses, farms, production establishments without their own registration, and
 * associations or centres. The evaluation criteria of Decision 26/2026/QĐ-TTg score some of them
 * differently ("HTX … hoặc công ty cổ phần có vốn góp của cộng đồng người địa phương ≥ 51%"
 * scores higher than "Công ty TNHH; hoặc doanh nghiệp tư nhân …"), so the form is stored as a
 * code, not free text.
 *
 * Each `*_CODES`/`*_STATUSES`/`GENDERS` list is a readonly tuple so it can be passed straight to
 * `z.enum(...)`; the label records are typed by those tuples, so adding a code without a label
 * fails to compile.
 */

import { foldVietnamese } from '../text/vietnamese.js';

export interface Label {
  readonly vi: string;
  readonly en: string;
}

export const LEGAL_FORM_CODES = ['HTX', 'THT', 'CTCP', 'TNHH', 'DNTN', 'HKD', 'CSSX', 'TT', 'HH', 'KHAC'] as const;
export type LegalForm = (typeof LEGAL_FORM_CODES)[number];

export const LEGAL_FORM_LABELS: Readonly<Record<LegalForm, Label>> = {
  HTX: { vi: 'Hợp tác xã', en: 'Cooperative' },
  THT: { vi: 'Tổ hợp tác', en: 'Cooperative group' },
  CTCP: { vi: 'Công ty cổ phần', en: 'Joint-stock company' },
  TNHH: { vi: 'Công ty TNHH', en: 'Limited liability company' },
  DNTN: { vi: 'Doanh nghiệp tư nhân', en: 'Private enterprise' },
  HKD: { vi: 'Hộ kinh doanh', en: 'Household business' },
  CSSX: { vi: 'Cơ sở sản xuất kinh doanh', en: 'Production establishment' },
  TT: { vi: 'Trang trại', en: 'Farm' },
  HH: { vi: 'Hội/hiệp hội/trung tâm', en: 'Association or centre' },
  KHAC: { vi: 'Khác', en: 'Other' },
};

/** Code, Vietnamese and English label of every legal form, in display order. */
export const LEGAL_FORMS: readonly ({ readonly code: LegalForm } & Label)[] = LEGAL_FORM_CODES.map((code) => ({
  code,
  ...LEGAL_FORM_LABELS[code],
}));

/**
 * Other spellings met in provincial spreadsheets, matched like the labels. Kept short and
 * unambiguous: each names exactly one form.
 */
const LEGAL_FORM_ALIASES: Readonly<Record<LegalForm, readonly string[]>> = {
  HTX: [],
  THT: [],
  CTCP: ['Công ty CP'],
  TNHH: ['Công ty trách nhiệm hữu hạn', 'Công ty TNHH một thành viên', 'Công ty TNHH MTV'],
  DNTN: [],
  HKD: ['Hộ kinh doanh cá thể'],
  CSSX: ['Cơ sở sản xuất', 'Cơ sở SXKD'],
  TT: [],
  HH: ['Hội', 'Hiệp hội', 'Trung tâm'],
  KHAC: [],
};

/** Fold accents and case, then drop everything but letters and digits ("Hội / hiệp hội" → "hoihiephoi"). */
const matchKey = (s: string): string => foldVietnamese(s).replace(/[^a-z0-9]/gu, '');

const LEGAL_FORM_BY_KEY: ReadonlyMap<string, LegalForm> = new Map(
  LEGAL_FORM_CODES.flatMap((code) => [code, LEGAL_FORM_LABELS[code].vi, ...LEGAL_FORM_ALIASES[code]].map((text) => [matchKey(text), code] as const)),
);

/**
 * The legal form named by a code ("HTX", "htx") or a Vietnamese label written with any case,
 * accents, spacing or punctuation ("hop tac xa", "HỢP TÁC XÃ", "Hội / Hiệp hội / Trung tâm").
 * Returns null when nothing matches; callers decide whether that is an error or "KHAC".
 */
export function legalFormFromLabel(s: string): LegalForm | null {
  return LEGAL_FORM_BY_KEY.get(matchKey(s)) ?? null;
}

export const SUBJECT_STATUSES = ['active', 'suspended', 'dissolved'] as const;
export type SubjectStatus = (typeof SUBJECT_STATUSES)[number];

export const SUBJECT_STATUS_LABELS: Readonly<Record<SubjectStatus, Label>> = {
  active: { vi: 'Đang hoạt động', en: 'Active' },
  suspended: { vi: 'Tạm ngừng', en: 'Suspended' },
  dissolved: { vi: 'Giải thể', en: 'Dissolved' },
};

export const GENDERS = ['male', 'female', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

export const GENDER_LABELS: Readonly<Record<Gender, Label>> = {
  male: { vi: 'Nam', en: 'Male' },
  female: { vi: 'Nữ', en: 'Female' },
  other: { vi: 'Khác', en: 'Other' },
};
