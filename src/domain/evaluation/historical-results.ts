import type { Message } from '../errors.js';
import { starForTotal } from '../scoring/bands.js';

/** Levels that recognised stars over time (ocop-rules §7.5): district 3★ under 148/QĐ-TTg, commune never. */
export const HISTORICAL_LEVELS = ['district', 'province', 'central'] as const;
export type HistoricalLevel = (typeof HISTORICAL_LEVELS)[number];
export const HISTORICAL_BASES = ['1048/QĐ-TTg', '148/QĐ-TTg', '1489/QĐ-TTg', '26/2026/QĐ-TTg'] as const;

export type HistoricalResult = { year: number; level: HistoricalLevel; legalBasis: string; score: number | null; star: number | null };

/**
 * Checks a result recorded from earlier years: a recognised star may sit below its score's band (a
 * province recognises at most 4★ even at 92 points) but never above it; only the central level gave
 * 5★; a district recognised 3★ only under Decision 148/QĐ-TTg (2023–2025).
 */
export function checkHistoricalResult(r: HistoricalResult): Message[] {
  const problems: Message[] = [];
  if (r.score !== null && (r.score < 0 || r.score > 100)) problems.push({ vi: 'Điểm phải từ 0 đến 100.', en: 'The score must be 0–100.' });
  if (r.star !== null && r.score !== null && r.score >= 0 && r.score <= 100 && r.star > starForTotal(r.score))
    problems.push({ vi: `Hạng ${r.star} sao cao hơn mức điểm ${r.score}.`, en: `${r.star}★ is above the band of ${r.score} points.` });
  if (r.star === 5 && r.level !== 'central') problems.push({ vi: '5 sao chỉ do Trung ương công nhận.', en: 'Only the central level recognised 5★.' });
  if (r.level === 'district' && !(r.legalBasis === '148/QĐ-TTg' && r.star === 3))
    problems.push({ vi: 'Cấp huyện chỉ công nhận 3 sao theo Quyết định 148/QĐ-TTg.', en: 'Districts recognised 3★ only, under Decision 148/QĐ-TTg.' });
  if (r.year < 2018 || r.year > 2100) problems.push({ vi: 'Năm không hợp lệ.', en: 'Invalid year.' });
  return problems;
}
