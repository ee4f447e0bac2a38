import fs from 'node:fs';
import path from 'node:path';
import { invalid } from '../../domain/errors.js';
import { foldVietnamese } from '../../domain/text/vietnamese.js';
import { PASSWORD_MIN } from '../../contracts/auth.js';
import { PACKAGE_ROOT } from '../config.js';

/**
 * What a new password must not be (ASVS 2.1.1, 2.1.7, 2.1.9): shorter than the minimum, one of the
 * common or breached passwords bundled in data/passwords, a run such as 1234567890 or aaaaaaaaaa,
 * the account's own e-mail or name, or the password it replaces. No composition rules (NIST 800-63B):
 * a long phrase of plain words is welcome.
 */
export type PasswordContext = { email?: string | undefined; fullName?: string | undefined; current?: string | undefined };

type Refusal = { vi: string; en: string };

let commonPasswords: Set<string> | undefined;
function common(): Set<string> {
  commonPasswords ??= new Set(
    fs
      .readFileSync(path.join(PACKAGE_ROOT, 'data/passwords/common.txt'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  );
  return commonPasswords;
}

const DIGIT_CYCLE = '1234567890'.repeat(4);
const REVERSED_DIGIT_CYCLE = '0987654321'.repeat(4);

/** A string whose characters step by a constant amount (1234567890, abcdefghij, 9876543210, aaaaaaaaaa), digits wrapping round. */
function isRun(s: string): boolean {
  if (s.length < 3) return false;
  if (/^\d+$/.test(s) && (DIGIT_CYCLE.includes(s) || REVERSED_DIGIT_CYCLE.includes(s))) return true;
  const step = s.charCodeAt(1) - s.charCodeAt(0);
  if (Math.abs(step) > 1) return false;
  for (let i = 2; i < s.length; i++) if (s.charCodeAt(i) - s.charCodeAt(i - 1) !== step) return false;
  return true;
}

/** The reason a password is refused, or undefined when it may be used. */
export function passwordProblem(password: string, context: PasswordContext = {}): Refusal | undefined {
  if ([...password].length < PASSWORD_MIN) return { vi: `Mật khẩu cần ít nhất ${PASSWORD_MIN} ký tự.`, en: `Use at least ${PASSWORD_MIN} characters.` };
  if (context.current !== undefined && password === context.current)
    return { vi: 'Mật khẩu mới phải khác mật khẩu hiện tại.', en: 'The new password must differ from the current one.' };
  const lower = password.toLowerCase();
  const distinct = new Set(lower).size;
  if (common().has(lower) || isRun(lower) || distinct < 4)
    return {
      vi: 'Mật khẩu này quá phổ biến hoặc dễ đoán. Hãy dùng một cụm từ dài hơn, khó đoán hơn.',
      en: 'This password is too common or easy to guess. Use a longer, less predictable phrase.',
    };
  const folded = foldVietnamese(lower).replace(/[^a-z0-9]/g, '');
  // The whole name either way round ("nguyenvanhai", "hainguyen"), not its syllables: a Vietnamese
  // syllable such as "dong" or "minh" is an ordinary word of a passphrase.
  const words = (context.fullName ?? '').split(/\s+/).filter(Boolean);
  const personal = [context.email?.split('@')[0], words.join(''), words.length > 1 ? `${words.at(-1)}${words[0]}` : '']
    .map((w) => (w ? foldVietnamese(w.toLowerCase()).replace(/[^a-z0-9]/g, '') : ''))
    .filter((w) => w.length >= 4);
  if (personal.some((w) => folded.includes(w)))
    return { vi: 'Mật khẩu không được chứa tên hoặc địa chỉ e-mail của bạn.', en: 'The password must not contain your name or e-mail address.' };
  return undefined;
}

/** Throws a field error (on `field`) when the password may not be used. */
export function assertAcceptablePassword(password: string, context: PasswordContext, field = 'password'): void {
  const problem = passwordProblem(password, context);
  if (problem) throw invalid('weak_password', problem, { [field]: problem });
}
