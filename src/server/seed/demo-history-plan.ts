import { certificateExpiry, type RevocationGround } from '../../domain/certificates/validity.js';
import { addDays } from '../../domain/dates/calendar.js';
import { legalBasisInForce } from '../../domain/evaluation/historical-results.js';
import { taxCodeCheckDigit } from '../../domain/identifiers/index.js';
import {
  BRANDS,
  COMPANY_WORDS,
  FAMILIES,
  FAMILY_NAMES,
  FEMALE_NAMES,
  LEGAL_FORM_WEIGHTS,
  MALE_NAMES,
  MOBILE_PREFIXES,
  BIRTH_ORDER,
  type DemoLegalForm,
  type Family,
  type Kind,
} from './demo-catalogue.js';
import type { Random } from './demo-random.js';

/**
 * The demo province's programme from 2019 to 2026 as plain data, before anything is written: who
 * produced what, every evaluation result with the decision that recognised it, and every certificate
 * with its fate (replaced by an upgrade or re-rating, left to expire, revoked). 2020 has the shape
 * of the province's own figures (plan 122/KH-UBND, part I): 130 products evaluated (113 first, 17
 * upgrades) from 56 producers (43 new), 99 recognised (34 at 4★, 65 at 3★) from 42 producers (4 HTX,
 * 2 DNTN, 5 CTCP, 12 TNHH, 15 CSSX, 4 HKD), four of them at 90 points or more. Other years grow
 * plausibly. The current round (round 2 of 2026) is only listed here: it is played through the
 * platform's own services (demo-round.ts).
 */

export type PlannedSubject = {
  code: string;
  /** One of the demo seed's producers (seedDemo): found by its code, not created. */
  existing: boolean;
  name: string;
  legalForm: DemoLegalForm;
  communeCode: string;
  family: Family;
  representative: string;
  gender: 'male' | 'female';
  phone: string;
  taxCode: string | null;
  workforce: [number, number, number];
  foundedOn: string;
  address: string;
  /** The word that names this producer's products ("Phú Hưng", "Út Hạnh", a commune). */
  brand: string;
};

export type PlannedProduct = {
  key: string;
  subject: PlannedSubject;
  name: string;
  kind: Kind;
  existing: boolean;
  /** The year of its product code: its first evaluation, or 2026 for one not evaluated yet. */
  codeYear: number;
  /** The certificate it holds now (in the plan's time), revoked or not. */
  certificate: PlannedCertificate | null;
  /** Out of the programme: its certificate was revoked, or it failed a re-rating. */
  out: boolean;
  lastYear: number;
  photo: boolean;
};

export type PlannedDecision = {
  key: string;
  level: 'province' | 'ministry';
  number: string;
  signedOn: string;
  signer: string;
  signerTitle: string;
};

export type ResultLevel = 'province' | 'central';
export type ResultKind = 'first' | 'upgrade' | 'rerating';

export type PlannedResult = {
  product: PlannedProduct;
  year: number;
  round: string | null;
  level: ResultLevel;
  kind: ResultKind;
  score: number;
  star: number;
  decision: PlannedDecision;
  legalBasis: string;
  certificate: PlannedCertificate | null;
};

export type PlannedRevocation = {
  ground: RevocationGround;
  concludedOn: string;
  reference: string;
  /** Not yet revoked: the office's work list shows it due within 15 days of the conclusion. */
  pending?: boolean;
  decidedOn?: string;
  decisionNo?: string;
  note?: string;
};

export type PlannedCertificate = {
  product: PlannedProduct;
  result: PlannedResult;
  decision: PlannedDecision;
  level: 'province' | 'ministry';
  star: number;
  score: number;
  issuedOn: string;
  expiresOn: string;
  supersededOn: string | null;
  revocation: PlannedRevocation | null;
};

/** Where a dossier of the current round stands (demo-round.ts takes it there through the services). */
export type RoundStep = 'decided' | 'approved_forwarded' | 'in_session' | 'received' | 'returned' | 'proposed_late' | 'submitted' | 'not_proposed' | 'draft';

export type RoundDossier = { product: PlannedProduct; kind: ResultKind; step: RoundStep; target: number };

export type DemoPlan = {
  subjects: PlannedSubject[];
  products: PlannedProduct[];
  decisions: PlannedDecision[];
  results: PlannedResult[];
  certificates: PlannedCertificate[];
  round: RoundDossier[];
  /** Decision numbers already taken, so the current round's decisions pick fresh ones. */
  takenNumbers: Set<string>;
};

/** Decision days of each year's provincial rounds (round 2 of 2023 was decided in two batches). */
export const ROUND_DATES: Record<number, Record<string, string>> = {
  2019: { '2': '2019-12-20' },
  2020: { '1': '2020-07-15', '2': '2020-12-18' },
  2021: { '1': '2021-06-25', '2': '2021-12-22' },
  2022: { '1': '2022-06-24', '2': '2022-12-16' },
  2023: { '1': '2023-06-23', '2a': '2023-11-17', '2': '2023-12-15' },
  2024: { '1': '2024-05-24', '2': '2024-12-18' },
  2025: { '1': '2025-06-20', '2': '2025-12-12' },
  2026: { '1': '2026-06-19' },
};
/** The Minister's 5★ decisions. */
const CENTRAL_DATES: Record<number, string> = { 2021: '2021-10-28', 2024: '2024-09-26', 2025: '2025-10-30' };

