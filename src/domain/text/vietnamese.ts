/**
 * Vietnamese text helpers: normalisation before storage, accent-insensitive folding for search,
 * and a portable sort key for Vietnamese alphabetical order.
 *
 * Pure functions, no dependencies. They rely only on `String.prototype.normalize`, which every
 * supported runtime (Node ≥ 20, evergreen browsers) implements with full Unicode data.
 */

const WHITESPACE_RUN = /\s+/gu;
const COMBINING_MARK = /\p{M}/gu;

/**
 * Canonical form for any user-entered text before it is stored or compared.
 *
 * NFC because Vietnamese arrives both precomposed ("ệ" = U+1EC7) and decomposed
 * ("e" + U+0302 + U+0323, typical of macOS file names and some IMEs); without it two strings that
 * look identical compare unequal and unique constraints let duplicates through.
 *
 * Whitespace runs (including NBSP and line breaks) become one space, so this is meant for
 * single-line fields (names, addresses, titles). It deliberately does not touch tone placement
 * ("hoà" vs "hòa"): both spellings are in official use and rewriting a name is not our call.
 */
export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * Accent-insensitive, case-insensitive form for search ("Hạt sen sấy" → "hat sen say").
 *
 * Decomposing (NFD) splits every Vietnamese letter into an ASCII base plus combining marks (tone
 * marks and the vowel modifiers ˘ ˆ ̛), which are then dropped. "đ" has no decomposition in
 * Unicode, so it is mapped by hand. "Ð"/"ð" (U+00D0/U+00F0, eth) are mapped too: "Ð" is
 * indistinguishable from "Đ" on screen and shows up in text converted from Windows-1258/VNI.
 */
