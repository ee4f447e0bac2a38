import { formatDateVn, type IsoDate } from '../dates/calendar.js';
import type { Message } from '../errors.js';
import { starForTotal } from '../scoring/bands.js';

/**
 * Levels that evaluated products over time (ocop-rules §7.5). A commune (Xã) only pre-assesses; a
 * district screened under 1048/QĐ-TTg and recognised 3★ under 148/QĐ-TTg; the province recognises
 * 3–4★; the central level (Trung ương) 5★.
 */
export const HISTORICAL_LEVELS = ['commune', 'district', 'province', 'central'] as const;
export type HistoricalLevel = (typeof HISTORICAL_LEVELS)[number];

export const LEGAL_BASES = ['1048/QĐ-TTg', '148/QĐ-TTg', '1489/QĐ-TTg', '26/2026/QĐ-TTg'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];
/** Kept for callers that list the bases in forms. */
export const HISTORICAL_BASES = LEGAL_BASES;

/**
 * The levels whose result can recognise a product under each basis (ocop-rules §7.5): only those
 * results count in the year's evaluation figures; the others were pre-assessment or screening.
 * The central level counts under every basis, but only for the 5★ it recognised.
 */
export const RECOGNISING_LEVELS: Record<LegalBasis, readonly HistoricalLevel[]> = {
  '1048/QĐ-TTg': ['province', 'central'],
  '148/QĐ-TTg': ['district', 'province', 'central'],
  '1489/QĐ-TTg': ['province', 'central'],
  '26/2026/QĐ-TTg': ['province', 'central'],
};

/** First day each basis was in force (1048 from the programme's start; ocop-rules §1 and §7.5). */
const IN_FORCE_FROM: ReadonlyArray<[string, LegalBasis]> = [
  ['2026-05-22', '26/2026/QĐ-TTg'],
  ['2025-07-06', '1489/QĐ-TTg'],
  ['2023-02-24', '148/QĐ-TTg'],
  ['0000-01-01', '1048/QĐ-TTg'],
];

/** The basis in force on an ISO date (yyyy-mm-dd). */
export function legalBasisInForce(isoDate: string): LegalBasis {
  return IN_FORCE_FROM.find(([from]) => isoDate >= from)![1];
}

/**
 * Reads a legal basis as people write it ("QĐ 1048", "Quyết định số 148/QĐ-TTg", "26/2026/QĐ-TTg");
 * null when it names none of the four.
 */
export function parseLegalBasis(text: string): LegalBasis | null {
  const t = text.normalize('NFC');
  if (/(^|\D)26\s*\/\s*2026(\D|$)/.test(t)) return '26/2026/QĐ-TTg';
  const n = /(^|\D)(1048|1489|148)(\D|$)/.exec(t)?.[2];
  return n ? (`${n}/QĐ-TTg` as LegalBasis) : null;
}

/** Whether a result at this level, under this basis, is one that could recognise the product. */
export function isRecognisingResult(r: { level: HistoricalLevel; legalBasis: string; star: number | null }): boolean {
  const basis = parseLegalBasis(r.legalBasis);
  if (!basis || !RECOGNISING_LEVELS[basis].includes(r.level)) return false;
  // A central result that did not give 5★ leaves the province's recognition standing (Art. 9 of 26/2026).
  return r.level !== 'central' || r.star === 5;
}

export type HistoricalResult = { year: number; level: HistoricalLevel; legalBasis: string; score: number | null; star: number | null };

/**
 * Checks a result recorded from earlier years: a recognised star may sit below its score's band (a
 * province recognises at most 4★ even at 92 points) but never above it; only the central level gave
 * 5★; a district recognised 3★ only under Decision 148/QĐ-TTg (2023–2025); a commune never recognised.
 */