const PROVINCE_SIGNERS = [
  { signer: 'Trần Minh Khoa', signerTitle: 'Phó Chủ tịch' },
  { signer: 'Lê Thị Ngọc Hân', signerTitle: 'Phó Chủ tịch' },
  { signer: 'Phạm Văn Thuận', signerTitle: 'Chủ tịch' },
];
const MINISTRY_SIGNER = { signer: 'Nguyễn Quốc Thái', signerTitle: 'Thứ trưởng' };

/** The demo seed's producers and products that have a past (demo.ts); others of theirs start in the current round. */
const DEMO_STORY = {
  sen: { subject: 'DT-001', tea: 'Trà tim sen', seeds: 'Hạt sen sấy', milk: 'Sữa hạt sen' },
  saGiang: { subject: 'DT-002', crackers: 'Bánh phồng tôm đặc biệt', noodles: 'Hủ tiếu Sa Đéc' },
  nem: { subject: 'DT-003', nem: 'Nem Lai Vung' },
  quyt: { subject: 'DT-004', quyt: 'Quýt hồng Lai Vung' },
  xoai: { subject: 'DT-005', fresh: 'Xoài cát Hòa Lộc', dried: 'Xoài sấy dẻo' },
  kho: { subject: 'DT-006', fish: 'Khô cá lóc một nắng' },
  gao: { subject: 'DT-007', rice: 'Gạo thơm Tháp Mười' },
  chieu: { subject: 'DT-008', mat: 'Chiếu lác Định Yên' },
  hoa: { subject: 'DT-009', tour: 'Điểm du lịch Làng hoa kiểng Sa Đéc', flowers: 'Hoa kiểng Tết Sa Đéc' },
  matOng: { subject: 'DT-010', honey: 'Mật ong hoa tràm' },
} as const;

/** The demo seed's producers as the plan needs them (names and places are those of demo.ts). */
export type ExistingSubject = { code: string; name: string; legalForm: string; communeCode: string; products: { name: string; set: number }[] };

type Options = { communes: ReadonlyMap<string, { name: string; fullName: string }>; existing: readonly ExistingSubject[] };

