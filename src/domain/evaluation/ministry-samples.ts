import type { Message } from '../errors.js';
import { samplesRequired } from './dossier-workflow.js';

/**
 * Art. 6.3a–b: the province's package to the ministry (first 5★ evaluation or 5★ re-rating) carries
 * "05 sản phẩm mẫu do chủ thể OCOP cung cấp", except for the tourism services group (set 26), as at
 * the commune's stage (Art. 6.2d). Fewer is refused; the letter records what was sent.
 */
export function checkSamplesSent(setNumber: number, samplesSent: number): Message | null {
  const required = samplesRequired(setNumber);
  if (samplesSent >= required) return null;
  return {
    vi: `Hồ sơ gửi Bộ phải kèm ${String(required).padStart(2, '0')} sản phẩm mẫu (Điều 6.3); văn bản ghi ${samplesSent}.`,
    en: `The package to the ministry must come with ${required} product samples (Art. 6.3); the letter says ${samplesSent}.`,
  };
}
