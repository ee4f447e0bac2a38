/**
 * Certificates over a generated registry (bench/support/national-registry.ts), written straight to the
 * database as test/support/certificates.ts does for tests: the issuing path itself (council, decision,
 * certificate) is tested elsewhere and would only cost time here.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { certificateExpiry, verificationCode } from '../../src/domain/certificates/validity.js';
import { addDays, addMonths, type IsoDate } from '../../src/domain/dates/calendar.js';
import type { Db } from '../../src/server/db/client.js';
import { certificates, decisions } from '../../src/server/db/schema/index.js';
import { between, chance, random, type ProductRow, type SubjectRow } from './national-registry.js';

type CertificateRow = typeof certificates.$inferInsert & { id: string; issuedOn: string };
type DecisionRow = typeof decisions.$inferInsert & { id: string };

/**
 * Certificates for about a third of the products, in every standing: most in force, some expired,
 * some revoked, and some superseded by a later certificate (re-rating or upgrade) that is in force.
 * Every province (and the ministry, for 5★) signs two recognition decisions a year, 2019 to today;
 * each certificate names one of them and carries its date. Inserted 1,000 rows at a time.
 */
export async function seedCertificates(
  db: Db,
  registry: { subjects: SubjectRow[]; products: ProductRow[] },
  opts: { today: IsoDate; share: number },
): Promise<{ decisions: number; certificates: number }> {
  const { today } = opts;
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
        id: randomUUID(),
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
  function issue(product: ProductRow, star: number, when: (day: string) => boolean): CertificateRow {
    const subject = subjectOf.get(product.subjectId)!;
    const scope = star === 5 ? 'TW' : subject.provinceCode;
    const eligible = daysOf(scope).filter(when);
    if (!eligible.length) throw new Error(`no decision day for ${scope}`);
    const issuedOn = eligible[Math.floor(random() * eligible.length)]!;
    const year = issuedOn.slice(0, 4);
    const serial = (serials.get(`${scope}-${year}`) ?? 0) + 1;
    serials.set(`${scope}-${year}`, serial);
    const row: CertificateRow = {
      id: randomUUID(),
      number: `OCOP-${scope}-${year}-${String(serial).padStart(4, '0')}`,
      productId: product.id,
      decisionId: decisionOf(scope, issuedOn).id,
      level: star === 5 ? 'ministry' : 'province',
      provinceCode: subject.provinceCode,
      star,
      score: scoreOf(star),
      productName: product.name,
      subjectName: subject.name,
      issuedOn,
      expiresOn: certificateExpiry(issuedOn),
      verificationCode: verificationCode((n) => randomBytes(n)),
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
  const started = Date.now();
  const decisionList = [...decisionRows.values()];
  for (let i = 0; i < decisionList.length; i += 1000) await db.insert(decisions).values(decisionList.slice(i, i + 1000));
  for (let i = 0; i < rows.length; i += 1000) {
    await db.insert(certificates).values(rows.slice(i, i + 1000));
    process.stdout.write(`\r  giấy chứng nhận / certificates ${Math.min(i + 1000, rows.length)}/${rows.length}   `);
  }
  await db.execute(sql`analyze`);
  console.log(`\n  ${decisionList.length} decisions, ${rows.length} certificates in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { decisions: decisionList.length, certificates: rows.length };
}
