import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  GENDER_LABELS,
  GENDERS,
  LEGAL_FORM_CODES,
  LEGAL_FORM_LABELS,
  LEGAL_FORMS,
  type LegalForm,
  SUBJECT_STATUS_LABELS,
  SUBJECT_STATUSES,
  legalFormFromLabel,
} from './legal-forms.js';

describe('legal forms', () => {
  it.each([
    ['HTX', 'Hợp tác xã', 'Cooperative'],
    ['THT', 'Tổ hợp tác', 'Cooperative group'],
    ['CTCP', 'Công ty cổ phần', 'Joint-stock company'],
    ['TNHH', 'Công ty TNHH', 'Limited liability company'],
    ['DNTN', 'Doanh nghiệp tư nhân', 'Private enterprise'],
    ['HKD', 'Hộ kinh doanh', 'Household business'],
    ['CSSX', 'Cơ sở sản xuất kinh doanh', 'Production establishment'],
    ['TT', 'Trang trại', 'Farm'],
    ['HH', 'Hội/hiệp hội/trung tâm', 'Association or centre'],
    ['KHAC', 'Khác', 'Other'],
  ])('%s is "%s" / "%s"', (code, vi, en) => {
    expect(LEGAL_FORM_LABELS[code as LegalForm]).toEqual({ vi, en });
    expect(LEGAL_FORMS).toContainEqual({ code, vi, en });
  });

  it('lists every code once, in the same order as LEGAL_FORMS', () => {
    expect(new Set(LEGAL_FORM_CODES).size).toBe(LEGAL_FORM_CODES.length);
    expect(LEGAL_FORMS.map((f) => f.code)).toEqual([...LEGAL_FORM_CODES]);
  });

  it('works with z.enum', () => {
    const schema = z.enum(LEGAL_FORM_CODES);
    expect(schema.parse('HTX')).toBe('HTX');
    expect(schema.safeParse('htx').success).toBe(false);
  });
});

describe('legalFormFromLabel', () => {
  it.each(
    LEGAL_FORMS.flatMap(
      ({ code, vi }) =>
        [
          [code, code],
          [vi, code],
        ] as const,
    ),
  )('maps its own code and label: %j → %s', (input, code) => {
    expect(legalFormFromLabel(input)).toBe(code);
  });

  it.each([
    ['htx', 'HTX'],
    [' Htx ', 'HTX'],
    ['hop tac xa', 'HTX'],
    ['HỢP TÁC XÃ', 'HTX'],
    ['Hợp  tác   xã', 'HTX'],
    ['Hợptácxã', 'HTX'],
    ['Hợp tác xã'.normalize('NFD'), 'HTX'],
    ['to hop tac', 'THT'],
    ['CÔNG TY CỔ PHẦN', 'CTCP'],
    ['Công ty CP', 'CTCP'],
    ['cong ty tnhh', 'TNHH'],
    ['Công ty trách nhiệm hữu hạn', 'TNHH'],
    ['Công ty TNHH MTV', 'TNHH'],
    ['doanh nghiep tu nhan', 'DNTN'],
    ['Hộ kinh doanh cá thể', 'HKD'],
    ['co so san xuat kinh doanh', 'CSSX'],
    ['Cơ sở sản xuất', 'CSSX'],
    ['trang trai', 'TT'],
    ['Hội / Hiệp hội / Trung tâm', 'HH'],
    ['hiệp hội', 'HH'],
    ['Trung tâm', 'HH'],
    ['khac', 'KHAC'],
  ])('%j → %s', (input, code) => {
    expect(legalFormFromLabel(input)).toBe(code);
  });

  it.each(['', '   ', 'Công ty', 'Doanh nghiệp', 'Hộ', 'Cooperative', 'HTX Hoa Sen'])('%j → null', (input) => {
    expect(legalFormFromLabel(input)).toBeNull();
  });
});

describe('subject statuses and genders', () => {
  it.each([
    ['active', 'Đang hoạt động', 'Active'],
    ['suspended', 'Tạm ngừng', 'Suspended'],
    ['dissolved', 'Giải thể', 'Dissolved'],
  ] as const)('status %s is "%s" / "%s"', (status, vi, en) => {
    expect(SUBJECT_STATUSES).toContain(status);
    expect(SUBJECT_STATUS_LABELS[status]).toEqual({ vi, en });
  });

  it.each([
    ['male', 'Nam', 'Male'],
    ['female', 'Nữ', 'Female'],
    ['other', 'Khác', 'Other'],
  ] as const)('gender %s is "%s" / "%s"', (gender, vi, en) => {
    expect(GENDERS).toContain(gender);
    expect(GENDER_LABELS[gender]).toEqual({ vi, en });
  });

  it('has exactly the listed values, usable with z.enum', () => {
    expect([...SUBJECT_STATUSES]).toEqual(['active', 'suspended', 'dissolved']);
    expect([...GENDERS]).toEqual(['male', 'female', 'other']);
    expect(z.enum(SUBJECT_STATUSES).parse('suspended')).toBe('suspended');
    expect(z.enum(GENDERS).safeParse('unknown').success).toBe(false);
  });
});