export function checkHistoricalResult(r: HistoricalResult): Message[] {
  const problems: Message[] = [];
  if (r.score !== null && (r.score < 0 || r.score > 100)) problems.push({ vi: 'Điểm phải từ 0 đến 100.', en: 'The score must be 0–100.' });
  if (r.star !== null && (!Number.isInteger(r.star) || r.star < 1 || r.star > 5))
    problems.push({ vi: 'Hạng sao phải từ 1 đến 5.', en: 'The star must be 1–5.' });
  if (r.star !== null && r.score !== null && r.score >= 0 && r.score <= 100 && r.star > starForTotal(r.score))
    problems.push({ vi: `Hạng ${r.star} sao cao hơn mức điểm ${r.score}.`, en: `${r.star}★ is above the band of ${r.score} points.` });
  if (r.star === 5 && r.level !== 'central') problems.push({ vi: '5 sao chỉ do Trung ương công nhận.', en: 'Only the central level recognised 5★.' });
  if (r.level === 'commune' && r.star !== null)
    problems.push({ vi: 'Cấp xã chỉ đánh giá sơ bộ, không công nhận hạng sao.', en: 'A commune only pre-assesses; it recognises no star.' });
  if (r.level === 'district' && r.star !== null && !(parseLegalBasis(r.legalBasis) === '148/QĐ-TTg' && r.star === 3))
    problems.push({ vi: 'Cấp huyện chỉ công nhận 3 sao theo Quyết định 148/QĐ-TTg.', en: 'Districts recognised 3★ only, under Decision 148/QĐ-TTg.' });
  if (!parseLegalBasis(r.legalBasis))
    problems.push({
      vi: `Căn cứ "${r.legalBasis}" không phải 1048/QĐ-TTg, 148/QĐ-TTg, 1489/QĐ-TTg hay 26/2026/QĐ-TTg.`,
      en: `Unknown legal basis "${r.legalBasis}".`,
    });
  if (r.year < 2018 || r.year > 2100) problems.push({ vi: 'Năm không hợp lệ.', en: 'Invalid year.' });
  return problems;
}

/** A problem of a result's dates, with the field it concerns. */
export type HistoricalDateProblem = { field: 'year' | 'decisionDate'; message: Message };

/**
 * An earlier result records an act already taken (the order of the procedure, Art. 7 of 26/2026,
 * as for every dated act: ./dated-acts.ts): its year is not after the current year in Vietnam and
 * its decision is not dated after today; today itself is allowed.
 */
export function checkHistoricalDates(r: { year: number; decisionDate: IsoDate | null }, today: IsoDate): HistoricalDateProblem[] {
  const problems: HistoricalDateProblem[] = [];
  const thisYear = Number(today.slice(0, 4));
  if (r.year > thisYear)
    problems.push({
      field: 'year',
      message: { vi: `Năm ${r.year} chưa đến (năm nay là ${thisYear}).`, en: `The year ${r.year} is after the current year (${thisYear}).` },
    });
  if (r.decisionDate && r.decisionDate > today)
    problems.push({
      field: 'decisionDate',
      message: {
        vi: `Ngày quyết định (${formatDateVn(r.decisionDate)}) không được sau ngày hôm nay (${formatDateVn(today)}).`,
        en: `The decision date (${formatDateVn(r.decisionDate)}) cannot be later than today (${formatDateVn(today)}).`,
      },
    });
  return problems;
}

/** A decision taken on the platform: its level and the day it was signed. */
export type PlatformDecision = { level: 'province' | 'ministry'; signedOn: IsoDate; number: string };

/**
 * A result the platform itself decided is already on record (the decision and its certificate,
 * Art. 7.3, 7.4 of 26/2026): it is not typed in again as an earlier result of the same year and
 * level (the province's decision as "province", the Minister's as "central").
 */
export function duplicatedDecision(r: { year: number; level: HistoricalLevel }, decided: readonly PlatformDecision[]): Message | null {
  const level = r.level === 'central' ? 'ministry' : r.level;
  const same = decided.find((d) => d.level === level && Number(d.signedOn.slice(0, 4)) === r.year);
  if (!same) return null;
  return {
    vi: `Kết quả năm ${r.year} của cấp này đã được ghi trên hệ thống theo quyết định số ${same.number} ngày ${formatDateVn(same.signedOn)}; không nhập lại.`,
    en: `The ${r.year} result at this level is already on record through decision ${same.number} of ${formatDateVn(same.signedOn)}; it is not entered again.`,
  };
}
