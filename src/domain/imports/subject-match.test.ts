import { describe, expect, it } from 'vitest';
import { matchRegisteredSubject, type RegisteredSubject } from './subject-match.js';

const REGISTERED: RegisteredSubject[] = [
  { id: 'sen', name: 'HTX Sen Tháp Mười', taxCode: '1400123456', communeCode: '30037' },
  { id: 'parent', name: 'Công ty Mỹ Phẩm', taxCode: '0300588569', communeCode: '29905' },
  { id: 'branch', name: 'Chi nhánh Mỹ Phẩm', taxCode: '0300588569', communeCode: '30037' },
  { id: 'nocode', name: 'Cơ sở Bánh Phồng Tôm', taxCode: null, communeCode: '29905' },
  { id: 'other', name: 'Cơ sở Bánh Phồng Tôm', taxCode: '1400999999', communeCode: '30037' },
];
const match = (row: { name: string; taxCode?: string | null; communeCode?: string | null }) => {
  const m = matchRegisteredSubject(row, REGISTERED);
  return m ? `${m.id}/${m.by}` : null;
};

describe('a row of the workbook and a producer registered by hand', () => {
  it.each<[string, { name: string; taxCode?: string | null; communeCode?: string | null }, string | null]>([
    ['same tax code, other spelling of the name', { name: 'Hợp tác xã Sen', taxCode: '1400 123 456', communeCode: null }, 'sen/taxCode'],
    ['tax code with a pasted dash', { name: 'X', taxCode: '1400-123-456' }, 'sen/taxCode'],
    ['a code two holders share: the one of the row’s commune', { name: 'Mỹ Phẩm', taxCode: '0300588569', communeCode: '30037' }, 'branch/taxCode'],
    ['a code two holders share, commune unknown: none', { name: 'Mỹ Phẩm', taxCode: '0300588569', communeCode: null }, null],
    ['no tax code: name and commune', { name: 'co so banh phong tom', communeCode: '29905' }, 'nocode/nameCommune'],
    ['name in another commune', { name: 'Cơ sở Bánh Phồng Tôm', communeCode: '12345' }, null],
    ['same name, different tax codes: two producers', { name: 'Cơ sở Bánh Phồng Tôm', taxCode: '1400111111', communeCode: '30037' }, null],
    [
      'a new tax code, same name as one without: name and commune',
      { name: 'Cơ sở Bánh Phồng Tôm', taxCode: '1400111111', communeCode: '29905' },
      'nocode/nameCommune',
    ],
    ['nothing in common', { name: 'HTX Mới', taxCode: '1400555555', communeCode: '29905' }, null],
  ])('%s', (_label, row, expected) => expect(match(row)).toBe(expected));
});