export function planDemoHistory(rnd: Random, { communes, existing }: Options): DemoPlan {
  const subjects: PlannedSubject[] = [];
  const products: PlannedProduct[] = [];
  const decisions = new Map<string, PlannedDecision>();
  const results: PlannedResult[] = [];
  const certificates: PlannedCertificate[] = [];
  const usedProductNames = new Set<string>(existing.flatMap((s) => s.products.map((p) => p.name)));
  const usedSubjectNames = new Set<string>(existing.map((s) => s.name));
  const takenNumbers = new Set<string>();
  let nextCode = 11;

  const communeName = (code: string) => communes.get(code)?.name ?? '';
  /** "xã Lai Vung", "phường Sa Đéc": the unit's kind in lower case inside an address. */
  const communePlace = (code: string) => {
    const full = communes.get(code)?.fullName ?? '';
    return full.charAt(0).toLowerCase() + full.slice(1);
  };
  const familyOf = (key: string) => FAMILIES.find((f) => f.key === key)!;

  // ---- people and names -------------------------------------------------------------------

  /** A person, and what the neighbours call them in the South: birth order and the last word of the name ("Tư Hùng"). */
  function person(): { name: string; gender: 'male' | 'female'; nickname: string } {
    const gender = rnd.chance(0.45) ? 'female' : 'male';
    const given = rnd.pick(gender === 'female' ? FEMALE_NAMES : MALE_NAMES);
    return { name: `${rnd.pick(FAMILY_NAMES)} ${given}`, gender, nickname: `${rnd.pick(BIRTH_ORDER)} ${given.split(' ').pop()!}` };
  }
  const phone = () => `${rnd.pick(MOBILE_PREFIXES)}${String(rnd.int(0, 9_999_999)).padStart(7, '0')}`;
  /** A 10-digit enterprise code of the province's tax department (14…), with its check digit. */
  function enterpriseTaxCode(): string {
    for (;;) {
      const first9 = `14${String(rnd.int(0, 9_999_999)).padStart(7, '0')}`;
      const check = taxCodeCheckDigit(first9);
      if (check !== null) return `${first9}${check}`;
    }
  }
  /** A household business files under its owner's 12-digit citizen ID (province 087 or 082). */
  const personalTaxCode = (gender: 'male' | 'female') =>
    `${rnd.pick(['087', '082'])}${gender === 'female' ? '1' : '0'}${String(rnd.int(60, 95))}${String(rnd.int(0, 999_999)).padStart(6, '0')}`;

  function subjectName(form: DemoLegalForm, family: Family, communeCode: string, owner: { name: string; nickname: string }): { name: string; brand: string } {
    for (let attempt = 0; ; attempt++) {
      const place = communeName(communeCode);
      let name: string;
      let brand: string;
      switch (form) {
        case 'HTX':
          brand = place;
          name = `Hợp tác xã ${family.cooperativeWord} ${place}`;
          break;
        case 'THT':
          brand = place;
          name = `Tổ hợp tác ${family.cooperativeWord} ${place}`;
          break;
        case 'TNHH':
          brand = rnd.pick(BRANDS);
          name = `Công ty TNHH ${rnd.pick(COMPANY_WORDS)} ${brand}`;
          break;
        case 'CTCP':
          brand = rnd.pick(BRANDS);
          name = `Công ty Cổ phần ${rnd.pick(COMPANY_WORDS)} ${brand}`;
          break;
        case 'DNTN':
          brand = rnd.pick(BRANDS);
          name = `Doanh nghiệp tư nhân ${brand}`;
          break;
        case 'CSSX':
          brand = owner.nickname;
          name = `Cơ sở ${family.workshopWord} ${brand}`;
          break;
        case 'HKD':
          brand = owner.nickname;
          name = `Hộ kinh doanh ${owner.name}`;
          break;
      }
      // A second cooperative of a family in the same commune takes the hamlet's name.
      if (usedSubjectNames.has(name) && (form === 'HTX' || form === 'THT') && attempt < 20) {
        const hamlet = rnd.pick(['Mỹ Thạnh', 'Tân Tiến', 'Hòa Bình', 'An Lợi', 'Phú Thuận', 'Long Hưng', 'Bình Hòa', 'Tân Hòa']);
        name = `${name} ấp ${hamlet}`;
        brand = hamlet;
      }
      if (!usedSubjectNames.has(name) || attempt > 40) {
        usedSubjectNames.add(name);
        return { name, brand };
      }
    }
  }

  function newSubject(form: DemoLegalForm, opts: { family?: string; communeCode?: string; since?: number } = {}): PlannedSubject {
    const family = opts.family ? familyOf(opts.family) : rnd.weighted(FAMILIES.map((f) => [f, f.weight] as const));
    const known = family.communes.filter((c) => communes.has(c));
    const communeCode = opts.communeCode ?? (known.length ? rnd.pick(known) : rnd.pick([...communes.keys()]));
    const owner = person();
    const { name, brand } = subjectName(form, family, communeCode, owner);
    const big = form === 'CTCP' || form === 'TNHH' || form === 'HTX';
    const total = big ? rnd.int(12, 90) : rnd.int(3, 18);
    const subject: PlannedSubject = {
      code: `DT-${String(nextCode++).padStart(3, '0')}`,
      existing: false,
      name,
      legalForm: form,
      communeCode,
      family,
      representative: owner.name,
      gender: owner.gender,
      phone: phone(),
      taxCode: form === 'HKD' || form === 'CSSX' ? (rnd.chance(0.7) ? personalTaxCode(owner.gender) : null) : form === 'THT' ? null : enterpriseTaxCode(),
      workforce: [total, Math.max(1, total - rnd.int(0, Math.floor(total / 4))), Math.max(1, Math.round(total * (0.3 + rnd.next() * 0.4)))],
      foundedOn: `${(opts.since ?? 2020) - rnd.int(1, 12)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`,
      address: `Ấp ${rnd.pick(['Mỹ Thạnh', 'Tân Tiến', 'Hòa Bình', 'An Lợi', 'Phú Thuận', 'Long Hưng', 'Bình Hòa', 'Tân Hòa', 'Thạnh Lợi', 'Mỹ Phú'])}, ${communePlace(communeCode)}`,
      brand,
    };
    subjects.push(subject);
    return subject;
  }

  /** The kind and the producer's brand ("Khô cá lóc Tư Hùng"); a kind named after its place alone when that is free. */
  function productName(subject: PlannedSubject, kind: Kind): string {
    const branded = `${kind.name} ${subject.brand}`;
    for (const name of [
      ...(kind.placeInName ? [kind.name] : []),
      branded,
      ...['loại đặc biệt', 'cao cấp', 'truyền thống', 'hảo hạng'].map((s) => `${branded} ${s}`),
    ])
      if (!usedProductNames.has(name)) return name;
    return `${branded} ${subject.code}`;
  }

  function newProduct(subject: PlannedSubject, codeYear: number, kind?: Kind): PlannedProduct {
    const owned = new Set(products.filter((p) => p.subject === subject).map((p) => p.kind.name));
    const free = subject.family.kinds.filter((k) => !owned.has(k.name));
    const chosen = kind ?? (free.length ? rnd.pick(free) : rnd.pick(rnd.pick(FAMILIES).kinds));
    const name = productName(subject, chosen);
    usedProductNames.add(name);
    const product: PlannedProduct = {
      key: `${subject.code}/${name}`,
      subject,
      name,
      kind: chosen,
      existing: false,
      codeYear,
      certificate: null,
      out: false,
      lastYear: 0,
      photo: false,
    };
    products.push(product);
    return product;
  }

  // The demo seed's producers and products, with the families their products belong to.
  const existingSubject = new Map<string, PlannedSubject>();
  const existingProduct = new Map<string, PlannedProduct>();
  const FAMILY_OF_DEMO: Record<string, string> = {
    'DT-001': 'sen',
    'DT-002': 'sa-dec',
    'DT-003': 'lai-vung',
    'DT-004': 'lai-vung',
    'DT-005': 'xoai',
    'DT-006': 'ca',
    'DT-007': 'gao',
    'DT-008': 'thu-cong',
    'DT-009': 'sa-dec',
    'DT-010': 'duoc-lieu',
  };
  for (const e of existing) {
    const subject: PlannedSubject = {
      code: e.code,
      existing: true,
      name: e.name,
      legalForm: e.legalForm as DemoLegalForm,
      communeCode: e.communeCode,
      family: familyOf(FAMILY_OF_DEMO[e.code] ?? 'sen'),
      representative: '',
      gender: 'male',
      phone: '',
      taxCode: null,
      workforce: [0, 0, 0],
      foundedOn: '2015-01-01',
      address: '',
      brand: communeName(e.communeCode),
    };
    subjects.push(subject);
    existingSubject.set(e.code, subject);
    for (const p of e.products) {
      const kind = subject.family.kinds.find((k) => p.name.startsWith(k.name)) ?? { name: p.name, set: p.set, motif: subject.family.kinds[0]!.motif };
      const product: PlannedProduct = {
        key: `${e.code}/${p.name}`,
        subject,
        name: p.name,
        kind: { ...kind, set: p.set },
        existing: true,
        codeYear: 0,
        certificate: null,
        out: false,
        lastYear: 0,
        photo: true,
      };
      products.push(product);
      existingProduct.set(product.key, product);
    }
  }
  const demo = (subject: string, name: string) => {
    const p = existingProduct.get(`${subject}/${name}`);
    if (!p) throw new Error(`The demo seed has no product "${name}" of ${subject}`);
    return p;
  };

  // ---- decisions and results ----------------------------------------------------------------

  /** A decision's number; the ministry's carry the name it had then (Bộ NN&PTNT, Bộ NN&MT from 03/2025). */
  function decisionNumber(level: 'province' | 'ministry', signedOn: string): string {
    const suffix = level === 'province' ? 'QĐ-UBND' : signedOn < '2025-03-01' ? 'QĐ-BNN-VPĐP' : 'QĐ-BNNMT';
    for (;;) {
      const n = `${rnd.int(level === 'province' ? 180 : 1200, level === 'province' ? 2900 : 4800)}/${suffix}`;
      if (!takenNumbers.has(`${level}:${n}`)) {
        takenNumbers.add(`${level}:${n}`);
        return n;
      }
    }
  }

  function decisionFor(level: 'province' | 'ministry', signedOn: string): PlannedDecision {
    const key = `${level}:${signedOn}`;
    let d = decisions.get(key);
    if (!d) {
      d = { key, level, number: decisionNumber(level, signedOn), signedOn, ...(level === 'ministry' ? MINISTRY_SIGNER : rnd.pick(PROVINCE_SIGNERS)) };
      decisions.set(key, d);
    }
    return d;
  }

  /** A council mean in the star's band: means of five members' whole-point totals step by 0.2. */
  function scoreFor(star: number, high = false): number {
    const [lo, hi] =
      star === 5 ? [90.4, 95.8] : star === 4 ? (high ? [90, 93.6] : [70.2, 88.8]) : star === 3 ? [51, 69.8] : star === 2 ? [36, 49.8] : [20, 29.8];
    return Math.round((lo + rnd.next() * (hi - lo)) * 5) / 5;
  }

  function evaluate(
    product: PlannedProduct,
    at: { year: number; round: string | null },
    kind: ResultKind,
    star: number,
    opts: { level?: ResultLevel; score?: number; high?: boolean } = {},
  ): PlannedResult {
    const level = opts.level ?? 'province';
    const signedOn = level === 'central' ? CENTRAL_DATES[at.year]! : ROUND_DATES[at.year]![at.round!]!;
    const decision = decisionFor(level === 'central' ? 'ministry' : 'province', signedOn);
    const score = opts.score ?? scoreFor(star, opts.high);
    const result: PlannedResult = {
      product,
      year: at.year,
      round: level === 'central' ? null : at.round === '2a' ? '2' : at.round,
      level,
      kind,
      score,
      star,
      decision,
      legalBasis: legalBasisInForce(signedOn),
      certificate: null,
    };
    results.push(result);
    product.lastYear = at.year;
    if (product.codeYear === 0 && !product.existing) product.codeYear = at.year;
    if ((level === 'province' && star >= 3) || (level === 'central' && star === 5)) {
      const certificate: PlannedCertificate = {
        product,
        result,
        decision,
        level: level === 'central' ? 'ministry' : 'province',
        star,
        score,
        issuedOn: signedOn,
        expiresOn: certificateExpiry(signedOn),
        supersededOn: null,
        revocation: null,
      };
      // The new certificate replaces whatever the product held, as a decision on the platform does.
      for (const c of certificates) if (c.product === product && !c.supersededOn && !c.revocation) c.supersededOn = signedOn;
      certificates.push(certificate);
      result.certificate = certificate;
      product.certificate = certificate;
    } else if (kind === 'rerating' && level === 'province') {
      product.out = true; // failed its re-rating: the certificate runs out
    }
    return result;
  }

  const roundsOf = (year: number) => Object.keys(ROUND_DATES[year]!).filter((r) => r !== '2a');
  /** Most products go before the council in the first round of a year. */
  const someRound = (year: number) => {
    const rounds = roundsOf(year);
    return rounds.length === 1 ? rounds[0]! : rnd.chance(0.62) ? '1' : '2';
  };
  const firstStar = (): number =>
    rnd.weighted([
      [4, 24],
      [3, 62],
      [2, 14],
    ] as const);

  /** Spreads `count` items over `buckets` so that each gets at least one. */
  function spread<T>(buckets: readonly T[], count: number): Map<T, number> {
    const out = new Map<T, number>(buckets.map((b) => [b, 1]));
    for (let i = buckets.length; i < count; i++) {
      const b = rnd.pick(buckets);
      out.set(b, out.get(b)! + 1);
    }
    return out;
  }

  // ---- 2019: the first evaluations under Decision 1048 --------------------------------------

  const y2019 = { year: 2019, round: '2' };
  evaluate(demo(DEMO_STORY.sen.subject, DEMO_STORY.sen.tea), y2019, 'first', 3);
  evaluate(demo(DEMO_STORY.xoai.subject, DEMO_STORY.xoai.fresh), y2019, 'first', 3);
  evaluate(demo(DEMO_STORY.saGiang.subject, DEMO_STORY.saGiang.crackers), y2019, 'first', 4);

  // Eleven producers of 2019 come back in 2020 with upgrades (their forms make 2020's 42 add up).
  const returning = (['DNTN', 'CTCP', 'CTCP', 'TNHH', 'TNHH', 'TNHH', 'CSSX', 'CSSX', 'CSSX', 'CSSX', 'HKD'] as const).map((f) =>
    newSubject(f, { since: 2019 }),
  );
  const toUpgrade: PlannedProduct[] = [];
  const threeStars = spread(returning, 15);
  for (const s of returning) {
    for (let i = 0; i < threeStars.get(s)!; i++) toUpgrade.push(newProduct(s, 2019));
  }
  for (const p of toUpgrade) evaluate(p, y2019, 'first', 3);
  for (const star of [4, 4, 4, 2, 2, 2]) evaluate(newProduct(rnd.pick(returning), 2019), y2019, 'first', star);
  // Five producers evaluated in 2019 only.
  const onlyIn2019 = (['CSSX', 'CSSX', 'HKD', 'HKD', 'THT'] as const).map((f) => newSubject(f, { since: 2019 }));
  const stars2019 = [3, 3, 3, 3, 3, 3, 4, 4, 2, 2, 2, 2, 2];
  const count2019 = spread(onlyIn2019, stars2019.length);
  let k = 0;
  for (const s of onlyIn2019) for (let i = 0; i < count2019.get(s)!; i++) evaluate(newProduct(s, 2019), y2019, 'first', stars2019[k++]!);

  // ---- 2020: the province's figures ---------------------------------------------------------

  const at2020 = () => ({ year: 2020, round: someRound(2020) });
  // Returning producers: 17 upgrades to 4★, and new products of theirs.
  evaluate(demo(DEMO_STORY.sen.subject, DEMO_STORY.sen.tea), at2020(), 'upgrade', 4);
  evaluate(demo(DEMO_STORY.xoai.subject, DEMO_STORY.xoai.fresh), at2020(), 'upgrade', 4);
  for (const p of toUpgrade) evaluate(p, at2020(), 'upgrade', 4);
  // Two of the four products at 90 points or more (the province recognises 4★ and proposes 5★).
  evaluate(demo(DEMO_STORY.sen.subject, DEMO_STORY.sen.seeds), { year: 2020, round: '2' }, 'first', 4, { score: 92.4 });
  evaluate(demo(DEMO_STORY.xoai.subject, DEMO_STORY.xoai.dried), { year: 2020, round: '2' }, 'first', 4, { score: 90.6 });
  for (const star of [3, 3, 3, 3, 3, 3, 2, 2]) evaluate(newProduct(rnd.pick(returning), 2020), at2020(), 'first', star);

  // New producers recognised: three of the demo seed's and 26 others.
  evaluate(demo(DEMO_STORY.quyt.subject, DEMO_STORY.quyt.quyt), { year: 2020, round: '2' }, 'first', 3);
  evaluate(demo(DEMO_STORY.kho.subject, DEMO_STORY.kho.fish), { year: 2020, round: '1' }, 'first', 3);
  evaluate(demo(DEMO_STORY.gao.subject, DEMO_STORY.gao.rice), { year: 2020, round: '1' }, 'first', 4);
  const newRecognised = (
    ['HTX', 'DNTN', 'CTCP', 'CTCP', ...Array<'TNHH'>(9).fill('TNHH'), ...Array<'CSSX'>(10).fill('CSSX'), 'HKD', 'HKD', 'HKD'] as const
  ).map((f, i) => newSubject(f, i === 4 ? { family: 'trai-cay', since: 2020 } : i === 2 ? { family: 'sen', since: 2020 } : { since: 2020 }));
  // The other two products at 90 points or more: a dried jackfruit and a lotus-seed cracker.
  const jackfruit = newProduct(
    newRecognised[4]!,
    2020,
    familyOf('trai-cay').kinds.find((k) => k.name === 'Mít sấy giòn'),
  );
  evaluate(jackfruit, { year: 2020, round: '1' }, 'first', 4, { score: 91.2 });
  const cracker = newProduct(newRecognised[2]!, 2020, { name: 'Bánh phồng chay hạt sen', set: 6, motif: 'cake', netContent: '250 g', packaging: 'Hộp giấy' });
  evaluate(cracker, { year: 2020, round: '2' }, 'first', 4, { score: 90.2 });
  const recognisedStars = [...Array<number>(12).fill(4), ...Array<number>(57).fill(3)];
  const perSubject = spread(newRecognised, recognisedStars.length + 2);
  // Each new producer's first product is recognised; its others may not be.
  const queue = rnd.shuffle(recognisedStars);
  for (const s of newRecognised) {
    const own = perSubject.get(s)! - (s === newRecognised[4] || s === newRecognised[2] ? 1 : 0);
    for (let i = 0; i < own && queue.length; i++) evaluate(newProduct(s, 2020), at2020(), 'first', queue.pop()!);
  }
  while (queue.length) evaluate(newProduct(rnd.pick(newRecognised), 2020), at2020(), 'first', queue.pop()!);
  for (let i = 0; i < 12; i++) evaluate(newProduct(rnd.pick(newRecognised), 2020), at2020(), 'first', 2);
  // New producers whose products did not reach 3★.
  const notYet = (['THT', 'THT', 'HKD', 'HKD', 'HKD', 'HKD', 'HKD', 'CSSX', 'CSSX', 'CSSX', 'CSSX', 'CSSX', 'HTX', 'HTX'] as const).map((f) =>
    newSubject(f, { since: 2020 }),
  );
  const notYetCount = spread(notYet, 17);
  for (const s of notYet) for (let i = 0; i < notYetCount.get(s)!; i++) evaluate(newProduct(s, 2020), at2020(), 'first', 2);

  // ---- 2021 to round 1 of 2026: re-ratings, upgrades, newcomers ------------------------------

  // Products whose story is told by hand below: the generated years leave them alone.
  const scripted = new Set<PlannedProduct>([...existingProduct.values(), jackfruit, cracker]);
  /** Products that may file a first evaluation again: no certificate in force, not out, none the year before. */
  const retryable = (year: number) =>
    products.filter(
      (p) => !p.out && !scripted.has(p) && p.lastYear > 0 && p.lastYear < year - 1 && (!p.certificate || p.certificate.expiresOn < `${year}-01-01`),
    );

  const REVOCATIONS: Record<number, { from: string; ground: RevocationGround; concluded: string; decided?: string; reference: string; note?: string }> = {
    2022: {
      from: '2020-07-15',
      ground: 'e',
      concluded: '2022-02-28',
      decided: '2022-03-10',
      reference: 'Văn bản số 45/UBND-KT của UBND xã xác nhận cơ sở ngừng sản xuất',
      note: 'Cơ sở đã ngừng sản xuất sản phẩm từ tháng 12/2021.',
    },
    2024: {
      from: '2022-06-24',
      ground: 'c',
      concluded: '2024-07-30',
      decided: '2024-08-12',
      reference: 'Kết luận kiểm tra số 118/KL-ĐKTLN của Đoàn kiểm tra liên ngành an toàn thực phẩm',
      note: 'Mẫu kiểm nghiệm vượt giới hạn Coliforms cho phép; cơ sở đã bị xử phạt vi phạm hành chính.',
    },
    2026: {
      from: '2025-06-20',
      ground: 'd',
      concluded: '2026-03-20',
      decided: '2026-04-02',
      reference: 'Biên bản kiểm tra số 12/BB-QLTT của Đội Quản lý thị trường',
      note: 'Sử dụng nhãn OCOP 4 sao trên sản phẩm khác chưa được công nhận.',
    },
  };

  function revokeOne(year: number) {
    const r = REVOCATIONS[year];
    if (!r) return;
    const c = rnd.pick(
      certificates.filter(
        (x) => x.issuedOn === r.from && !x.supersededOn && !x.revocation && x.level === 'province' && !scripted.has(x.product) && !x.product.out,
      ),
    );
    c.revocation = {
      ground: r.ground,
      concludedOn: r.concluded,
      reference: r.reference,
      decidedOn: r.decided!,
      decisionNo: decisionNumber('province', r.decided!),
      note: r.note!,
    };
    c.product.out = true;
  }

  const NEWCOMERS: Record<number, number> = { 2021: 64, 2022: 58, 2023: 56, 2024: 62, 2025: 66, 2026: 26 };

  for (const year of [2021, 2022, 2023, 2024, 2025, 2026]) {
    revokeOne(year);
    const evaluatedThisYear = new Set<PlannedProduct>();
    const once = (p: PlannedProduct) => !evaluatedThisYear.has(p) && (evaluatedThisYear.add(p), true);

    // Re-ratings: certificates issued three years before, in the round of the same season.
    for (const c of [...certificates]) {
      if (c.supersededOn || c.revocation || c.product.out || scripted.has(c.product)) continue;
      const issuedYear = Number(c.issuedOn.slice(0, 4));
      if (issuedYear !== year - 3) continue;
      if (c.level === 'ministry') {
        if (CENTRAL_DATES[year] && once(c.product)) evaluate(c.product, { year, round: null }, 'rerating', 5, { level: 'central' });
        continue;
      }
      const season = Object.entries(ROUND_DATES[issuedYear]!).find(([, d]) => d === c.issuedOn)![0];
      let round = season === '2a' ? '2' : season;
      if (!ROUND_DATES[year]![round]) continue; // round 2 of 2026 is the current round, on the platform
      if (year === 2023 && round === '2' && rnd.chance(0.2)) round = '2a';
      if (!rnd.chance(0.8) || !once(c.product)) continue; // some producers let their certificates lapse
      const star = rnd.weighted([
        [c.star, 78],
        [Math.min(4, c.star + 1), 12],
        [2, 10],
      ] as const);
      evaluate(c.product, { year, round }, 'rerating', star);
    }

    // Upgrades from 3★ to 4★ of certificates at least a year old.
    for (const c of [...certificates]) {
      if (c.supersededOn || c.revocation || c.product.out || scripted.has(c.product) || c.star !== 3 || c.level !== 'province') continue;
      if (Number(c.issuedOn.slice(0, 4)) > year - 1 || Number(c.issuedOn.slice(0, 4)) < year - 2 || !rnd.chance(0.16) || !once(c.product)) continue;
      evaluate(c.product, { year, round: someRound(year) }, 'upgrade', 4);
    }

    // Newcomers: new products of known producers, new producers, and a few trying again.
    const active = new Set(products.filter((p) => !p.out && !p.existing).map((p) => p.subject));
    const known = subjects.filter((s) => active.has(s));
    const again = retryable(year);
    for (let i = 0; i < NEWCOMERS[year]!; i++) {
      const roll = rnd.next();
      let product: PlannedProduct;
      if (roll < 0.22) {
        product = newProduct(rnd.pick(known), year);
      } else if (roll < 0.3 && again.length) {
        product = rnd.pick(again);
      } else {
        product = newProduct(newSubject(rnd.weighted(LEGAL_FORM_WEIGHTS), { since: year }), year);
      }
      if (!once(product)) continue;
      evaluate(product, { year, round: someRound(year) }, 'first', firstStar());
    }
  }

  // The demo seed's producers, year by year (their dossiers of the current round are below).
  evaluate(demo(DEMO_STORY.sen.subject, DEMO_STORY.sen.seeds), { year: 2021, round: null }, 'upgrade', 5, { level: 'central', score: 93.8 });
  evaluate(jackfruit, { year: 2021, round: null }, 'upgrade', 5, { level: 'central', score: 91.6 });
  // The central council scored the other two below 90: the province's 4★ stands (the result does not count).
  evaluate(demo(DEMO_STORY.xoai.subject, DEMO_STORY.xoai.dried), { year: 2021, round: null }, 'upgrade', 4, { level: 'central', score: 87.8 });
  evaluate(cracker, { year: 2021, round: null }, 'upgrade', 4, { level: 'central', score: 86.4 });
  evaluate(demo(DEMO_STORY.saGiang.subject, DEMO_STORY.saGiang.noodles), { year: 2021, round: '1' }, 'first', 3);
  evaluate(demo(DEMO_STORY.nem.subject, DEMO_STORY.nem.nem), { year: 2021, round: '2' }, 'first', 3);
  evaluate(demo(DEMO_STORY.kho.subject, DEMO_STORY.kho.fish), { year: 2021, round: '2' }, 'upgrade', 4);
  evaluate(demo(DEMO_STORY.hoa.subject, DEMO_STORY.hoa.tour), { year: 2021, round: '2' }, 'first', 3);
  evaluate(demo(DEMO_STORY.saGiang.subject, DEMO_STORY.saGiang.crackers), { year: 2022, round: '2' }, 'rerating', 4);
  evaluate(demo(DEMO_STORY.chieu.subject, DEMO_STORY.chieu.mat), { year: 2022, round: '2' }, 'first', 3);
  evaluate(demo(DEMO_STORY.sen.subject, DEMO_STORY.sen.tea), { year: 2023, round: '2' }, 'rerating', 4);
  evaluate(demo(DEMO_STORY.xoai.subject, DEMO_STORY.xoai.fresh), { year: 2023, round: '2' }, 'rerating', 4);
  evaluate(demo(DEMO_STORY.xoai.subject, DEMO_STORY.xoai.dried), { year: 2023, round: '2' }, 'rerating', 4);
  evaluate(demo(DEMO_STORY.quyt.subject, DEMO_STORY.quyt.quyt), { year: 2023, round: '2' }, 'rerating', 4);
  evaluate(demo(DEMO_STORY.gao.subject, DEMO_STORY.gao.rice), { year: 2023, round: '2a' }, 'rerating', 4);
  evaluate(demo(DEMO_STORY.matOng.subject, DEMO_STORY.matOng.honey), { year: 2023, round: '1' }, 'first', 3);
  evaluate(demo(DEMO_STORY.sen.subject, DEMO_STORY.sen.seeds), { year: 2024, round: null }, 'rerating', 5, { level: 'central', score: 94.6 });
  evaluate(jackfruit, { year: 2024, round: null }, 'rerating', 5, { level: 'central', score: 92 });
  evaluate(demo(DEMO_STORY.saGiang.subject, DEMO_STORY.saGiang.noodles), { year: 2024, round: '1' }, 'rerating', 4);
  evaluate(demo(DEMO_STORY.nem.subject, DEMO_STORY.nem.nem), { year: 2024, round: '2' }, 'rerating', 3);
  evaluate(demo(DEMO_STORY.kho.subject, DEMO_STORY.kho.fish), { year: 2024, round: '2' }, 'rerating', 4);
  evaluate(demo(DEMO_STORY.hoa.subject, DEMO_STORY.hoa.tour), { year: 2024, round: '2' }, 'rerating', 4);
  evaluate(demo(DEMO_STORY.saGiang.subject, DEMO_STORY.saGiang.crackers), { year: 2025, round: '2' }, 'rerating', 4);
  evaluate(demo(DEMO_STORY.chieu.subject, DEMO_STORY.chieu.mat), { year: 2025, round: '2' }, 'rerating', 3);

  // One more 5★ a year from 2024: a 4★ product the province found at 90 points or more the year before.
  for (const year of [2024, 2025]) {
    const candidate = rnd.pick(
      certificates.filter(
        (c) => c.star === 4 && !c.supersededOn && !c.revocation && !scripted.has(c.product) && !c.product.out && c.issuedOn.startsWith(String(year - 1)),
      ),
    );
    candidate.result.score = scoreFor(4, true);
    candidate.score = candidate.result.score;
    evaluate(candidate.product, { year, round: null }, 'upgrade', 5, { level: 'central' });
  }

  // A violation concluded a week ago: the certificate is to be revoked within 15 days (Art. 8.4).
  const pending = rnd.pick(
    certificates.filter((c) => c.issuedOn === '2024-12-18' && !c.supersededOn && !c.revocation && !scripted.has(c.product) && !c.product.out),
  );
  pending.revocation = {
    ground: 'b',
    concludedOn: '2026-11-26',
    reference: 'Kết luận kiểm tra số 205/KL-SNNMT: sản phẩm không còn đáp ứng tiêu chí 1.4 (liên kết chuỗi)',
    pending: true,
  };

  // ---- round 2 of 2026, on the platform -----------------------------------------------------

  const standing = (p: PlannedProduct) => (p.certificate && !p.certificate.supersededOn && !p.certificate.revocation ? p.certificate : null);
  const taken = new Set<PlannedProduct>();
  const pickWhere = (where: (p: PlannedProduct) => boolean, sets: (n: number) => boolean = (n) => n >= 1 && n <= 20) => {
    const p = rnd.pick(products.filter((x) => !taken.has(x) && !x.existing && !x.out && sets(x.kind.set) && where(x)));
    taken.add(p);
    return p;
  };
  const newcomer = (form: DemoLegalForm, family?: string) => {
    const subject = newSubject(form, { since: 2026, ...(family ? { family } : {}) });
    const food = subject.family.kinds.filter((k) => k.set <= 20);
    const p = newProduct(subject, 2026, food.length ? rnd.pick(food) : undefined);
    taken.add(p);
    return p;
  };
  const reratable = (p: PlannedProduct) => standing(p)?.issuedOn === '2023-12-15';
  const upgradable = (p: PlannedProduct) => {
    const c = standing(p);
    return c !== null && c.star === 3 && c.issuedOn >= '2025-01-01';
  };
  const round: RoundDossier[] = [
    // Before the council on 05/11, decided on 18/11.
    { product: demo(DEMO_STORY.sen.subject, DEMO_STORY.sen.tea), kind: 'rerating', step: 'decided', target: 82 },
    { product: pickWhere(reratable), kind: 'rerating', step: 'decided', target: 78 },
    { product: pickWhere(reratable), kind: 'rerating', step: 'decided', target: 64 },
    { product: pickWhere(upgradable), kind: 'upgrade', step: 'decided', target: 76 },
    { product: newcomer('HTX'), kind: 'first', step: 'decided', target: 66 },
    { product: newcomer('TNHH'), kind: 'first', step: 'decided', target: 74 },
    { product: newcomer('HKD'), kind: 'first', step: 'decided', target: 44 },
    {
      product: pickWhere((p) => standing(p)?.star === 4 && standing(p)!.issuedOn >= '2024-06-01'),
      kind: 'upgrade',
      step: 'approved_forwarded',
      target: 93,
    },
    // Before the council on 02/12: some members have scored.
    { product: demo(DEMO_STORY.xoai.subject, DEMO_STORY.xoai.dried), kind: 'upgrade', step: 'in_session', target: 86 },
    { product: pickWhere(reratable), kind: 'rerating', step: 'in_session', target: 80 },
    { product: pickWhere(reratable), kind: 'rerating', step: 'in_session', target: 68 },
    { product: newcomer('CSSX'), kind: 'first', step: 'in_session', target: 62 },
    { product: newcomer('CTCP'), kind: 'first', step: 'in_session', target: 72 },
    // At the province: received, one returned for completion.
    { product: demo(DEMO_STORY.gao.subject, DEMO_STORY.gao.rice), kind: 'rerating', step: 'received', target: 80 },
    { product: demo(DEMO_STORY.quyt.subject, DEMO_STORY.quyt.quyt), kind: 'rerating', step: 'received', target: 80 },
    { product: newcomer('DNTN'), kind: 'first', step: 'received', target: 70 },
    { product: newcomer('HTX'), kind: 'first', step: 'returned', target: 60 },
    // Proposed by the commune after 30/10: moved to round 1 of 2027.
    { product: pickWhere(reratable), kind: 'rerating', step: 'proposed_late', target: 70 },
    { product: newcomer('CSSX'), kind: 'first', step: 'proposed_late', target: 60 },
    // With the commune: filed, waiting for its assessment (two in the demo officer's communes).
    { product: demo(DEMO_STORY.matOng.subject, DEMO_STORY.matOng.honey), kind: 'first', step: 'submitted', target: 64 },
    { product: demo(DEMO_STORY.nem.subject, DEMO_STORY.nem.nem), kind: 'upgrade', step: 'submitted', target: 74 },
    { product: demo(DEMO_STORY.hoa.subject, DEMO_STORY.hoa.flowers), kind: 'first', step: 'submitted', target: 66 },
    { product: newcomer('HKD'), kind: 'first', step: 'submitted', target: 58 },
    { product: newcomer('THT'), kind: 'first', step: 'not_proposed', target: 48 },
    // The demo producer's draft.
    { product: demo(DEMO_STORY.sen.subject, DEMO_STORY.sen.milk), kind: 'first', step: 'draft', target: 70 },
  ];

  // Photos: the demo seed's products, the current round's, and the province's best in force.
  for (const d of round) d.product.photo = true;
  const best = certificates.filter((c) => !c.supersededOn && !c.revocation && c.star >= 4 && c.expiresOn > '2026-12-31');
  for (const c of rnd.shuffle(best).slice(0, 24)) c.product.photo = true;

  for (const p of products) if (p.codeYear === 0 && !p.existing) p.codeYear = 2026;
  return { subjects, products, decisions: [...decisions.values()], results, certificates, round, takenNumbers };
}

/** The day the current round's proposals closed, and those after it move to the next round (Art. 5.1). */
export const CURRENT_ROUND = { year: 2026, proposalDeadline: '2026-10-30', resultDeadline: '2026-12-30', lateProposal: addDays('2026-10-30', 21) };
