import { describe, expect, it } from 'vitest';
import { EMAIL_MAX_LENGTH, validateEmail, validatePhone } from './contact.js';

describe('validatePhone', () => {
  it.each([
    ['0912345678', '0912345678', 'mobile'],
    ['0912 345 678', '0912345678', 'mobile'],
    ['0912.345.678', '0912345678', 'mobile'],
    ['0387-654-321', '0387654321', 'mobile'],
    ['0559876543', '0559876543', 'mobile'],
    ['0708123456', '0708123456', 'mobile'],
    ['0866123456', '0866123456', 'mobile'],
    ['+84912345678', '0912345678', 'mobile'],
    ['+84 912 345 678', '0912345678', 'mobile'],
    ['(+84) 912 345 678', '0912345678', 'mobile'],
    ['+84 (0) 912 345 678', '0912345678', 'mobile'],
    ['84-912-345-678', '0912345678', 'mobile'],
    ['0084 912 345 678', '0912345678', 'mobile'],
    ['(028) 3822 1234', '02838221234', 'landline'], // Hồ Chí Minh City
    ['024.3825.7345', '02438257345', 'landline'], // Hà Nội
    ['0277 3851 234', '02773851234', 'landline'],
    ['+84 277 3851 234', '02773851234', 'landline'],
    ['0277385123', '0277385123', 'landline'], // 10-digit form
  ])('accepts %j as %s', (input, value, kind) => {
    expect(validatePhone(input)).toEqual({ ok: true, value, kind });
  });

  it.each([
    ['0912 345 67a', 'phone_characters'],
    ['0912/345/678', 'phone_characters'],
    ['091+2345678', 'phone_characters'],
    ['+1 212 555 0123', 'phone_country'],
    ['0065 6123 4567', 'phone_country'],
    ['091234567', 'phone_length'],
    ['09123456789', 'phone_length'],
    ['+84 91234567', 'phone_length'],
    ['028 3822 12', 'phone_length'],
    ['028 3822 123 456', 'phone_length'],
    ['01234567890', 'phone_prefix'], // retired 11-digit mobile block
    ['0412345678', 'phone_prefix'],
    ['0612345678', 'phone_prefix'],
    ['1900 1234', 'phone_prefix'],
    ['912345678', 'phone_prefix'], // leading 0 lost, e.g. by a spreadsheet
    ['', 'phone_prefix'],
  ])('rejects %j with %s', (input, code) => {
    const result = validatePhone(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.message.vi).not.toBe('');
    expect(result.message.en).not.toBe('');
  });
});

/** A syntactically valid address of exactly `length` characters (≥ 70). */
function emailOfLength(length: number): string {
  const local = 'a'.repeat(64);
  const labels: string[] = [];
  let remaining = length - local.length - 1 - '.vn'.length;
  while (remaining > 0) {
    const size = Math.min(63, remaining);
    labels.push('b'.repeat(size));
    remaining -= size + 1; // the label and the dot before the next one
  }
  return `${local}@${labels.join('.')}.vn`;
}

describe('validateEmail', () => {
  it.each([
    ['htx.hoasen@gmail.com', 'htx.hoasen@gmail.com'],
    ['Nguyen.Van.A@Example.VN', 'Nguyen.Van.A@example.vn'], // local part keeps its case
    ['  info@ocop.dongthap.gov.vn ', 'info@ocop.dongthap.gov.vn'],
    ["o'brien+ocop@sub-domain.example.com", "o'brien+ocop@sub-domain.example.com"],
    ['a@b.co', 'a@b.co'],
    ['x@xn--d1acufc.xn--p1ai', 'x@xn--d1acufc.xn--p1ai'], // IDN in ASCII form
    ['1@123.vn', '1@123.vn'],
  ])('accepts %j', (input, value) => {
    expect(validateEmail(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['plainaddress'],
    ['@example.com'],
    ['user@'],
    ['user@localhost'],
    ['user@@example.com'],
    ['user@exa mple.com'],
    ['us er@example.com'],
    ['.user@example.com'],
    ['user.@example.com'],
    ['us..er@example.com'],
    ['"quoted"@example.com'],
    ['user@-example.com'],
    ['user@example-.com'],
    ['user@example..com'],
    ['user@.example.com'],
    ['user@192.168.0.1'],
    ['user@[192.168.0.1]'],
    ['nguyễn@example.vn'],
    ['user@ví-dụ.vn'],
    [`${'a'.repeat(65)}@example.vn`],
    [`user@${'a'.repeat(64)}.vn`],
    [''],
  ])('rejects %j as email_format', (input) => {
    const result = validateEmail(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('email_format');
    expect(result.message.vi).not.toBe('');
    expect(result.message.en).not.toBe('');
  });

  it(`accepts ${EMAIL_MAX_LENGTH} characters and rejects one more`, () => {
    const longest = emailOfLength(EMAIL_MAX_LENGTH);
    expect(longest).toHaveLength(EMAIL_MAX_LENGTH);
    expect(validateEmail(longest)).toEqual({ ok: true, value: longest });

    const tooLong = emailOfLength(EMAIL_MAX_LENGTH + 1);
    expect(tooLong).toHaveLength(EMAIL_MAX_LENGTH + 1);
    expect(validateEmail(tooLong)).toMatchObject({ ok: false, code: 'email_length' });
  });
});
