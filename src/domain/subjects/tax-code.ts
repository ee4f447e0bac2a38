/**
 * One tax code, one subject (chủ thể OCOP).
 *
 * A tax code (mã số thuế) identifies one taxpayer nationwide (Law on Tax Administration
 * 38/2019/QH14, Art. 30; structure in Circular 105/2020/TT-BTC, Art. 5, see
 * ../identifiers/tax-code.ts). Two subjects of the registry with the same code are therefore
 * either the same producer registered twice (the usual case: a second officer did not find the
 * first record) or a branch (chi nhánh) registered under its parent's code, which the programme
 * allows because a branch producing in another commune takes part as a subject of its own. The
 * registry refuses the second record unless the person registering it confirms it is a branch.
 *
 * Codes are compared on their digits only, so "0300588569", "0300 588 569" and a pasted
 * "0300588569‑001" (with a non-ASCII hyphen) find the same records as their normal forms; a
 * dependent unit's 13-digit code ("0300588569-001") is a code of its own, distinct from its
 * parent's 10 digits.
 */

import type { Message } from '../errors.js';

/** The digits of a tax code, the key two codes are compared by; null when it has none. */
export function taxCodeKey(code: string | null | undefined): string | null {
  const digits = (code ?? '').replace(/\D/gu, '');
  return digits === '' ? null : digits;
}

/** A subject already registered with the tax code; `readable` when the caller's scope includes it. */
export type TaxCodeHolder = { readonly id: string; readonly name: string; readonly communeName: string | null; readonly readable: boolean };

export type TaxCodeCheck =
  | { readonly outcome: 'free' }
  /** Saved as a branch of these subjects (the caller confirmed it). */
  | { readonly outcome: 'branch'; readonly of: readonly string[] }
  | { readonly outcome: 'taken'; readonly message: Message };

/**
 * Whether a subject may be saved with a tax code others already hold. The refusal names the
 * holders the caller may read (name and commune; canReadSubject decides), and only says "already
 * registered" of the others: an officer sees the registry of the communes assigned and learns
 * nothing more of another commune's producer than that the code is taken.
 */
export function checkTaxCode(taxCode: string, holders: readonly TaxCodeHolder[], confirmBranch: boolean): TaxCodeCheck {
  if (holders.length === 0) return { outcome: 'free' };
  if (confirmBranch) return { outcome: 'branch', of: holders.map((h) => h.id) };
  const named = holders.filter((h) => h.readable);
  if (named.length === 0) {
    return {
      outcome: 'taken',
      message: {
        vi: `Mã số thuế ${taxCode} đã được đăng ký cho một chủ thể khác. Vui lòng liên hệ Văn phòng Điều phối OCOP tỉnh để kiểm tra.`,
        en: `Tax code ${taxCode} is already registered to another subject. Please contact the provincial OCOP office to check.`,
      },
    };
  }
  const place = (h: TaxCodeHolder, lang: 'vi' | 'en') => h.communeName ?? (lang === 'vi' ? 'chưa rõ xã' : 'commune unknown');
  const list = (lang: 'vi' | 'en') => named.map((h) => (lang === 'vi' ? `«${h.name}» (${place(h, 'vi')})` : `"${h.name}" (${place(h, 'en')})`)).join(', ');
  return {
    outcome: 'taken',
    message: {
      vi: `Mã số thuế ${taxCode} đã được đăng ký cho chủ thể ${list('vi')}. Nếu đây là chi nhánh của chủ thể đã có, hãy xác nhận; nếu không, hãy kiểm tra lại mã số thuế.`,
      en: `Tax code ${taxCode} is already registered to ${list('en')}. If this is a branch of that subject, confirm it; otherwise check the tax code.`,
    },
  };
}
