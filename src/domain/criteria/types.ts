/**
 * The criteria of an OCOP evaluation as domain data: a *version* (one legal instrument, e.g. Decision
 * 26/2026/QĐ-TTg) holds the part maxima, the star bands and the criteria *sets* (bộ sản phẩm), each a
 * scoring sheet (phiếu đánh giá): set → part (A/B/C) → criterion groups → criteria → options.
 *
 * These are the shapes the rest of the code works with. The JSON files in `data/criteria` use the
 * file shape described in `schema.ts` (snake_case, `sections`); `loadCriteriaVersion` converts and
 * checks them. Everything is readonly because a version is reference data: an evaluation recorded
 * under it must keep meaning the same thing.
 */

/** Parts of every sheet (Art. 3.1, Decision 26/2026/QĐ-TTg; same letters under 1048 and 148). */
export type PartCode = 'A' | 'B' | 'C';
export const PART_CODES: readonly PartCode[] = ['A', 'B', 'C'];

/** Star ranks (hạng), Art. 3.3, Decision 26/2026/QĐ-TTg: five ranks on a 100-point total. */
export type Star = 1 | 2 | 3 | 4 | 5;

/**
 * Levels that may carry a minimum requirement ("yêu cầu tối thiểu"): the sheets mark options with
 * *** / **** / ***** (footnote of Phụ lục II). Stars 1–2 have no minimums.
 */
export type MinStar = 3 | 4 | 5;
export const MIN_STAR_LEVELS: readonly MinStar[] = [3, 4, 5];

/**
 * Alternative cases of one criterion. Set 26 of 26/2026 (tourism) prints "Lựa chọn một trong hai
 * trường hợp" on criteria 8, 9 and 15: case a = service provided by the community, case b = by an
 * organisation / individual or a tourist site. The options of the case that does not apply are ignored.
 */
export type CaseKey = 'a' | 'b';

export interface CriterionOption {
  readonly label: string;
  readonly points: number;
  /** This option is the minimum required for that star level; null when unmarked. */
  readonly minStar: MinStar | null;
  /** The case the option belongs to; null when it applies whatever the case. */
  readonly case: CaseKey | null;
}

/** A leaf of the sheet: the evaluator ticks exactly one option (☐). */
export interface Criterion {
  readonly kind: 'criterion';
  readonly code: string;
  readonly label: string;
  readonly maxPoints: number;
  /** Requirement or elimination note printed with the criterion ("Yêu cầu…", "Ghi chú: Bị loại nếu…"). */
  readonly requirementNote: string | null;
  /** How the options were read where the text is ambiguous (e.g. the bilingual-label yes/no). */
  readonly optionsNote: string | null;
  /** The same note in English, for the English interface; null when the file gives none. */
  readonly optionsNoteEn: string | null;
  readonly options: readonly CriterionOption[];
}

/** A heading that only adds up its children (e.g. "1. TỔ CHỨC SẢN XUẤT", or 6.1 above 6.1.1). */
export interface CriterionGroup {
  readonly kind: 'group';
  readonly code: string;
  readonly label: string;
  readonly maxPoints: number;
  readonly requirementNote: string | null;
  readonly children: readonly CriterionNode[];
}

export type CriterionNode = Criterion | CriterionGroup;

export interface CriteriaPart {
  readonly code: PartCode;
  readonly label: string;
  readonly maxPoints: number;
  /** Top-level items: mostly groups, but some sheets score a heading directly (e.g. "7. DINH DƯỠNG"). */
  readonly items: readonly CriterionNode[];
}

export interface CriteriaSet {
  /** Row number in Phụ lục I of the version (1–26 under 26/2026). */
  readonly number: number;
  /** Stable slug, e.g. `rau-cu-qua-hat-tuoi`. */
  readonly code: string;
  readonly name: string;
  /** Vietnamese display fields; the `…En` twins are shown by the English interface (empty when absent). */
  readonly sector: string;
  readonly sectorEn: string;
  /** Product group (nhóm sản phẩm), not to be confused with a criterion group. */
  readonly productGroup: string;
  readonly leadMinistry: string;
  readonly leadMinistryEn: string;
  /** "Hồ sơ bị loại khi…": grounds on which the dossier is rejected before ranking. */
  readonly disqualifiers: readonly string[];
  readonly parts: readonly CriteriaPart[];
}

/** A score band: [min, max) except where `maxInclusive` (5★ includes 100). */
export interface StarBand {
  readonly star: Star;
  readonly min: number;
  readonly max: number;
  readonly maxInclusive: boolean;
}

export interface CriteriaVersion {
  /** The legal instrument, e.g. "26/2026/QĐ-TTg" or "1048/QĐ-TTg". */
  readonly legalBasis: string;
  readonly title: string;
  /** ISO date (YYYY-MM-DD) from which the instrument applies. */
  readonly effectiveFrom: string;
  readonly partMaxima: Readonly<Record<PartCode, number>>;
  readonly starBands: readonly StarBand[];
  /** Stars for which a recognition decision and certificate are issued (Art. 4.1, 26/2026: 3–5). */
  readonly certifiedStars: readonly Star[];
  readonly notes: readonly string[];
  readonly sets: readonly CriteriaSet[];
}