export function foldVietnamese(s: string): string {
  return s.normalize('NFD').toLowerCase().replace(COMBINING_MARK, '').replace(/[đð]/gu, 'd').replace(WHITESPACE_RUN, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// Sort key
//
// Layout:  <primary> [ "!" <secondary> ]
//
// primary   — the letters, one ASCII character per plain letter; a Vietnamese letter with a vowel
//             modifier (ă â đ ê ô ơ ư) is its base letter followed by "|" or "}". Because "|" and
//             "}" sort after every other primary character, "ă" (a|) sorts after every word that
//             continues "a…" (an, az, …) and before "b": exactly the Vietnamese alphabet
//             a ă â b c d đ e ê … Words are separated by "-", which sorts before digits and
//             letters, so "An" < "An Giang" < "Anh".
// secondary — one digit per word giving its tone (0 none, 1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng:
//             the dictionary order ngang, huyền, hỏi, ngã, sắc, nặng). It follows "!", the lowest
//             character used, so tones only decide between strings whose letters are all equal.
//             Trailing "0"s are dropped (equal primaries have the same number of words, so this
//             keeps the order) and the whole part is omitted when no word carries a tone, which
//             makes the key of plain ASCII text simply its lower-cased words joined by "-".
//
// Keys use printable ASCII only and compare correctly by code unit: JS `<`, or in SQL
// `ORDER BY sort_key COLLATE "C"`. A linguistic DB collation (en_US, und-x-icu …) would ignore
// or reorder the punctuation used here, so the "C" collation is required.
// ---------------------------------------------------------------------------------------------

const LEVEL_SEPARATOR = '!';
const WORD_SEPARATOR = '-';
/** Prefix for letters outside the Latin alphabet; sorts after z, before the modifier marks. */
const OTHER_LETTER = '{';
const MODIFIER_1 = '|';
const MODIFIER_2 = '}';

const BREVE = '\u0306';
const CIRCUMFLEX = '\u0302';
const HORN = '\u031B';

/** Tone marks in dictionary order (ngang = 0 has no mark). */
const TONE_RANK: ReadonlyMap<string, number> = new Map([
  ['\u0300', 1], // huyền  à
  ['\u0309', 2], // hỏi    ả
  ['\u0303', 3], // ngã    ã
  ['\u0301', 4], // sắc    á
  ['\u0323', 5], // nặng   ạ
]);

/** Letters that carry a vowel modifier, as base letter + which modifier makes which letter. */
const MODIFIED_LETTERS: Readonly<Record<string, readonly (readonly [mark: string, code: string])[]>> = {
  a: [
    [BREVE, MODIFIER_1], // ă
    [CIRCUMFLEX, MODIFIER_2], // â
  ],
  e: [[CIRCUMFLEX, MODIFIER_1]], // ê
  o: [
    [CIRCUMFLEX, MODIFIER_1], // ô
    [HORN, MODIFIER_2], // ơ
  ],
  u: [[HORN, MODIFIER_1]], // ư
};

/** A base character followed by its combining marks (after NFD). */
const CLUSTER = /(\P{M}|^)(\p{M}*)/gu;
const LATIN_LETTER = /^[a-z]$/;
const DIGIT = /^[0-9]$/;
const OTHER_LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Primary-key text for one base character and its marks, or null when it separates words. */
function primaryOf(base: string, marks: string): string | null {
  if (base === 'đ' || base === 'ð') return 'd' + MODIFIER_1;
  if (LATIN_LETTER.test(base)) {
    const modified = MODIFIED_LETTERS[base]?.find(([mark]) => marks.includes(mark));
    return modified ? base + modified[1] : base;
  }
  if (DIGIT.test(base)) return base;
  if (OTHER_LETTER_OR_DIGIT.test(base)) {
    // Fixed-width hex keeps code-point order among letters we have no rule for (Chinese, Khmer …).
    return OTHER_LETTER + (base.codePointAt(0) ?? 0).toString(16).padStart(6, '0');
  }
  return null; // whitespace, punctuation, symbols
}

function toneOf(marks: string): number {
  for (const mark of marks) {
    const rank = TONE_RANK.get(mark);
    if (rank !== undefined) return rank;
  }
  return 0;
}

/**
 * Sort key giving Vietnamese alphabetical order under plain code-unit comparison.
 *
 * Order: alphabet a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư v (w) x y (z);
 * digits before letters; word breaks before both; case-insensitive; tones (ngang < huyền < hỏi
 * < ngã < sắc < nặng) only break ties between equal letter sequences. This matches ICU's `vi`
 * collation (`Intl.Collator('vi')`) except that
 *  - case is ignored entirely (ICU orders "an" before "An"),
 *  - tones are compared per word, not per letter, so the old and new tone placements
 *    "Thanh Hoá" and "Thanh Hóa" get the same key (ICU puts them apart),
 *  - every run of spaces/punctuation counts as one word break (ICU weighs each symbol),
 *  - digits compare as characters, not numbers ("Tổ 10" < "Tổ 2"), as in ICU's default.
 * Dictionaries that treat ch, gh, kh, ng, nh, ph, th, tr as single letters are not followed;
 * modern usage (and ICU) sort them letter by letter.
 */
export function vietnameseSortKey(s: string): string {
  let primary = '';
  let secondary = '';
  let inWord = false;
  let wordTone = 0;

  for (const [, base = '', marks = ''] of s.normalize('NFD').toLowerCase().matchAll(CLUSTER)) {
    const code = base === '' ? null : primaryOf(base, marks);
    if (code === null) {
      if (inWord) secondary += String(wordTone);
      inWord = false;
      continue;
    }
    if (!inWord) {
      if (primary !== '') primary += WORD_SEPARATOR;
      inWord = true;
      wordTone = 0;
    }
    primary += code;
    // A syllable carries one tone; take the first mark so stray duplicates cannot change order.
    if (wordTone === 0) wordTone = toneOf(marks);
  }
  if (inWord) secondary += String(wordTone);

  secondary = secondary.replace(/0+$/u, '');
  return secondary === '' ? primary : primary + LEVEL_SEPARATOR + secondary;
}

/**
 * Comparator for `Array.prototype.sort` in Vietnamese alphabetical order. Strings with equal keys
 * (differing only in case, punctuation or tone placement) compare as 0. For large lists, compute
 * each key once (or store it) rather than sorting with this comparator.
 */
export function compareVietnamese(a: string, b: string): number {
  const ka = vietnameseSortKey(a);
  const kb = vietnameseSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
