import type { Message } from '../errors.js';
import { starForTotal } from '../scoring/bands.js';

export type RecognitionLevel = 'province' | 'ministry';

/**
 * The star a recognition decision may give (Art. 4.1, Decision 26/2026/QĐ-TTg): the province
 * recognises 3★ or 4★, the ministry 5★; never above the band of the council's score (a province
 * may recognise 4★ at 92 points while the product goes to the ministry, or when the ministry scores
 * it below 90), nor above the star the council's sheets earned once the minimum-star gates are
 * applied — the provincial council's for the province, the central council's for the ministry and
 * for a province recognising on the central result (Art. 7.4g). Null means "not recognised" and is
 * always allowed.
 */
export function checkRecognisedStar(
  level: RecognitionLevel,
  star: 3 | 4 | 5 | null,
  score: number | null,
  /** The star the council's sheets earned after the minimum-star gates, when they were scored here. */
  councilStar: number | null = null,
): { ok: true } | { ok: false; message: Message } {
  if (star === null) return { ok: true };
  if (score === null) return { ok: false, message: { vi: 'Chưa có điểm của hội đồng.', en: 'There is no council score yet.' } };
  if (level === 'province' && star === 5)
    return { ok: false, message: { vi: 'Tỉnh công nhận 3–4 sao; 5 sao do Bộ công nhận.', en: 'The province recognises 3–4★; 5★ is the ministry’s.' } };
  if (level === 'ministry' && star !== 5) return { ok: false, message: { vi: 'Bộ chỉ công nhận 5 sao.', en: 'The ministry recognises 5★ only.' } };
  const band = starForTotal(score);
  if (star > band) return { ok: false, message: { vi: `${score} điểm chỉ đạt mức ${band} sao.`, en: `${score} points only reach the ${band}★ band.` } };
  if (councilStar !== null && star > councilStar)
    return {
      ok: false,
      message: {
        vi: `Hội đồng chỉ xếp hạng ${councilStar} sao (chưa đạt yêu cầu tối thiểu của hạng cao hơn).`,
        en: `The council ranked it ${councilStar}★ (minimums of higher stars not met).`,
      },
    };
  return { ok: true };
}
