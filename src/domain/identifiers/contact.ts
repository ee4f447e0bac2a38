/**
 * Contact details: Vietnamese phone numbers and e-mail addresses.
 */

import { type Invalid, failure } from './result.js';

// ---------------------------------------------------------------------------------------------
// Phone
//
// National numbering plan (Circular 22/2014/TT-BTTTT and later amendments) after the renumbering
// of 2017 (fixed-line area codes moved to 02x) and 2018 (11-digit 01x mobile numbers became
// 10-digit 03x/05x/07x/08x numbers):
//   mobile    0 + 9 digits, starting 03, 05, 07, 08 or 09
//   landline  02 + area code + subscriber number, 10–11 digits in all
// Individual carrier blocks (e.g. 032–039) are not checked: new blocks are allocated over time
// and a stale list would reject real numbers.
// ---------------------------------------------------------------------------------------------

export type PhoneKind = 'mobile' | 'landline';
export type PhoneErrorCode = 'phone_characters' | 'phone_country' | 'phone_prefix' | 'phone_length';

export type PhoneResult = { readonly ok: true; readonly value: string; readonly kind: PhoneKind } | Invalid<PhoneErrorCode>;

/** Digits and the separators people write: spaces, dots, dashes, brackets; "+" only in front. */
const PHONE_CHARACTERS = /^\(?\+?[\d\s.\-()]*$/u;
const SEPARATORS = /[\s.\-()]/gu;
const MOBILE = /^0[35789]\d{8}$/;
const LANDLINE = /^02\d{8,9}$/;

/** Strips +84 / 0084 / 84 and the optional "(0)" after it, giving the 0-leading national form. */
function toNational(digits: string): string | null {
  const international = /^(?:\+|00)?84(.*)$/u.exec(digits);
  if (international) return '0' + (international[1] ?? '').replace(/^0/u, '');
  return digits.startsWith('+') || digits.startsWith('00') ? null : digits;
}

/**
 * Validates a Vietnamese mobile or landline number written nationally ("0912 345 678",
 * "(028) 3822 1234") or internationally ("+84 912 345 678", "84-912-345-678"), and returns it in
 * national form: "0912345678", "02838221234".
 */
export function validatePhone(s: string): PhoneResult {
  const raw = s.trim();
  if (!PHONE_CHARACTERS.test(raw)) {
    return failure(
      'phone_characters',
      'Số điện thoại chỉ gồm chữ số, có thể có dấu +, khoảng trắng, dấu chấm hoặc gạch ngang.',
      'A phone number may contain only digits, a leading +, spaces, dots or dashes.',
    );
  }
  const national = toNational(raw.replace(SEPARATORS, ''));
  if (national === null) {
    return failure(
      'phone_country',
      'Chỉ chấp nhận số điện thoại Việt Nam (mã quốc gia +84).',
      'Only Vietnamese phone numbers (country code +84) are accepted.',
    );
  }
  if (MOBILE.test(national)) return { ok: true, value: national, kind: 'mobile' };
  if (LANDLINE.test(national)) return { ok: true, value: national, kind: 'landline' };

  if (/^0[235789]/u.test(national)) {
    return failure(
      'phone_length',
      national.startsWith('02') ? 'Số điện thoại cố định phải có 10–11 chữ số (kể cả mã vùng 02x).' : 'Số điện thoại di động phải có 10 chữ số.',
      national.startsWith('02') ? 'A landline number must have 10–11 digits (including the 02x area code).' : 'A mobile number must have 10 digits.',
    );
  }
  return failure(
    'phone_prefix',
    'Số điện thoại phải bắt đầu bằng 02 (cố định) hoặc 03, 05, 07, 08, 09 (di động).',
    'A phone number must start with 02 (landline) or 03, 05, 07, 08, 09 (mobile).',
  );
}

// ---------------------------------------------------------------------------------------------
// E-mail
//
// A pragmatic subset of RFC 5322 "addr-spec": a dot-atom local part (no quoted strings, no
// comments) and a DNS host name (no address literals). Lengths per RFC 5321 §4.5.3.1 (local part
// ≤ 64, domain ≤ 255) and the 254-character path limit of RFC 3696 errata 1690. Internationalised
// domains must be given in their ASCII (xn--) form.
// ---------------------------------------------------------------------------------------------

export type EmailErrorCode = 'email_length' | 'email_format';

export type EmailResult = { readonly ok: true; readonly value: string } | Invalid<EmailErrorCode>;

export const EMAIL_MAX_LENGTH = 254;
const LOCAL_MAX_LENGTH = 64;
/** RFC 5322 atext, in runs separated by single dots. */
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/u;
/** RFC 1123 label: letters, digits, inner hyphens, at most 63 characters. */
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/u;

/**
 * Validates an e-mail address and returns it with the domain lower-cased. The local part keeps
 * its case: RFC 5321 lets the receiving server treat it as case-sensitive.
 */
export function validateEmail(s: string): EmailResult {
  const raw = s.trim();
  if (raw.length > EMAIL_MAX_LENGTH) {
    return failure(
      'email_length',
      `Địa chỉ email không được dài quá ${EMAIL_MAX_LENGTH} ký tự.`,
      `An e-mail address may not be longer than ${EMAIL_MAX_LENGTH} characters.`,
    );
  }
  const at = raw.lastIndexOf('@');
  const local = raw.slice(0, Math.max(at, 0));
  const domain = raw.slice(at + 1).toLowerCase();
  const labels = domain.split('.');
  const topLevel = labels.at(-1) ?? '';

  const valid =
    at > 0 &&
    local.length <= LOCAL_MAX_LENGTH &&
    LOCAL_PART.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    // An all-numeric last label would be an IP address, not a host name.
    /[a-z]/u.test(topLevel);

  if (!valid) {
    return failure('email_format', 'Địa chỉ email không hợp lệ (ví dụ đúng: ten@example.vn).', 'Invalid e-mail address (example: name@example.vn).');
  }
  return { ok: true, value: `${local}@${domain}` };
}
