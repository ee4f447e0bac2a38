/**
 * The data set of `ocop seed --scale national|province`, planned in memory from a seed: producers of
 * every legal form in the communes of all 34 provinces (or of one), their products across the 26
 * criteria sets of Decision 26/2026/QĐ-TTg, evaluation rounds per province and year (2019–2026) with
 * the dossiers filed in them, councils and their sittings, every member's score sheet, the councils'
 * results, the recognition decisions and the certificates they issued (in force, expired, revoked,
 * superseded), and the market and programme records around them (sales points, trade fairs,
 * e-commerce listings, support policies and grants).
 *
 * Pure: no clock (today is an input), no random UUIDs (ids come from the seed), so the same seed gives
 * the same rows byte for byte. Every sheet's answers exist in its product's set, and every stored
 * total, star and council result is what the scoring engine (src/domain/scoring) returns for them.
 */
import { certificateExpiry, verificationCode, REVOCATION_GROUNDS } from '../../../domain/certificates/validity.js';
import { CURRENT_CRITERIA_BASIS } from '../../../domain/criteria/legal-bases.js';
import { findSet } from '../../../domain/criteria/index.js';
import type { CriteriaVersion } from '../../../domain/criteria/types.js';
import { addDays, type IsoDate } from '../../../domain/dates/calendar.js';
import { formatCertificateNumber, formatProductCode, taxCodeCheckDigit } from '../../../domain/identifiers/index.js';
import { ECOMMERCE_PLATFORMS, normaliseListingUrl, type EcommercePlatform } from '../../../domain/market/ecommerce.js';
import { SALES_POINT_CHECKLIST_CODES, SALES_POINT_LOCATIONS, TRADE_EVENT_KINDS } from '../../../domain/market/index.js';
import { SUPPORT_AREAS, SUPPORT_AREA_LABELS } from '../../../domain/programme/index.js';
import { aggregateCouncil, type CouncilResult } from '../../../domain/scoring/index.js';
import { foldVietnamese, vietnameseSortKey } from '../../../domain/text/vietnamese.js';
import { PreparedText } from '../../db/bulk-load.js';
import { seededRandom, type Random } from '../demo-random.js';
import { seededIds } from './ids.js';
import {
  BRANDS,
  COMPANY_WORDS,
  FAMILY_NAMES,
  FEMALE_NAMES,
  FORM_NAMES,
  FORM_WEIGHTS,
  MALE_NAMES,
  MOBILE_PREFIXES,
  NATIONAL_KINDS,
  villageWord,
  type NationalKind,
} from './names.js';
import type { SeedRows, SeedTable } from './national.repository.js';
import { sheetMaker, type SheetMaker } from './sheets.js';

export type SeedScale = 'national' | 'province';

/** The sizes of each scale: the whole country, and one province in the shape of a real one. */
export const SCALE_SIZES: Record<SeedScale, { producers: number; products: number; dossiers: number; certificates: number }> = {
  national: { producers: 20_000, products: 50_000, dossiers: 120_000, certificates: 40_000 },
  province: { producers: 320, products: 800, dossiers: 1_920, certificates: 640 },
};
export const DEFAULT_SEED = 2026;
/** "Today" of the generated data, unless given: round 2 of 2026 is under way (sittings held, decisions of November signed). */
export const DEFAULT_TODAY: IsoDate = '2026-12-01';
const FIRST_YEAR = 2019;
const LAST_YEAR = 2026;
const COUNCIL_VOTING = 7;

export type PlanInput = {
  seed: number;
  scale: SeedScale;
  /** The province of `--scale province` (PROVINCE_CODE). */
  provinceCode: string;
  today: IsoDate;
  /** Producers instead of the scale's number; products, dossiers and certificates follow in proportion (tests). */
  producers?: number | undefined;
  communes: readonly { code: string; province_code: string; name: string; full_name: string }[];
  provinces: readonly { code: string; name: string; full_name: string }[];
  /** The criteria version the dossiers are scored under (Decision 26/2026/QĐ-TTg). */
  version: CriteriaVersion;
};

export type NationalPlan = { rows: SeedRows; sizes: { producers: number; products: number; dossiers: number; certificates: number } };

type Subject = {
  id: string;
  index: number;
  provinceCode: string;
  communeCode: string;
  name: string;
  kind: NationalKind;
  brand: string;
  person: string;
  address: string;
  phone: string;
};
type Product = { id: string; index: number; subject: Subject; name: string; kind: NationalKind; dossiers: number; codeYear: number; ocopCode: string };
type RoundKey = { provinceCode: string; year: number; number: number };
type Sitting = { id: string; heldOn: IsoDate; present: { id: string }[]; open: boolean };

/**
 * A sheet's choices, written as JSON only when the row is copied. Made here, outside the planner, so
 * that the function keeps only the set and the answers alive, not the council's whole result beside it.
 */
const lazyChoices = (maker: SheetMaker, chosen: Int8Array) => new PreparedText(() => maker.json(chosen));

/** A moment of a day in Vietnam's time; one shared instance per day and hour (rows only read it). */
const moments = new Map<string, Date>();
const at = (day: IsoDate, hour = 9) => {
  const key = `${day}T${String(hour).padStart(2, '0')}:00:00+07:00`;
  let moment = moments.get(key);
  if (!moment) moments.set(key, (moment = new Date(key)));
  return moment;
};
const pad2 = (n: number) => String(n).padStart(2, '0');

