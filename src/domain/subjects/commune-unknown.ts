import { conflict, type AppError, type Message } from '../errors.js';

/**
 * A producer imported from records that name no commune its address could be resolved to keeps a
 * null commune until the provincial office places it. Until then it has no commune officer, its
 * products have no OCOP code ((T)-(X)-(STT)-20YY is built from the commune, Decision 26/2026/QĐ-TTg
 * Phụ lục II) and no dossier can be opened (the commune receives and assesses it, Art. 7.2).
 */
export const COMMUNE_UNKNOWN_LABEL: Message = { vi: 'Chưa rõ xã', en: 'Commune unknown' };

const WAITING_FOR: Record<'product' | 'dossier', Message> = {
  product: {
    vi: 'đăng ký sản phẩm mới (mã sản phẩm OCOP lập theo mã xã)',
    en: 'a new product is registered (the OCOP product code is built from the commune code)',
  },
  dossier: { vi: 'lập hồ sơ đánh giá (xã tiếp nhận và đánh giá hồ sơ)', en: 'a dossier is opened (the commune receives and assesses it)' },
};

/** The refusal of an act that needs the producer's commune, on `field`. */
export function communeUnknown(act: 'product' | 'dossier', field: string): AppError {
  const m = {
    vi: `Chủ thể chưa rõ xã/phường: Văn phòng OCOP cần cập nhật xã của chủ thể trước khi ${WAITING_FOR[act].vi}.`,
    en: `The producer's commune is not known yet: the OCOP office must set it before ${WAITING_FOR[act].en}.`,
  };
  return conflict('subject_commune_unknown', m, { [field]: m });
}
