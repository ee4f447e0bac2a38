import type { Message } from '../errors.js';

/** The self-assessment attached to a dossier, as far as filing it is concerned. */
export type AttachedSheet = { status: string; setNumber: number; legalBasis: string };

export type SubmitReadinessFacts = {
  /** The sheet the dossier was opened with (null for dossiers opened before one was required). */
  attached: AttachedSheet | null;
  /** Completed sheets of the product on its criteria set and the dossier's criteria version: filing picks one. */
  completedFileable: number;
  /** The product's criteria set now (null when it has none). */
  productSetNumber: number | null;
  /** The criteria version the dossier is evaluated under. */
  legalBasis: string;
};

/**
 * What still keeps a dossier from being filed with the commune (Art. 6.1, Decision 26/2026/QĐ-TTg:
 * the dossier carries the producer's completed self-assessment, Mẫu 02 part III, on the product's
 * criteria set and the criteria in force). Empty when it can be filed: some completed sheet fits.
 * The page shows these instead of the submit step.
 */
export function submitBlockers(f: SubmitReadinessFacts): Message[] {
  if (f.completedFileable > 0) return [];
  const sheet = f.attached;
  if (!sheet) return [{ vi: 'chưa có phiếu tự đánh giá (Mẫu 02) đã hoàn thành', en: 'there is no completed self-assessment (Form 02)' }];
  if (f.productSetNumber !== null && sheet.setNumber !== f.productSetNumber)
    return [
      {
        vi: `phiếu tự đánh giá theo bộ số ${sheet.setNumber}, sản phẩm thuộc bộ số ${f.productSetNumber}`,
        en: `the self-assessment uses set ${sheet.setNumber}; the product belongs to set ${f.productSetNumber}`,
      },
    ];
  if (sheet.legalBasis !== f.legalBasis)
    return [
      {
        vi: `phiếu tự đánh giá theo ${sheet.legalBasis}, hồ sơ đánh giá theo ${f.legalBasis}`,
        en: `the self-assessment follows ${sheet.legalBasis}; the dossier ${f.legalBasis}`,
      },
    ];
  if (sheet.status !== 'completed') return [{ vi: 'phiếu tự đánh giá (Mẫu 02) chưa hoàn thành', en: 'the self-assessment (Form 02) is not completed yet' }];
  return [];
}