export function planNational(input: PlanInput): NationalPlan {
  const { today, version } = input;
  const base = SCALE_SIZES[input.scale];
  const factor = input.producers ? input.producers / base.producers : 1;
  const sizes = {
    producers: Math.max(1, Math.round(base.producers * factor)),
    products: Math.max(1, Math.round(base.products * factor)),
    dossiers: Math.max(1, Math.round(base.dossiers * factor)),
    certificates: Math.max(1, Math.round(base.certificates * factor)),
  };
  /** Acts of the current round drawn on or after today move back to a few days before it. */
  const beforeToday = (day: IsoDate, days: number): IsoDate => (day >= today ? addDays(today, -days) : day);
  const rnd = seededRandom(input.seed);
  const newId = seededIds(input.seed);
  const communes = input.scale === 'province' ? input.communes.filter((c) => c.province_code === input.provinceCode) : input.communes;
  if (!communes.length) throw new Error(`No communes for province ${input.provinceCode}: load the reference data first.`);
  const provinceOf = new Map(input.provinces.map((p) => [p.code, p]));
  const communeOf = new Map(communes.map((c) => [c.code, c]));
  const provinceCodes = [...new Set(communes.map((c) => c.province_code))].sort();
  const lastYear = Math.min(LAST_YEAR, Number(today.slice(0, 4)));

  const rows: SeedRows = {
    subjects: [],
    products: [],
    product_code_counters: [],
    evaluation_rounds: [],
    councils: [],
    council_members: [],
    council_sessions: [],
    dossiers: [],
    session_dossiers: [],
    score_sheets: [],
    council_results: [],
    decisions: [],
    decision_items: [],
    certificates: [],
    certificate_counters: [],
    sales_points: [],
    sales_point_products: [],
    trade_events: [],
    trade_event_participants: [],
    trade_event_products: [],
    ecommerce_listings: [],
    support_policies: [],
    support_grants: [],
    audit_log: [],
  };

  // --- People, producers and products -----------------------------------------------------------
  const people = rnd.fork(1);
  const person = (r: Random) => {
    const female = r.chance(0.45);
    return { name: `${r.pick(FAMILY_NAMES)} ${r.pick(female ? FEMALE_NAMES : MALE_NAMES)}`, gender: female ? 'female' : 'male' };
  };
  const phone = (r: Random) => `${r.pick(MOBILE_PREFIXES)}${String(r.int(0, 9_999_999)).padStart(7, '0')}`;
  const kindWeights = NATIONAL_KINDS.map((k) => [k, k.weight] as const);
  const shortName = (code: string) => communeOf.get(code)!.name;

  const subjects: Subject[] = [];
  const subjectsByProvince = new Map<string, Subject[]>();
  const taxCodes = new Set<string>();
  for (let i = 0; i < sizes.producers; i++) {
    const commune = people.pick(communes);
    const province = provinceOf.get(commune.province_code)!;
    const form = people.weighted(FORM_WEIGHTS);
    const kind = people.weighted(kindWeights);
    const brand = people.pick(BRANDS);
    const rep = person(people);
    const place = shortName(commune.code);
    const name =
      form === 'HTX' || form === 'THT'
        ? `${FORM_NAMES[form]} ${kind.word} ${people.chance(0.5) ? place : brand}`
        : form === 'CTCP' || form === 'TNHH'
          ? `${FORM_NAMES[form]} ${people.pick(COMPANY_WORDS)} ${brand}`
          : form === 'DNTN'
            ? `Doanh nghiệp tư nhân ${brand}`
            : form === 'HKD'
              ? `Hộ kinh doanh ${rep.name}`
              : form === 'CSSX'
                ? `Cơ sở ${kind.word} ${brand}`
                : form === 'TT'
                  ? `Trang trại ${kind.word} ${rep.name.split(' ').at(-1)}`
                  : form === 'HH'
                    ? `Hội ${kind.word} ${place}`
                    : `Tổ sản xuất ${kind.word} ${place}`;
    let taxCode: string | null = null;
    if (form !== 'HKD' && form !== 'CSSX' && form !== 'TT' && form !== 'KHAC') {
      for (let attempt = 0; attempt < 20 && !taxCode; attempt++) {
        const first9 = `${province.code.padStart(2, '0').slice(0, 2)}${String(people.int(0, 9_999_999)).padStart(7, '0')}`;
        const check = taxCodeCheckDigit(first9);
        const code = check === null ? null : `${first9}${check}`;
        if (code && !taxCodes.has(code)) {
          taxCodes.add(code);
          taxCode = code;
        }
      }
    }
    const address = `${villageWord(province.code)} ${people.pick(['Tân', 'Phú', 'Bình', 'An', 'Hòa', 'Thạnh', 'Đông', 'Tây', 'Trung', 'Mỹ'])} ${people.int(1, 9)}, ${commune.full_name}, ${province.full_name}`;
    const subject: Subject = {
      id: newId('subject'),
      index: i,
      provinceCode: province.code,
      communeCode: commune.code,
      name,
      kind,
      brand,
      person: rep.name,
      address,
      phone: phone(people),
    };
    subjects.push(subject);
    const list = subjectsByProvince.get(province.code) ?? [];
    list.push(subject);
    subjectsByProvince.set(province.code, list);
    const founded = `${people.int(1996, 2018)}-${pad2(people.int(1, 12))}-${pad2(people.int(1, 28))}`;
    const workforce = form === 'HKD' || form === 'CSSX' ? people.int(2, 15) : people.int(8, 120);
    const local = Math.round(workforce * (0.6 + people.next() * 0.4));
    rows.subjects.push({
      id: subject.id,
      provinceCode: province.code,
      communeCode: commune.code,
      externalCode: `CT${String(i + 1).padStart(6, '0')}`,
      name,
      nameSearch: foldVietnamese(name),
      sortKey: vietnameseSortKey(name),
      legalForm: form,
      taxCode,
      representativeName: rep.name,
      representativeGender: rep.gender,
      representativeEthnicity: 'Kinh',
      representativeDisability: false,
      address,
      phone: subject.phone,
      email: taxCode ? `lienhe.${String(i + 1).padStart(6, '0')}@ocop-chuthe.vn` : null,
      foundedOn: founded,
      workforceTotal: workforce,
      workforceLocal: local,
      workforceWomen: Math.round(workforce * (0.3 + people.next() * 0.4)),
      status: 'active',
      createdAt: at(`${FIRST_YEAR - 1}-12-15`),
      updatedAt: at(`${FIRST_YEAR - 1}-12-15`),
    });
  }

  const making = rnd.fork(2);
  const products: Product[] = [];
  const productsBySubject = new Map<Subject, Product[]>();
  for (let j = 0; j < sizes.products; j++) {
    const subject = j < subjects.length ? subjects[j]! : subjects[Math.floor(making.next() * subjects.length)]!;
    const kind = making.chance(0.7) ? subject.kind : making.weighted(kindWeights);
    const place = shortName(subject.communeCode);
    const name = kind.set === 26 ? `${kind.name} ${place}` : `${kind.name} ${making.chance(0.5) ? subject.brand : place}`;
    const product: Product = { id: newId('product'), index: j, subject, name, kind, dossiers: 1, codeYear: LAST_YEAR, ocopCode: '' };
    products.push(product);
    const list = productsBySubject.get(subject) ?? [];
    list.push(product);
    productsBySubject.set(subject, list);
  }
  // Dossiers: one per product, the rest to products drawn at random (at most four a product).
  for (let extra = sizes.dossiers - products.length, guard = 0; extra > 0 && guard < sizes.dossiers * 20; guard++) {
    const p = products[Math.floor(making.next() * products.length)]!;
    if (p.dossiers >= 4) continue;
    p.dossiers++;
    extra--;
  }

  // --- Rounds, councils ----------------------------------------------------------------------------
  const years: number[] = [];
  for (let y = FIRST_YEAR; y <= lastYear; y++) years.push(y);
  const roundIds = new Map<string, string>();
  const roundKey = (k: RoundKey) => `${k.provinceCode}|${k.year}|${k.number}`;
  const roundDates = (year: number, number: number) =>
    number === 1
      ? {
          opens: `${year}-03-01`,
          proposal: `${year}-05-31`,
          result: `${year}-08-31`,
          sitting: `${year}-06-20`,
          decision: `${year}-07-20`,
          ministry: `${year}-11-16`,
        }
      : {
          opens: `${year}-08-01`,
          proposal: `${year}-10-30`,
          result: `${year}-12-30`,
          sitting: `${year}-11-10`,
          decision: `${year}-11-24`,
          ministry: `${year + 1}-03-20`,
        };
  const isCurrent = (year: number, number: number) => {
    const d = roundDates(year, number);
    return d.opens <= today && today <= d.result;
  };
  for (const provinceCode of provinceCodes) {
    const province = provinceOf.get(provinceCode)!;
    for (const year of years)
      for (const number of [1, 2]) {
        const d = roundDates(year, number);
        if (d.opens > today) continue;
        const id = newId('round');
        roundIds.set(roundKey({ provinceCode, year, number }), id);
        rows.evaluation_rounds.push({
          id,
          level: 'province',
          provinceCode,
          year,
          number,
          name: `Đợt ${number} năm ${year} — ${province.full_name}`,
          proposalDeadline: d.proposal,
          resultDeadline: d.result,
          legalBasis: CURRENT_CRITERIA_BASIS,
          createdAt: at(addDays(d.opens, -30)),
          updatedAt: at(addDays(d.opens, -30)),
        });
      }
  }
  const ministryRounds = new Map<number, string>();
  for (const year of years) {
    const id = newId('round');
    ministryRounds.set(year, id);
    rows.evaluation_rounds.push({
      id,
      level: 'ministry',
      provinceCode: null,
      year,
      number: 1,
      name: `Đánh giá sản phẩm OCOP 5 sao năm ${year}`,
      proposalDeadline: `${year}-12-31`,
      resultDeadline: `${year + 1}-06-30`,
      legalBasis: CURRENT_CRITERIA_BASIS,
      createdAt: at(`${year}-01-05`),
      updatedAt: at(`${year}-01-05`),
    });
  }

  const councilRnd = rnd.fork(3);
  const ORGANISATIONS = [
    'Văn phòng Điều phối nông thôn mới tỉnh',
    'Sở Nông nghiệp và Môi trường',
    'Sở Công Thương',
    'Sở Khoa học và Công nghệ',
    'Sở Y tế',
    'Sở Văn hoá, Thể thao và Du lịch',
    'Liên minh Hợp tác xã tỉnh',
    'Hội Liên hiệp Phụ nữ tỉnh',
  ];
  const councilsOf = new Map<string, { id: string; voting: { id: string }[] }>();
  const councilOf = (provinceCode: string, year: number) => {
    const key = `${provinceCode}|${year}`;
    let council = councilsOf.get(key);
    if (!council) {
      const id = newId('council');
      const province = provinceOf.get(provinceCode)!;
      rows.councils.push({
        id,
        level: 'province',
        provinceCode,
        kind: 'council',
        name: `Hội đồng đánh giá, phân hạng sản phẩm OCOP ${province.full_name} năm ${year}`,
        year,
        establishedByNumber: `${councilRnd.int(100, 999)}/QĐ-UBND`,
        establishedOn: `${year}-04-15`,
        establishedBySigner: person(councilRnd).name,
        establishedBySignerTitle: 'Phó Chủ tịch',
        createdAt: at(`${year}-04-15`),
      });
      const voting: { id: string }[] = [];
      const positions = ['chair', 'vice_chair', 'member', 'member', 'member', 'member', 'member', 'secretary'] as const;
      positions.forEach((position, n) => {
        const memberId = newId('member');
        const isVoting = position !== 'secretary';
        rows.council_members.push({
          id: memberId,
          councilId: id,
          userId: null,
          fullName: person(councilRnd).name,
          organisation: `${ORGANISATIONS[n % ORGANISATIONS.length]} ${province.name}`,
          position,
          voting: isVoting,
        });
        if (isVoting) voting.push({ id: memberId });
      });
      council = { id, voting };
      councilsOf.set(key, council);
    }
    return council;
  };
  const sittings = new Map<string, Sitting>();
  /** A province's sitting of a round; in the current round a second one, still open, takes the dossiers not yet scored. */
  const sittingOf = (provinceCode: string, year: number, number: number, open: boolean) => {
    const key = `${provinceCode}|${year}|${number}|${open}`;
    let sitting = sittings.get(key);
    if (!sitting) {
      const council = councilOf(provinceCode, year);
      const d = roundDates(year, number);
      const heldOn = open ? addDays(today, -2) : beforeToday(addDays(d.sitting, councilRnd.int(0, 10)), 6);
      const absent = councilRnd.chance(0.5) ? councilRnd.int(1, COUNCIL_VOTING - 1) : -1; // never the chair (index 0)
      const present = council.voting.filter((_, i) => i !== absent);
      const id = newId('session');
      rows.council_sessions.push({
        id,
        councilId: council.id,
        title: `Phiên họp đánh giá đợt ${number} năm ${year}${open ? ' (phiên 2)' : ''}`,
        heldOn,
        mode: 'meeting',
        attendance: present.map((m) => m.id),
        status: open ? 'open' : 'closed',
        closedOn: open ? null : heldOn,
        createdAt: at(addDays(heldOn, -7)),
      });
      sitting = { id, heldOn, present, open };
      sittings.set(key, sitting);
    }
    return sitting;
  };

  // --- Dossiers, sheets, results, decisions, certificates -------------------------------------------
  const makers = new Map<number, SheetMaker>();
  const makerOf = (setNumber: number) => {
    let m = makers.get(setNumber);
    if (!m) {
      const set = findSet(version, setNumber);
      if (!set) throw new Error(`Set ${setNumber} is missing from ${version.legalBasis}`);
      m = sheetMaker(set);
      makers.set(setNumber, m);
    }
    return m;
  };

  type Outcome = 'scored' | 'not_proposed' | 'disqualified' | 'withdrawn' | 'returned';
  type Planned = { product: Product; year: number; number: number; current: boolean; state: string; scored: boolean };
  const timing = rnd.fork(4);
  const planned: Planned[] = [];
  const CURRENT_STAGES: [string, number][] = [
    ['draft', 8],
    ['submitted', 12],
    ['not_proposed', 3],
    ['commune_assessed', 12],
    ['received', 10],
    ['returned', 6],
    ['resubmitted', 5],
    ['disqualified', 2],
    ['withdrawn', 2],
    ['in_council', 14],
    ['scored', 8],
    ['decided', 15],
    ['approved', 2],
    ['forwarded_to_ministry', 1],
  ];
  const CONCLUDED: [Outcome, number][] = [
    ['scored', 82],
    ['not_proposed', 8],
    ['disqualified', 4],
    ['withdrawn', 3],
    ['returned', 3],
  ];
  const SCORED_STATES = new Set(['in_council', 'scored', 'decided', 'approved', 'forwarded_to_ministry']);
  for (const product of products) {
    const rounds: { year: number; number: number }[] = [];
    const all = years.flatMap((year) => [1, 2].filter((number) => roundDates(year, number).opens <= today).map((number) => ({ year, number })));
    const yearsDrawn = timing
      .shuffle(years)
      .slice(0, Math.min(product.dossiers, years.length))
      .sort((a, b) => a - b);
    for (const year of yearsDrawn) {
      const options = all.filter((r) => r.year === year);
      rounds.push(timing.pick(options));
    }
    product.codeYear = rounds[0]?.year ?? lastYear;
    for (const r of rounds) {
      const current = isCurrent(r.year, r.number);
      const drawn = current ? timing.weighted(CURRENT_STAGES) : timing.weighted(CONCLUDED);
      // A concluded round's scored dossier ends decided (or, at 5★, decided by the ministry).
      const state = !current && drawn === 'scored' ? 'decided' : drawn;
      planned.push({ product, year: r.year, number: r.number, current, state, scored: current ? SCORED_STATES.has(state) : drawn === 'scored' });
    }
  }
  const scoredCount = planned.filter((p) => p.scored && p.state !== 'in_council').length;
  // The share of scored dossiers aimed at a recognised star: about one in ten of them lands below 3★
  // once the engine applies the minimum-star gates, or is still waiting for its decision.
  const recognise = Math.min(0.97, (1.09 * sizes.certificates) / Math.max(1, scoredCount));

  // Product codes: numbered per commune and the year of the product's first dossier.
  const serials = new Map<string, number>();
  for (const product of products) {
    const key = `${product.subject.communeCode}|${product.codeYear}`;
    const serial = (serials.get(key) ?? 0) + 1;
    serials.set(key, serial);
    product.ocopCode = formatProductCode({
      provinceCode: product.subject.provinceCode,
      communeCode: product.subject.communeCode,
      serial,
      year: product.codeYear,
    });
    const created = at(`${product.codeYear}-01-10`);
    rows.products.push({
      id: product.id,
      subjectId: product.subject.id,
      name: product.name,
      nameSearch: foldVietnamese(product.name),
      sortKey: vietnameseSortKey(product.name),
      externalCode: `SP${String(product.index + 1).padStart(6, '0')}`,
      provinceCode: product.subject.provinceCode,
      criteriaLegalBasis: CURRENT_CRITERIA_BASIS,
      criteriaSetNumber: product.kind.set,
      description: `${product.name} do ${product.subject.name} sản xuất tại ${communeOf.get(product.subject.communeCode)!.full_name}.`,
      netContent: product.kind.net ?? null,
      ocopCode: product.ocopCode,
      status: 'active',
      createdAt: created,
      updatedAt: created,
    });
  }
  for (const [key, lastSerial] of serials) {
    const [communeCode, year] = key.split('|');
    rows.product_code_counters.push({ communeCode: communeCode!, year: Number(year), lastSerial });
  }

  const scoring = rnd.fork(5);
  const deciding = rnd.fork(6);
  const decisionsOf = new Map<string, { id: string; signedOn: IsoDate }>();
  const decisionNumbers = new Map<string, number>();
  const decisionOf = (
    kind: 'recognition' | 'approval',
    level: 'province' | 'ministry',
    provinceCode: string | null,
    year: number,
    number: number,
    signedOn: IsoDate,
  ) => {
    const key = `${kind}|${level}|${provinceCode}|${year}|${number}`;
    let decision = decisionsOf.get(key);
    if (!decision) {
      const scope = provinceCode ?? 'TW';
      const n = (decisionNumbers.get(scope) ?? deciding.int(100, 400)) + deciding.int(20, 90);
      decisionNumbers.set(scope, n);
      const id = newId('decision');
      rows.decisions.push({
        id,
        kind,
        number: `${n}/QĐ-${level === 'ministry' ? 'BNNMT' : 'UBND'}`,
        signedOn,
        signer: person(deciding).name,
        signerTitle: level === 'ministry' ? 'Thứ trưởng' : kind === 'approval' ? 'Chủ tịch' : 'Phó Chủ tịch',
        level,
        provinceCode,
        createdAt: at(signedOn, 16),
      });
      decision = { id, signedOn };
      decisionsOf.set(key, decision);
    }
    return decision;
  };

  type Held = { id: string; productId: string; star: number; issuedOn: IsoDate; expiresOn: IsoDate; row: SeedRows['certificates'][number] };
  const certSerials = new Map<string, number>();
  const certRnd = rnd.fork(7);
  const bytes = (n: number) => certRnd.bytes(n);
  const gateSettings = { councilSize: COUNCIL_VOTING, chairPresent: true };

  /** Members' sheets near a target, scored by the engine; drawn again closer together if their spread would send them back to re-scoring. */
  function council(setNumber: number, target: number, present: readonly { id: string }[]): { drawn: Int8Array[]; result: CouncilResult } {
    const maker = makerOf(setNumber);
    for (let spread = 3; ; spread = spread > 1 ? spread - 1 : 0) {
      const drawn = present.map(() => maker.draw(Math.max(0, Math.min(100, target + (scoring.next() * 2 - 1) * spread)), scoring));
      const result = aggregateCouncil(
        version,
        maker.set,
        drawn.map((c) => ({ choices: maker.choices(c), ...(maker.caseKey ? { case: maker.caseKey } : {}) })),
        {},
        { ...gateSettings, present: present.length },
      );
      if (result.decisionReady || spread === 0) return { drawn, result };
    }
  }
  const compactResult = (r: CouncilResult) => ({
    legalBasis: r.legalBasis,
    set: r.set,
    total: r.score,
    bandStar: r.bandStar,
    gateCeiling: r.gateCeiling,
    star: r.star,
    outcome: r.outcome,
    gatePolicy: r.gatePolicy,
    certifiable: r.certifiable,
    recognisingLevel: r.recognisingLevel,
    parts: Object.fromEntries(r.parts.map((p) => [p.code, p.meanPoints])),
    memberTotals: [...r.memberTotals],
    spread: r.spread,
    quorum: { status: r.quorum.status, councilSize: r.quorum.councilSize, present: r.quorum.present },
    failedGates: r.failedGates.map((g) => ({ star: g.star, criterion: g.criterion, reachedBy: g.reachedBy, members: g.members })),
  });

  const byProduct = new Map<Product, Planned[]>();
  for (const p of planned) {
    const list = byProduct.get(p.product);
    if (list) list.push(p);
    else byProduct.set(p.product, [p]);
  }
  for (const product of products) {
    const subject = product.subject;
    const held: Held[] = [];
    for (const p of byProduct.get(product) ?? []) {
      const dates = roundDates(p.year, p.number);
      const submittedOn = beforeToday(addDays(dates.opens, timing.int(0, 70)), 20);
      const id = newId('dossier');
      const roundId = roundIds.get(roundKey({ provinceCode: subject.provinceCode, year: p.year, number: p.number }))!;
      const inForce = held.filter((h) => h.expiresOn >= submittedOn && !h.row.revokedOn && !h.row.supersededOn);
      const kind = inForce.some((h) => addDays(h.expiresOn, -180) <= dates.proposal) ? 'rerating' : inForce.length ? 'upgrade' : 'first';
      let state = p.state;
      let councilScore: number | null = null;
      let councilStar: number | null = null;
      let centralScore: number | null = null;
      let centralStar: number | null = null;
      let decidedStar: number | null = null;
      let ministryRoundId: string | null = null;
      let updatedOn: IsoDate = state === 'draft' ? submittedOn : addDays(submittedOn, 10);
      const wantsMinistry = state === 'approved' || state === 'forwarded_to_ministry';

      if (p.scored) {
        const sitting = sittingOf(subject.provinceCode, p.year, p.number, state === 'in_council');
        rows.session_dossiers.push({ sessionId: sitting.id, dossierId: id, scoringRound: 1 });
        const recognised = wantsMinistry || scoring.chance(recognise);
        const band = scoring.next();
        const target = wantsMinistry
          ? 91 + scoring.next() * 5
          : !recognised
            ? 32 + scoring.next() * 16
            : band < 0.58
              ? 51 + scoring.next() * 17
              : band < 0.965
                ? 71 + scoring.next() * 17
                : 91 + scoring.next() * 6;
        const { drawn, result } = council(product.kind.set, target, sitting.present);
        const maker = makerOf(product.kind.set);
        const finished = state !== 'in_council';
        drawn.forEach((chosen, m) => {
          const status = finished || m < drawn.length - 2 ? 'submitted' : 'draft';
          if (!finished && m === drawn.length - 1) return; // a member of the open sitting has not opened the sheet yet
          rows.score_sheets.push({
            id: newId('sheet'),
            sessionId: sitting.id,
            dossierId: id,
            memberId: sitting.present[m]!.id,
            scoringRound: 1,
            choices: lazyChoices(maker, chosen) as never,
            caseKey: maker.caseKey,
            status,
            submittedAt: status === 'submitted' ? at(sitting.heldOn, 10) : null,
            total: result.memberScores[m]!.total,
            version: 1,
            updatedAt: at(sitting.heldOn, 10),
          });
        });
        updatedOn = sitting.heldOn;
        if (finished) {
          const star = result.star ?? 0;
          councilScore = result.score;
          councilStar = result.star;
          rows.council_results.push({
            dossierId: id,
            level: 'province',
            sessionId: sitting.id,
            scoringRound: 1,
            scoredOn: sitting.heldOn,
            score: result.score,
            star,
            partA: result.parts.find((x) => x.code === 'A')?.meanPoints ?? 0,
            partB: result.parts.find((x) => x.code === 'B')?.meanPoints ?? 0,
            partC: result.parts.find((x) => x.code === 'C')?.meanPoints ?? 0,
            memberTotals: [...result.memberTotals],
            result: compactResult(result),
            createdAt: at(sitting.heldOn, 17),
          });
          const toMinistry = star === 5 && (!p.current || wantsMinistry);
          if (p.current && state === 'scored') {
            // scored, waiting for the decision
          } else if (toMinistry) {
            const approval = decisionOf('approval', 'province', subject.provinceCode, p.year, p.number, beforeToday(addDays(dates.decision, -5), 2));
            rows.decision_items.push({
              decisionId: approval.id,
              dossierId: id,
              productId: product.id,
              star: null,
              score: result.score,
              productName: product.name,
              ocopCode: product.ocopCode,
              subjectName: subject.name,
            });
            ministryRoundId = ministryRounds.get(p.year) ?? null;
            updatedOn = approval.signedOn;
            if (p.current) state = wantsMinistry ? state : 'approved';
            else {
              state = 'ministry_decided';
              centralScore = result.score;
              centralStar = 5;
              decidedStar = 5;
              const decision = decisionOf('recognition', 'ministry', null, p.year, p.number, beforeToday(dates.ministry, 1));
              rows.decision_items.push({
                decisionId: decision.id,
                dossierId: id,
                productId: product.id,
                star: 5,
                score: result.score,
                productName: product.name,
                ocopCode: product.ocopCode,
                subjectName: subject.name,
              });
              held.push(issue(product, id, decision, 5, result.score, 'ministry', held));
              updatedOn = decision.signedOn;
            }
          } else {
            state = 'decided';
            const recognisedStar = star >= 3 ? Math.min(star, 4) : null;
            decidedStar = recognisedStar;
            const decision = decisionOf('recognition', 'province', subject.provinceCode, p.year, p.number, beforeToday(dates.decision, 1));
            rows.decision_items.push({
              decisionId: decision.id,
              dossierId: id,
              productId: product.id,
              star: recognisedStar,
              score: result.score,
              productName: product.name,
              ocopCode: product.ocopCode,
              subjectName: subject.name,
            });
            if (recognisedStar) held.push(issue(product, id, decision, recognisedStar, result.score, 'province', held));
            updatedOn = decision.signedOn;
          }
        }
      } else if (!p.current) state = p.state;

      rows.dossiers.push({
        id,
        productId: product.id,
        subjectId: subject.id,
        provinceCode: subject.provinceCode,
        communeCode: subject.communeCode,
        roundId,
        ministryRoundId,
        kind,
        state,
        legalBasis: CURRENT_CRITERIA_BASIS,
        setNumber: product.kind.set,
        registration: { representativeName: subject.person, address: subject.address, phone: subject.phone },
        samples: 3,
        submittedOn: state === 'draft' ? null : submittedOn,
        councilScore,
        councilStar,
        centralScore,
        centralStar,
        decidedStar,
        version: 1,
        createdAt: at(addDays(submittedOn, -3)),
        updatedAt: at(updatedOn > today ? today : updatedOn, 15),
      });
    }
  }

  /** A certificate issued by a decision; the product's earlier certificate in force is replaced on the same day. */
  function issue(
    product: Product,
    dossierId: string,
    decision: { id: string; signedOn: IsoDate },
    star: number,
    score: number,
    level: 'province' | 'ministry',
    held: Held[],
  ): Held {
    const issuedOn = decision.signedOn;
    const scope = level === 'ministry' ? 'TW' : product.subject.provinceCode;
    const year = Number(issuedOn.slice(0, 4));
    const serial = (certSerials.get(`${scope}|${year}`) ?? 0) + 1;
    certSerials.set(`${scope}|${year}`, serial);
    const id = newId('certificate');
    for (const h of held)
      if (!h.row.supersededOn && !h.row.revokedOn && h.expiresOn >= issuedOn) {
        h.row.supersededOn = issuedOn;
        h.row.supersededBy = id;
      }
    const expiresOn = certificateExpiry(issuedOn);
    const row: SeedRows['certificates'][number] = {
      id,
      number: formatCertificateNumber(scope, year, serial),
      productId: product.id,
      dossierId,
      decisionId: decision.id,
      level,
      provinceCode: product.subject.provinceCode,
      star,
      score,
      productName: product.name,
      subjectName: product.subject.name,
      issuedOn,
      expiresOn,
      verificationCode: verificationCode(bytes),
      createdAt: at(issuedOn, 16),
    };
    rows.certificates.push(row);
    return { id, productId: product.id, star, issuedOn, expiresOn, row };
  }

  // Revocations (Art. 8): a few certificates in force withdrawn for a violation, before they expired or were replaced.
  const revoking = rnd.fork(8);
  const grounds = Object.keys(REVOCATION_GROUNDS);
  for (const c of rows.certificates) {
    if (!revoking.chance(0.045)) continue;
    const end = [c.expiresOn, c.supersededOn ?? c.expiresOn, today].sort()[0]!;
    const span = Math.floor((Date.parse(end) - Date.parse(c.issuedOn)) / 86_400_000);
    if (span < 90) continue;
    const revokedOn = addDays(c.issuedOn, revoking.int(60, span - 1));
    if (c.supersededOn && revokedOn >= c.supersededOn) continue;
    if (c.supersededOn) {
      // Withdrawn before its replacement: the later certificate no longer replaces it.
      c.supersededOn = null;
      c.supersededBy = null;
    }
    c.revokedOn = revokedOn;
    c.violationConcludedOn = addDays(revokedOn, -revoking.int(3, 14));
    c.violationGround = revoking.pick(grounds);
    c.violationReference = `${revoking.int(10, 300)}/KL-TTr`;
    c.revocationGround = c.violationGround;
    c.revocationDecisionNo = `${revoking.int(1000, 3999)}/QĐ-${c.level === 'ministry' ? 'BNNMT' : 'UBND'}`;
    c.revocationSigner = person(revoking).name;
    c.revocationSignerTitle = c.level === 'ministry' ? 'Thứ trưởng' : 'Phó Chủ tịch';
  }
  for (const [key, lastSerial] of certSerials) {
    const [scope, year] = key.split('|');
    rows.certificate_counters.push({ scope: scope!, year: Number(year), lastSerial });
  }

  // --- Market access and programme activities --------------------------------------------------------
  const market = rnd.fork(9);
  const perProvince = (national: number, province: number) => Math.max(1, Math.round((input.scale === 'province' ? province : national) * factor));
  const productsOfProvince = new Map<string, Product[]>();
  for (const p of products) {
    const list = productsOfProvince.get(p.subject.provinceCode);
    if (list) list.push(p);
    else productsOfProvince.set(p.subject.provinceCode, [p]);
  }
  const certified = new Set(rows.certificates.map((c) => c.productId));
  for (const provinceCode of provinceCodes) {
    const province = provinceOf.get(provinceCode)!;
    const local = communes.filter((c) => c.province_code === provinceCode);
    const goods = productsOfProvince.get(provinceCode) ?? [];
    const makers = subjectsByProvince.get(provinceCode) ?? [];
    const shelf = goods.filter((g) => certified.has(g.id));

    for (let i = 0; i < perProvince(20, 14); i++) {
      const commune = market.pick(local);
      const kind =
        i === 0
          ? 'ocop_centre'
          : market.weighted([
              ['ocop_point', 5],
              ['shop', 3],
              ['supermarket_counter', 2],
            ] as const);
      const name =
        kind === 'ocop_centre'
          ? `Trung tâm Giới thiệu và bán sản phẩm OCOP ${province.name}`
          : kind === 'ocop_point'
            ? `Điểm giới thiệu và bán sản phẩm OCOP ${commune.name}${i > 1 ? ` ${i}` : ''}`
            : kind === 'shop'
              ? `Cửa hàng đặc sản OCOP ${market.pick(BRANDS)}`
              : `Quầy OCOP siêu thị ${market.pick(['Co.opmart', 'WinMart', 'MM Mega Market', 'GO!', 'Lotte Mart'])} ${commune.name}`;
      const openedOn = `${market.int(2020, lastYear - 1)}-${pad2(market.int(1, 12))}-${pad2(market.int(1, 28))}`;
      const closed = market.chance(0.08);
      const id = newId('salesPoint');
      rows.sales_points.push({
        id,
        provinceCode,
        externalCode: `DB${String(i + 1).padStart(4, '0')}`,
        kind,
        name,
        nameSearch: foldVietnamese(name),
        operator: market.chance(0.5) ? `${market.pick(['Hợp tác xã', 'Công ty TNHH'])} ${market.pick(BRANDS)}` : null,
        address: `Số ${market.int(1, 300)}, ${commune.full_name}, ${province.full_name}`,
        placement: 'in_province',
        communeCode: commune.code,
        locationType: market.pick(SALES_POINT_LOCATIONS),
        openedOn,
        status: closed ? 'closed' : 'active',
        closedOn: closed ? addDays(openedOn, market.int(200, 700)) : null,
        phone: phone(market),
        checklist: Object.fromEntries(SALES_POINT_CHECKLIST_CODES.map((c) => [c, market.chance(0.85)])),
        createdAt: at(openedOn),
        updatedAt: at(openedOn),
      });
      const carried = new Set<Product>();
      for (let k = 0, n = Math.min(shelf.length, market.int(5, 15)); k < n; k++) carried.add(market.pick(shelf));
      for (const product of carried) {
        const consent = market.weighted([
          ['given', 8],
          ['pending', 2],
        ] as const);
        rows.sales_point_products.push({
          salesPointId: id,
          productId: product.id,
          consent,
          consentOn: consent === 'given' ? addDays(openedOn, 7) : null,
          addedAt: at(openedOn, 11),
        });
      }
    }

    for (const year of years.filter((y) => y >= 2021))
      for (let e = 0; e < perProvince(2, 3); e++) {
        const kind = market.pick(TRADE_EVENT_KINDS);
        const startsOn = `${year}-${pad2(market.int(3, 11))}-${pad2(market.int(1, 24))}`;
        if (startsOn > today) continue;
        const endsOn = addDays(startsOn, market.int(2, 5));
        const ended = endsOn <= today;
        const commune = market.pick(local);
        const title =
          kind === 'fair'
            ? `Hội chợ sản phẩm OCOP ${province.name} năm ${year}`
            : kind === 'exhibition'
              ? `Triển lãm sản phẩm OCOP và làng nghề ${province.name} ${year}`
              : kind === 'culture_tourism_week'
                ? `Tuần lễ Văn hoá – Du lịch và sản phẩm OCOP ${province.name} ${year}`
                : `Hội nghị kết nối cung cầu sản phẩm OCOP ${province.name} ${year}`;
        const name = e ? `${title} (lần ${e + 1})` : title;
        const id = newId('event');
        const guests = new Set<Subject>();
        for (let k = 0, n = Math.min(makers.length, market.int(5, 15)); k < n; k++) guests.add(market.pick(makers));
        let revenue = 0;
        let booths = 0;
        const participants = [...guests].map((s) => {
          const b = market.int(1, 3);
          const r = ended ? market.int(5, 120) * 1_000_000 : null;
          booths += b;
          revenue += r ?? 0;
          return { s, b, r };
        });
        rows.trade_events.push({
          id,
          provinceCode,
          externalCode: `SK${year}${e + 1}`,
          name,
          nameSearch: foldVietnamese(name),
          kind,
          startsOn,
          endsOn,
          placement: 'in_province',
          place: `Quảng trường trung tâm, ${commune.full_name}`,
          communeCode: commune.code,
          organiser: 'Sở Công Thương',
          booths,
          visitors: ended ? market.int(2_000, 40_000) : null,
          revenueVnd: ended ? revenue : null,
          contracts: ended ? market.int(0, 25) : null,
          createdAt: at(addDays(startsOn, -20)),
          updatedAt: at(ended ? addDays(endsOn, 3) : addDays(startsOn, -20)),
        });
        for (const { s, b, r } of participants) {
          rows.trade_event_participants.push({ eventId: id, subjectId: s.id, booths: b, revenueVnd: r });
          const theirs = productsBySubject.get(s) ?? [];
          for (const product of theirs.slice(0, 2)) rows.trade_event_products.push({ eventId: id, productId: product.id });
        }
      }

    for (const year of years.filter((y) => y >= 2021))
      for (let k = 0; k < perProvince(2, 3); k++) {
        const area = SUPPORT_AREAS[(year + k) % SUPPORT_AREAS.length]!;
        const budget = market.int(5, 30) * 100_000_000;
        const id = newId('policy');
        rows.support_policies.push({
          id,
          provinceCode,
          externalCode: `CS${year}-${k + 1}`,
          name: `Hỗ trợ ${SUPPORT_AREA_LABELS[area].vi.toLowerCase()} cho chủ thể OCOP năm ${year}`,
          area,
          legalBasis: `Nghị quyết số ${market.int(10, 99)}/${year - 1}/NQ-HĐND`,
          year,
          budgetVnd: budget,
          createdAt: at(`${year}-01-20`),
          updatedAt: at(`${year}-01-20`),
        });
        let spent = 0;
        for (let g = 0, n = Math.min(makers.length, market.int(3, 12)); g < n; g++) {
          const amount = market.int(2, 20) * 5_000_000;
          if (spent + amount > budget) break;
          const grantedOn = `${year}-${pad2(market.int(3, 11))}-${pad2(market.int(1, 28))}`;
          if (grantedOn > today) break;
          spent += amount;
          const s = market.pick(makers);
          rows.support_grants.push({
            id: newId('grant'),
            policyId: id,
            externalCode: `HT${year}-${k + 1}-${g + 1}`,
            subjectId: s.id,
            productId: (productsBySubject.get(s) ?? [])[0]?.id ?? null,
            content: `Hỗ trợ ${SUPPORT_AREA_LABELS[area].vi.toLowerCase()}`,
            amountVnd: amount,
            fundingSource: market.pick(['central', 'province', 'commune', 'socialised'] as const),
            grantedOn,
            status: grantedOn < `${lastYear}-01-01` ? 'disbursed' : 'approved',
            createdAt: at(grantedOn),
            updatedAt: at(grantedOn),
          });
        }
      }
  }

  const platforms = Object.keys(ECOMMERCE_PLATFORMS).filter((p) => p !== 'other' && p !== 'own_website' && p !== 'province_floor') as EcommercePlatform[];
  const slug = (s: string) =>
    foldVietnamese(s)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  const urls = new Set<string>();
  for (const product of products) {
    if (!certified.has(product.id) || !market.chance(0.3)) continue;
    const platform = market.pick(platforms);
    const n = 10_000_000 + product.index;
    const raw: Partial<Record<EcommercePlatform, string>> = {
      shopee: `https://shopee.vn/${slug(product.name)}-i.${n}.${market.int(1000, 9999)}`,
      lazada: `https://www.lazada.vn/products/${slug(product.name)}-i${n}.html`,
      tiki: `https://tiki.vn/${slug(product.name)}-p${n}.html`,
      postmart: `https://postmart.vn/san-pham/${slug(product.name)}-${n}`,
      voso: `https://voso.vn/${slug(product.name)}-${n}`,
      tiktok_shop: `https://shop.tiktok.com/view/product/${n}${market.int(1000, 9999)}`,
    };
    const text = raw[platform];
    if (!text) continue;
    const normalised = normaliseListingUrl(text);
    const url = normalised.ok ? normalised.url : text;
    if (urls.has(url)) continue;
    urls.add(url);
    const since = `${market.int(Math.max(2021, product.codeYear), lastYear)}-${pad2(market.int(1, 11))}-${pad2(market.int(1, 28))}`;
    const day = since > today ? today : since;
    rows.ecommerce_listings.push({
      id: newId('listing'),
      productId: product.id,
      platform,
      url,
      status: 'approved',
      active: market.chance(0.9),
      lastCheckedOn: today,
      createdAt: at(day),
      updatedAt: at(day),
    });
  }

  // --- The audit trail: one entry per table written, saying what the seed wrote -----------------------
  for (const table of Object.keys(rows) as SeedTable[]) {
    if (table === 'audit_log' || !rows[table].length) continue;
    rows.audit_log.push({
      at: at(today, 7),
      actorUserId: null,
      actorLabel: 'ocop seed',
      action: 'create',
      entityType: table,
      entityId: `seed:${input.seed}`,
      before: null,
      after: { rows: rows[table].length, seed: input.seed, scale: input.scale, today, ...(input.scale === 'province' ? { province: input.provinceCode } : {}) },
    });
  }
  return { rows, sizes };
}
