import { LEGAL_FORM_LABELS, type LegalForm } from '../subjects/legal-forms.js';

/**
 * The sentences of the annual report (part I of a provincial OCOP plan), in the plan's own style:
 * "Năm 2020, tỉnh đã tổ chức đánh giá, xếp hạng 130 sản phẩm, có 113 sản phẩm thi lần đầu và 17 sản
 * phẩm dự thi nâng hạng (với 56 chủ thể)". Counts below ten are written with two digits ("04 sản
 * phẩm"), as administrative documents do.
 */
export type AnnualFigures = {
  year: number;
  evaluated: { products: number; firstTime: number; upgrade: number; reRating: number; subjects: number };
  subjects: { new: number; returning: number };
  recognized: { products: number; subjects: number; byStar: { '3': number; '4': number; '5': number }; byLegalForm: Record<string, number> };
  scoreAtLeast90: number;
  certificates: { valid: number; expiring: number; lapsed: number; revoked: number };
  cumulative: { products: number; subjects: number; byStar: { '3': number; '4': number; '5': number } };
};

/** 4 → "04", 130 → "130", 1234 → "1.234". */
export function countWords(n: number): string {
  return n < 10 ? `0${n}` : n.toLocaleString('vi-VN');
}

const joinVi = (parts: string[]) => (parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} và ${parts.at(-1)}`);

export function evaluationSentence(f: AnnualFigures): string {
  const e = f.evaluated;
  if (!e.products) return `Năm ${f.year}, tỉnh chưa có sản phẩm được đánh giá, xếp hạng.`;
  const kinds = [`${countWords(e.firstTime)} sản phẩm thi lần đầu`, `${countWords(e.upgrade)} sản phẩm dự thi nâng hạng`];
  if (e.reRating) kinds.push(`${countWords(e.reRating)} sản phẩm đánh giá lại khi hết hạn`);
  return `Năm ${f.year}, tỉnh đã tổ chức đánh giá, xếp hạng ${countWords(e.products)} sản phẩm, có ${joinVi(kinds)} (với ${countWords(e.subjects)} chủ thể).`;
}

export function recognitionSentence(f: AnnualFigures): string {
  const r = f.recognized;
  if (!f.evaluated.products) return '';
  const stars = [
    ...(r.byStar['5'] ? [`${countWords(r.byStar['5'])} sản phẩm đạt 5 sao`] : []),
    `${countWords(r.byStar['4'])} sản phẩm đạt 4 sao`,
    `${countWords(r.byStar['3'])} sản phẩm đạt 3 sao`,
  ];
  const top = f.scoreAtLeast90 ? `; ${countWords(f.scoreAtLeast90)} sản phẩm đạt từ 90 điểm trở lên` : '';
  return `Kết quả, có ${countWords(r.products)} sản phẩm (với ${countWords(r.subjects)} chủ thể) được công nhận đạt từ 3 sao trở lên (${stars.join(', ')})${top}.`;
}

export function legalFormPhrase(byLegalForm: Record<string, number>): string {
  return Object.entries(byLegalForm)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, n]) => `${countWords(n)} ${LEGAL_FORM_LABELS[code as LegalForm]?.vi ?? code}`)
    .join('; ');
}

export function producersSentences(f: AnnualFigures): string[] {
  if (!f.evaluated.subjects) return [`Năm ${f.year}, chưa có tổ chức, cá nhân có sản phẩm được đánh giá.`];
  const out = [
    `Năm ${f.year}, có ${countWords(f.evaluated.subjects)} tổ chức, cá nhân tham gia. Trong đó có ${countWords(f.subjects.new)} chủ thể mới tham gia lần đầu và ${countWords(f.subjects.returning)} chủ thể đã có sản phẩm được đánh giá những năm trước.`,
  ];
  if (f.recognized.subjects) out.push(`Kết quả, có ${countWords(f.recognized.subjects)} chủ thể có sản phẩm được công nhận là sản phẩm OCOP (${legalFormPhrase(f.recognized.byLegalForm)}).`);
  return out;
}

export function cumulativeSentence(f: AnnualFigures): string {
  const c = f.cumulative;
  const stars = [...(c.byStar['5'] ? [`${countWords(c.byStar['5'])} sản phẩm 5 sao`] : []), `${countWords(c.byStar['4'])} sản phẩm 4 sao`, `${countWords(c.byStar['3'])} sản phẩm 3 sao`];
  return `Lũy kế đến ngày 31/12/${f.year}, toàn tỉnh có ${countWords(c.products)} sản phẩm OCOP còn hiệu lực công nhận (${stars.join(', ')}) của ${countWords(c.subjects)} chủ thể.`;
}

export function certificatesSentence(f: AnnualFigures): string {
  const c = f.certificates;
  return `Trong năm, có ${countWords(c.expiring)} giấy chứng nhận đến hạn (36 tháng), ${countWords(c.lapsed)} giấy chứng nhận hết hiệu lực do không đánh giá lại và ${countWords(c.revoked)} giấy chứng nhận bị thu hồi.`;
}
