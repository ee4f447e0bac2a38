import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVietnamese, foldVietnamese, normalizeText, vietnameseSortKey } from './vietnamese.js';

/** "ệ" written as e + circumflex + dot below, as macOS and some IMEs produce it. */
const decomposed = (s: string): string => s.normalize('NFD');

describe('normalizeText', () => {
  it.each([
    ['composes decomposed input (NFD → NFC)', decomposed('Hạt sen sấy Đồng Tháp'), 'Hạt sen sấy Đồng Tháp'],
    ['trims', '  Bánh pía  ', 'Bánh pía'],
    ['collapses spaces, tabs and newlines', 'Mắm\t\tcá   linh\n\nCần Thơ', 'Mắm cá linh Cần Thơ'],
    ['treats NBSP as whitespace', 'Cà\u00a0phê\u00a0 Buôn Ma Thuột', 'Cà phê Buôn Ma Thuột'],
    ['keeps the old tone placement as written', 'Thanh Hoá', 'Thanh Hoá'],
    ['empty stays empty', '   ', ''],
  ])('%s', (_name, input, expected) => {
    const out = normalizeText(input);
    expect(out).toBe(expected);
    expect(out === out.normalize('NFC')).toBe(true);
  });
});

describe('foldVietnamese', () => {
  it.each([
    ['Hạt sen sấy', 'hat sen say'],
    ['ĐỒNG THÁP', 'dong thap'],
    ['đặc sản Đà Lạt', 'dac san da lat'],
    ['Ứng Hòa', 'ung hoa'],
    ['Thanh Hoá', 'thanh hoa'],
    ['  Mật   ong\tbạc hà  ', 'mat ong bac ha'],
    ['Ðà Nẵng', 'da nang'], // U+00D0 eth, the Đ look-alike from legacy encodings
    ['OCOP 4 sao', 'ocop 4 sao'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it.each(['Hạt sen sấy', 'ĐỒNG THÁP', 'Nước mắm Phú Quốc', 'Trà Shan tuyết cổ thụ', 'ưởng ỡ ỵ'])('gives the same result for decomposed input: %j', (s) => {
    expect(foldVietnamese(decomposed(s))).toBe(foldVietnamese(s));
    expect(foldVietnamese(decomposed(s))).toMatch(/^[\x20-\x7e]*$/);
  });
});

/**
 * Real names in Vietnamese alphabetical order. Each adjacent pair, and why:
 *   An Giang < Anh        word break before any letter
 *   Anh < Ăn < Âu         a < ă < â, whatever follows
 *   Âu < Bạc Liêu         â < b
 *   Bạc Liêu < Bến Tre    a < ê
 *   Bến Tre < Cà Mau      b < c
 *   Cà Mau < Cần Thơ      a < â
 *   Cần Thơ < Chợ Lách    â < h (â sorts right after a)
 *   Chợ Lách < Đà Nẵng    c < đ
 *   Đà Nẵng < Điện Biên   a < i
 *   Điện Biên < Đồng Tháp i < ô
 *   Đồng Tháp < Gia Lai   đ < g
 *   Gia Lai < Hà Nội      g < h
 *   Hà Nội < Hải Phòng    "ha" ends (word break) before "hai"
 *   Hải Phòng < Huế       a < u
 *   Huế < Ô Môn           h < ô
 *   Ô Môn < Ơn            ô < ơ
 *   Ơn < Quảng Trị        ơ < q
 *   Quảng Trị < Tây Ninh  q < t
 *   Tây Ninh < Ứng Hòa    t < ư
 *   Ứng Hòa < Vĩnh Long   ư < v
 */
const ORDERED_NAMES = [
  'An Giang',
  'Anh',
  'Ăn',
  'Âu',
  'Bạc Liêu',
  'Bến Tre',
  'Cà Mau',
  'Cần Thơ',
  'Chợ Lách',
  'Đà Nẵng',
  'Điện Biên',
  'Đồng Tháp',
  'Gia Lai',
  'Hà Nội',
  'Hải Phòng',
  'Huế',
  'Ô Môn',
  'Ơn',
  'Quảng Trị',
  'Tây Ninh',
  'Ứng Hòa',
  'Vĩnh Long',
];

/** The 34 provinces of Decision 19/2025/QĐ-TTg (data/admin-units), in Vietnamese order. */
const PROVINCES_ORDERED = [
  'An Giang',
  'Bắc Ninh',
  'Cà Mau',
  'Cao Bằng',
  'Cần Thơ',
  'Đà Nẵng',
  'Đắk Lắk',
  'Điện Biên',
  'Đồng Nai',
  'Đồng Tháp',
  'Gia Lai',
  'Hà Nội',
  'Hà Tĩnh',
  'Hải Phòng',
  'Hồ Chí Minh',
  'Huế',
  'Hưng Yên',
  'Khánh Hoà',
  'Lai Châu',
  'Lạng Sơn',
  'Lào Cai',
  'Lâm Đồng',
  'Nghệ An',
  'Ninh Bình',
  'Phú Thọ',
  'Quảng Ngãi',
  'Quảng Ninh',
  'Quảng Trị',
  'Sơn La',
  'Tây Ninh',
  'Thái Nguyên',
  'Thanh Hoá',
  'Tuyên Quang',
  'Vĩnh Long',
];

/** Deterministic shuffle so a failing order is reproducible. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  let seed = 42;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const sortByKey = (items: readonly string[]): string[] =>
  [...items].sort((a, b) => {
    const ka = vietnameseSortKey(a);
    const kb = vietnameseSortKey(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });

const icu = new Intl.Collator('vi');

describe('vietnameseSortKey', () => {
  it.each([
    ['Vietnamese names', ORDERED_NAMES],
    ['the 34 provinces', PROVINCES_ORDERED],
  ])('orders %s, each adjacent pair strictly', (_name, list) => {
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1] as string, list[i] as string];
      expect(vietnameseSortKey(a) < vietnameseSortKey(b), `${a} < ${b}`).toBe(true);
    }
    expect(sortByKey(shuffled(list))).toEqual(list);
  });

  it.each([
    ['Vietnamese names', ORDERED_NAMES],
    ['the 34 provinces', PROVINCES_ORDERED],
  ])('agrees with ICU (Intl.Collator("vi")) on %s', (_name, list) => {
    expect([...list].sort(icu.compare)).toEqual(list);
  });

  it('orders tones ngang < huyền < hỏi < ngã < sắc < nặng', () => {
    const tones = ['ma', 'mà', 'mả', 'mã', 'má', 'mạ'];
    expect(sortByKey(shuffled(tones))).toEqual(tones);
    expect([...tones].sort(icu.compare)).toEqual(tones);
  });

  it.each([
    // alphabet, including f j w z in Latin position
    ['a', 'az'],
    ['az', 'ă'],
    ['ăz', 'â'],
    ['âz', 'b'],
    ['dz', 'đ'],
    ['đz', 'e'],
    ['ez', 'ê'],
    ['êz', 'f'],
    ['f', 'g'],
    ['i', 'j'],
    ['j', 'k'],
    ['oz', 'ô'],
    ['ôz', 'ơ'],
    ['ơz', 'p'],
    ['uz', 'ư'],
    ['ưz', 'v'],
    ['v', 'w'],
    ['w', 'x'],
    ['x', 'y'],
    ['y', 'z'],
    // digits before letters, word breaks before both
    ['9', 'a'],
    ['Tổ 1', 'Tổ 2'],
    ['a b', 'a1'],
    ['An', 'An Giang'],
    ['An Giang', 'Anh'],
    // letters decide before tones, whatever the tones
    ['mạ', 'mab'],
    ['mạ z', 'ma za'],
    ['mà b', 'ma c'],
    ['Hà Nội', 'Hà Tĩnh'],
    // tones decide word by word when the letters are equal
    ['Hà Nam', 'Hà Nậm'],
    ['ma mà', 'mà ma'],
    // non-Latin letters sort after z but stay within their base letter
    ['az', 'a中'],
    ['a中', 'ă'],
  ])('%j < %j', (a, b) => {
    expect(vietnameseSortKey(a) < vietnameseSortKey(b)).toBe(true);
    expect(compareVietnamese(a, b)).toBe(-1);
    expect(compareVietnamese(b, a)).toBe(1);
  });

  it.each([
    ['case', 'AN GIANG', 'an giang'],
    ['composed vs decomposed', 'Đồng Tháp', decomposed('Đồng Tháp')],
    ['old vs new tone placement', 'Thanh Hoá', 'Thanh Hóa'],
    ['surrounding and repeated whitespace', '  Cần   Thơ ', 'Cần Thơ'],
    ['punctuation as a word break', 'Bà Rịa–Vũng Tàu', 'Bà Rịa - Vũng Tàu'],
    ['eth look-alike', 'Ðà Lạt', 'Đà Lạt'],
  ])('ignores %s', (_name, a, b) => {
    expect(vietnameseSortKey(a)).toBe(vietnameseSortKey(b));
    expect(compareVietnamese(a, b)).toBe(0);
  });

  it.each([
    ['', ''],
    ['an giang', 'an-giang'],
    ['Ăn Âu', 'a|n-a}u'],
    ['Đà Nẵng', 'd|a-na|ng!13'],
    ['Ơn ưng', 'o}n-u|ng'],
    ['Hà Nội', 'ha-no|i!15'],
    ['Hải Phòng', 'hai-phong!21'],
    ['Ứng Hòa', 'u|ng-hoa!41'],
    ['Cà phê', 'ca-phe|!1'],
  ])('key of %j is %j', (input, key) => {
    expect(vietnameseSortKey(input)).toBe(key);
  });

  it('produces short, printable-ASCII keys', () => {
    for (const name of [...ORDERED_NAMES, ...PROVINCES_ORDERED, 'Trà Shan tuyết cổ thụ Hà Giang']) {
      const key = vietnameseSortKey(name);
      expect(key).toMatch(/^[\x21-\x7e]*$/);
      // at most two characters per letter, plus the separator and one tone digit per word
      expect(key.length).toBeLessThanOrEqual(2 * name.length + 1);
    }
  });

  /**
   * Random Vietnamese-like phrases: mixed-case words from the 29 letters plus f j w z and digits,
   * the tone (if any) on the first vowel so equal letters mean equal tone positions (ICU compares
   * tones letter by letter, we word by word; they only differ when placement differs).
   */
  describe('agrees with ICU on random phrases', () => {
    const letters = [...'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz0123456789'];
    const vowels = new Set([...'aăâeêioôơuưy']);
    const toneMarks = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
    const icuIgnoringCase = new Intl.Collator('vi', { sensitivity: 'accent' });

    type Word = { chars: string[]; tone: string; upper: boolean[] };
    const skeleton = fc.array(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 5 }), {
      minLength: 1,
      maxLength: 3,
    });
    /** Tones and case for a given skeleton of letters. */
    const dress = (words: string[][]) =>
      fc.tuple(
        ...words.map((chars) =>
          fc.record({
            chars: fc.constant(chars),
            tone: fc.constantFrom(...toneMarks),
            upper: fc.array(fc.boolean(), { minLength: chars.length, maxLength: chars.length }),
          }),
        ),
      );
    const render = (words: Word[]): string =>
      words
        .map(({ chars, tone, upper }) => {
          const vowelAt = chars.findIndex((c) => vowels.has(c));
          return chars
            .map((c, i) => (i === vowelAt ? c + tone : c))
            .map((c, i) => (upper[i] ? c.toUpperCase() : c))
            .join('');
        })
        .join(' ')
        .normalize('NFC');

    const agrees = (a: string, b: string): boolean => {
      const ours = compareVietnamese(a, b);
      if (ours === 0) return icuIgnoringCase.compare(a, b) === 0;
      return Math.sign(icu.compare(a, b)) === ours;
    };

    it('with independent letters', () => {
      const phrase = skeleton.chain(dress).map(render);
      fc.assert(fc.property(phrase, phrase, agrees), { numRuns: 3000 });
    });

    it('with the same letters and different tones and case', () => {
      const pair = skeleton.chain((words) => fc.tuple(dress(words), dress(words)));
      fc.assert(
        fc.property(pair, ([a, b]) => agrees(render(a), render(b))),
        { numRuns: 3000 },
      );
    });
  });
});
