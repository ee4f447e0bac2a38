/**
 * The registry of the whole country as the registry, indicator and portal benchmarks use it:
 * producers spread over every commune (or one province's), their products with OCOP codes numbered
 * per commune, and certificates for a share of them in every standing. Pure generation from a random
 * stream; nationalSeedRepository writes the rows. `ocop seed --scale` builds its richer data set on
 * the same words (national-plan.ts).
 */
import { certificateExpiry, verificationCode } from '../../../domain/certificates/validity.js';
import { addDays, addMonths, type IsoDate } from '../../../domain/dates/calendar.js';
import { formatCertificateNumber, formatProductCode } from '../../../domain/identifiers/index.js';
import { foldVietnamese, vietnameseSortKey } from '../../../domain/text/vietnamese.js';
import { FORM_NAMES, FORMS, KINDS, PLACES, QUALIFIERS } from './names.js';
import type { CertificateInsert, DecisionInsert, ProductInsert, SubjectInsert } from './national.repository.js';

export type SubjectRow = SubjectInsert & { id: string; communeCode: string };
export type ProductRow = ProductInsert & { id: string };
export type CommuneRef = { code: string; province_code: string };

/** A uniform random number in [0, 1), the helpers below draw from it. */
export type Draw = () => number;
export const pickWith = <T>(random: Draw, xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
export const betweenWith = (random: Draw, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

/**
 * Producers spread over the communes given, and their products: each producer has at least one, the
 * rest go to producers drawn at random; names from the lists of names.ts, OCOP codes numbered per
 * commune. `newId` names each row (random UUIDs in the benchmarks).
 */
export function planRegistry(
  random: Draw,
  communes: readonly CommuneRef[],
  opts: { subjects: number; products: number; codeYear?: number; newId: () => string },
): { subjects: SubjectRow[]; products: ProductRow[] } {
  if (!communes.length) throw new Error('no communes');
  const pick = <T>(xs: readonly T[]) => pickWith(random, xs);
  const subjectRows: SubjectRow[] = [];
  for (let i = 0; i < opts.subjects; i++) {
    const commune = pick(communes);
    const form = pick(FORMS);
    const name = `${FORM_NAMES[form]} ${pick(KINDS)} ${pick(PLACES)} ${i + 1}`;
    subjectRows.push({
      id: opts.newId(),
      provinceCode: commune.province_code,
      communeCode: commune.code,
      name,
      nameSearch: foldVietnamese(name),
      sortKey: vietnameseSortKey(name),
      legalForm: form,
    });
  }
  const productRows: ProductRow[] = [];
  const serials = new Map<string, number>();
  for (let i = 0; i < opts.products; i++) {
    const subject = subjectRows[i < opts.subjects ? i : Math.floor(random() * opts.subjects)]!;
    const serial = (serials.get(subject.communeCode) ?? 0) + 1;
    serials.set(subject.communeCode, serial);
    const name = `${pick(KINDS)} ${pick(QUALIFIERS)} ${pick(PLACES)}`;
    productRows.push({
      id: opts.newId(),
      subjectId: subject.id,
      name,
      nameSearch: foldVietnamese(name),
      sortKey: vietnameseSortKey(name),
      criteriaLegalBasis: '26/2026/QĐ-TTg',
      criteriaSetNumber: 1 + Math.floor(random() * 26),
      ocopCode: formatProductCode({ provinceCode: subject.provinceCode!, communeCode: subject.communeCode, serial, year: opts.codeYear ?? 2026 }),
    });
  }
  return { subjects: subjectRows, products: productRows };
}

export type CertificateRow = CertificateInsert & { id: string; issuedOn: string };
export type DecisionRow = DecisionInsert & { id: string };

/**
 * Certificates for a share of the products, in every standing: most in force, some expired, some
 * revoked, and some superseded by a later certificate (re-rating or upgrade) that is in force. Every
 * province (and the ministry, for 5★) signs two recognition decisions a year, 2019 to today; each
 * certificate names one of them and carries its date.
 */
export function planCertificates(
  random: Draw,
  registry: { subjects: readonly SubjectRow[]; products: readonly ProductRow[] },
  opts: { today: IsoDate; share: number; newId: () => string },
): { decisions: DecisionRow[]; certificates: CertificateRow[] } {
  const { today } = opts;
  const between = (lo: number, hi: number) => betweenWith(random, lo, hi);
  const chance = (p: number) => random() < p;
  const subjectOf = new Map(registry.subjects.map((s) => [s.id, s]));
  const lastYear = Number(today.slice(0, 4));
  const days = new Map<string, string[]>();
  const daysOf = (scope: string) => {
    let list = days.get(scope);
    if (!list) {
      list = [];
      for (let year = 2019; year <= lastYear; year++)
        for (const month of ['06', '11']) {
          const day = `${year}-${month}-${String(between(5, 28)).padStart(2, '0')}`;
          if (day <= today) list.push(day);
        }
      days.set(scope, list);
    }
    return list;
  };
  const decisionRows = new Map<string, DecisionRow>();
  const decisionCount = new Map<string, number>();
  const decisionOf = (scope: string, signedOn: string) => {
    const key = `${scope}|${signedOn}`;
    let row = decisionRows.get(key);
    if (!row) {
      const n = (decisionCount.get(scope) ?? 0) + 1;
      decisionCount.set(scope, n);
      const ministry = scope === 'TW';
      row = {
        id: opts.newId(),
        kind: 'recognition',
        number: `${100 + n}/QĐ-${ministry ? 'BNNMT' : 'UBND'}`,
        signedOn,
        signer: ministry ? 'Trần Văn Bình' : 'Nguyễn Văn An',
        signerTitle: ministry ? 'Thứ trưởng' : 'Phó Chủ tịch',
        level: ministry ? 'ministry' : 'province',
        provinceCode: ministry ? null : scope,
      };
      decisionRows.set(key, row);
    }
    return row;
  };
  const serials = new Map<string, number>();
  const rows: CertificateRow[] = [];
  const starOf = () => {
    const r = random();
    return r < 0.66 ? 3 : r < 0.97 ? 4 : 5;
  };
  const scoreOf = (star: number) => Math.round((star === 3 ? 50 + random() * 20 : star === 4 ? 70 + random() * 20 : 90 + random() * 8) * 10) / 10;
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
  function issue(product: ProductRow, star: number, when: (day: string) => boolean): CertificateRow {
    const subject = subjectOf.get(product.subjectId)!;
    const scope = star === 5 ? 'TW' : subject.provinceCode!;
    const eligible = daysOf(scope).filter(when);
    if (!eligible.length) throw new Error(`no decision day for ${scope}`);
    const issuedOn = eligible[Math.floor(random() * eligible.length)]!;
    const year = Number(issuedOn.slice(0, 4));
    const serial = (serials.get(`${scope}-${year}`) ?? 0) + 1;
    serials.set(`${scope}-${year}`, serial);
    const row: CertificateRow = {
      id: opts.newId(),
      number: formatCertificateNumber(scope, year, serial),
      productId: product.id,
      decisionId: decisionOf(scope, issuedOn).id,
      level: star === 5 ? 'ministry' : 'province',
      provinceCode: subject.provinceCode!,
      star,
      score: scoreOf(star),
      productName: product.name,
      subjectName: subject.name,
      issuedOn,
      expiresOn: certificateExpiry(issuedOn),
      verificationCode: verificationCode(bytes),
    };
    rows.push(row);
    return row;
  }
  const inForce = (day: string) => certificateExpiry(day) >= today;
  for (const product of registry.products) {
    if (!chance(opts.share)) continue;
    const r = random();
    if (r < 0.68) issue(product, starOf(), inForce);
    else if (r < 0.82) issue(product, starOf(), (day) => !inForce(day));
    else if (r < 0.87) {
      const c = issue(product, starOf(), inForce);
      const revokedOn = addDays(c.issuedOn, between(30, 700));
      Object.assign(c, { revokedOn: revokedOn < today ? revokedOn : today, revocationGround: 'd', revocationDecisionNo: `${between(1, 999)}/QĐ-UBND-TH` });
    } else {
      // Re-rated or upgraded: the earlier certificate replaced on the day of the later one.
      const newer = issue(product, starOf(), (day) => inForce(day) && day >= '2021-01-01');
      const older = issue(
        product,
        Math.max(3, newer.star - (chance(0.5) ? 1 : 0)),
        (day) => day <= addMonths(newer.issuedOn, -6) && certificateExpiry(day) >= newer.issuedOn,
      );
      Object.assign(older, { supersededOn: newer.issuedOn, supersededBy: newer.id });
    }
  }
  return { decisions: [...decisionRows.values()], certificates: rows };
}
