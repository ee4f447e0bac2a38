import { randomUUID } from 'node:crypto';
import { verificationCode } from '../../domain/certificates/validity.js';
import { CURRENT_CRITERIA_BASIS } from '../../domain/criteria/legal-bases.js';
import { checkHistoricalResult } from '../../domain/evaluation/historical-results.js';
import { formatProductCode, gtinCheckDigit, formatCertificateNumber } from '../../domain/identifiers/index.js';
import { foldVietnamese, vietnameseSortKey } from '../../domain/text/vietnamese.js';
import type { Db } from '../db/client.js';
import { createFileStorage, type FileStorage } from '../lib/file-storage.js';
import { recordAudits, SYSTEM_ACTOR, type AuditActor } from '../modules/audit/audit.service.js';
import { createProductsService } from '../modules/products/products.service.js';
import { productsRepository } from '../modules/products/products.repository.js';
import { referenceRepository } from '../modules/reference/reference.repository.js';
import { subjectsRepository } from '../modules/subjects/subjects.repository.js';
import { usersRepository } from '../modules/users/users.repository.js';
import { DEMO_ACCOUNTS, DEMO_PROVINCE, DEMO_SUBJECTS } from './demo.js';
import { planDemoHistory, type DemoPlan, type PlannedProduct } from './demo-history-plan.js';
import { demoHistoryRepository } from './demo-history.repository.js';
import { demoPhoto } from './demo-photos.js';
import { seededRandom, type Random } from './demo-random.js';
import { seedDemoActivities, type DemoActivitiesSummary } from './demo-activities.js';
import { playCurrentRound, type RoundSummary } from './demo-round.js';

/** The seed of the demo history: change it and every name, score and date drawn from it changes. */
const DEMO_SEED = 822_026;

export type DemoHistorySummary = {
  subjects: number;
  products: number;
  results: number;
  decisions: number;
  certificates: number;
  photos: number;
  round: RoundSummary;
  activities: DemoActivitiesSummary;
};

/**
 * The demo province's past and present, on top of seedDemo: results of 2019 to round 1 of 2026
 * recorded as earlier results (what a province brings from before the platform), with the decisions
 * that recognised them and the certificates those issued, replaced, left to expire or revoked; photos
 * of products; and the current round played through the platform's own services. Only ever run with
 * the demo (never in production), once, right after seedDemo created the demo province.
 */
export async function seedDemoHistory(
  db: Db,
  /** Photos and papers go to `storage` (the configured one), else to the data folder's. */
  opts: { dataDir: string; storage?: FileStorage; log?: (message: string) => void; today?: string },
): Promise<DemoHistorySummary> {
  const log = opts.log ?? (() => {});
  const storage = opts.storage ?? createFileStorage(opts.dataDir);
  const started = Date.now();
  const admin = await usersRepository.findByEmail(db, DEMO_ACCOUNTS[0]!.email);
  if (!admin) throw new Error('The demo history needs the demo province: seed it first.');
  log('Tạo lịch sử Chương trình OCOP mẫu 2019–2026…');

  const rnd = seededRandom(DEMO_SEED);
  const communes = new Map((await referenceRepository.communesOf(db, DEMO_PROVINCE)).map((c) => [c.code, { name: c.name, fullName: c.fullName }]));
  const plan = planDemoHistory(rnd.fork(1), {
    communes,
    existing: DEMO_SUBJECTS.map((s) => ({ code: s.code, name: s.name, legalForm: s.legalForm, communeCode: s.communeCode, products: s.products })),
  });

  const ids = await writeRecords(db, plan, rnd.fork(2));
  const photos = await addPhotos(db, plan, ids, storage, admin.id, admin.email);
  const round = await playCurrentRound(db, { plan, productIds: ids.products, subjectIds: ids.subjects, storage, rnd: rnd.fork(3) });
  const activities = await seedDemoActivities(db, rnd.fork(4), opts.today ?? new Date().toISOString().slice(0, 10));

  const summary: DemoHistorySummary = {
    subjects: plan.subjects.filter((s) => !s.existing).length,
    products: plan.products.filter((p) => !p.existing).length,
    results: plan.results.length,
    decisions: plan.decisions.length + round.decisions,
    certificates: plan.certificates.length + round.certificates,
    photos,
    round,
    activities,
  };
  log(
    `Đã tạo lịch sử mẫu: ${summary.subjects} chủ thể, ${summary.products} sản phẩm, ${summary.results} kết quả đánh giá, ${summary.certificates} giấy chứng nhận, ${summary.photos} ảnh, ${round.dossiers} hồ sơ đợt 2 năm 2026, ${activities.salesPoints} điểm bán, ${activities.listings} kênh phân phối và gian hàng trực tuyến, ${activities.events} hội chợ, ${activities.grants} khoản hỗ trợ, ${activities.courses} lớp tập huấn, ${activities.ideas} ý tưởng sản phẩm (${((Date.now() - started) / 1000).toFixed(1)} s).`,
  );
  return summary;
}

type Ids = { subjects: Map<string, string>; products: Map<PlannedProduct, string> };

/** Certificate numbers as decisions on the platform give them: OCOP-<province or TW>-<year>-<serial>. */

/**
 * Subjects, products, decisions, results and certificates in one transaction (all of the past or
 * none), in bulk: the demo starts in seconds. Every result passes the checks an office's entry or an
 * import passes; certificates replace one another as a decision on the platform replaces them.
 */
async function writeRecords(db: Db, plan: DemoPlan, rnd: Random): Promise<Ids> {
  const subjectIds = new Map<string, string>();
  const productIds = new Map<PlannedProduct, string>();
  await db.transaction(async (tx) => {
    const audits: Parameters<typeof recordAudits>[2][number][] = [];

    for (const s of plan.subjects.filter((x) => x.existing)) {
      const row = await subjectsRepository.findByExternalCode(tx, DEMO_PROVINCE, s.code);
      if (!row) throw new Error(`Demo subject ${s.code} is missing`);
      subjectIds.set(s.code, row.id);
      const { items } = await productsRepository.list(tx, { kind: 'all' }, { subjectId: row.id }, { limit: 100, offset: 0 });
      for (const p of plan.products.filter((x) => x.subject === s)) {
        const found = items.find((i) => i.name === p.name);
        if (!found) throw new Error(`Demo product ${p.name} is missing`);
        productIds.set(p, found.id);
      }
    }

    const newSubjects = plan.subjects.filter((x) => !x.existing);
    for (const row of await demoHistoryRepository.insertSubjects(
      tx,
      newSubjects.map((s) => ({
        provinceCode: DEMO_PROVINCE,
        communeCode: s.communeCode,
        externalCode: s.code,
        name: s.name,
        nameSearch: foldVietnamese(s.name),
        sortKey: vietnameseSortKey(s.name),
        legalForm: s.legalForm,
        taxCode: s.taxCode,
        representativeName: s.representative,
        representativeGender: s.gender,
        representativeEthnicity: 'Kinh',
        address: s.address,
        phone: s.phone,
        foundedOn: s.foundedOn,
        workforceTotal: s.workforce[0],
        workforceLocal: s.workforce[1],
        workforceWomen: s.workforce[2],
      })),
    )) {
      subjectIds.set(row.externalCode!, row.id);
      audits.push({ action: 'create', entityType: 'subject', entityId: row.id, after: row });
    }

    // Product codes continue each commune's serial of the year (seedDemo has used some of 2026's).
    const serials = new Map((await demoHistoryRepository.productCodeCounters(tx)).map((c) => [`${c.communeCode}:${c.year}`, c.lastSerial]));
    const newProducts = plan.products.filter((p) => !p.existing);
    const byCode = new Map<string, PlannedProduct>();
    const productRows = newProducts.map((p) => {
      const s = p.subject;
      const key = `${s.communeCode}:${p.codeYear}`;
      const serial = (serials.get(key) ?? 0) + 1;
      serials.set(key, serial);
      const ocopCode = formatProductCode({ provinceCode: DEMO_PROVINCE, communeCode: s.communeCode, serial, year: p.codeYear });
      byCode.set(ocopCode, p);
      return {
        subjectId: subjectIds.get(s.code)!,
        name: p.name,
        nameSearch: foldVietnamese(p.name),
        sortKey: vietnameseSortKey(p.name),
        criteriaLegalBasis: CURRENT_CRITERIA_BASIS,
        criteriaSetNumber: p.kind.set,
        description: description(p),
        ingredients: p.kind.ingredients ?? null,
        packaging: p.kind.packaging ?? null,
        netContent: p.kind.netContent ?? null,
        barcode: s.legalForm === 'HKD' || s.legalForm === 'CSSX' || s.legalForm === 'THT' || p.kind.set > 20 ? null : barcode(rnd),
        ocopCode,
      };
    });
    for (const row of await demoHistoryRepository.insertProducts(tx, productRows)) {
      productIds.set(byCode.get(row.ocopCode!)!, row.id);
      audits.push({ action: 'create', entityType: 'product', entityId: row.id, after: row });
    }
    await demoHistoryRepository.setProductCodeCounters(
      tx,
      [...serials].map(([key, lastSerial]) => ({ communeCode: key.split(':')[0]!, year: Number(key.split(':')[1]), lastSerial })),
    );

    const decisionIds = new Map<string, string>();
    const decisionRows = await demoHistoryRepository.insertDecisions(
      tx,
      plan.decisions.map((d) => ({
        kind: 'recognition' as const,
        number: d.number,
        signedOn: d.signedOn,
        signer: d.signer,
        signerTitle: d.signerTitle,
        level: d.level,
        provinceCode: d.level === 'province' ? DEMO_PROVINCE : null,
      })),
    );
    // Matched by number (unique at each level), not by position: RETURNING promises no order.
    const planned = new Map(plan.decisions.map((d) => [`${d.level}:${d.number}`, d.key]));
    for (const row of decisionRows) {
      decisionIds.set(planned.get(`${row.level}:${row.number}`)!, row.id);
      audits.push({ action: 'create', entityType: 'decision', entityId: row.id, after: row });
    }

    const resultRows = plan.results.map((r) => {
      const values = {
        productId: productIds.get(r.product)!,
        year: r.year,
        round: r.round,
        level: r.level,
        kind: r.kind,
        score: r.score,
        star: r.star,
        decisionNo: r.decision.number,
        decisionDate: r.decision.signedOn,
        legalBasis: r.legalBasis,
      };
      // The checks an office's entry or an import passes: a plan that breaks a rule stops here.
      const problems = checkHistoricalResult(values);
      if (problems.length) throw new Error(`${r.product.name} ${r.year}: ${problems.map((m) => m.en).join(' ')}`);
      return values;
    });
    for (const row of await demoHistoryRepository.insertResults(tx, resultRows))
      audits.push({ action: 'create', entityType: 'historical_result', entityId: row.id, after: row });

    // In the order they were issued, each replacing the product's standing one from its issue day, as
    // certificatesRepository.supersedeOthers does for a decision on the platform.
    const counters = new Map((await demoHistoryRepository.certificateCounters(tx)).map((c) => [`${c.scope}:${c.year}`, c.lastSerial]));
    const byIssue = [...plan.certificates].sort((a, b) => a.issuedOn.localeCompare(b.issuedOn));
    const certificateRows = byIssue.map((c) => {
      const scope = c.level === 'ministry' ? 'TW' : DEMO_PROVINCE;
      const year = Number(c.issuedOn.slice(0, 4));
      const serial = (counters.get(`${scope}:${year}`) ?? 0) + 1;
      counters.set(`${scope}:${year}`, serial);
      const r = c.revocation;
      return {
        id: randomUUID(),
        number: formatCertificateNumber(scope, year, serial),
        productId: productIds.get(c.product)!,
        decisionId: decisionIds.get(c.decision.key)!,
        level: c.level,
        provinceCode: DEMO_PROVINCE,
        star: c.star,
        score: c.score,
        productName: c.product.name,
        subjectName: c.product.subject.name,
        issuedOn: c.issuedOn,
        expiresOn: c.expiresOn,
        // Drawn from the seeded generator so the demo's QR codes stay the same from run to run.
        verificationCode: verificationCode((n) => rnd.bytes(n)),
        supersededOn: null as string | null,
        supersededBy: null as string | null,
        violationConcludedOn: r?.concludedOn ?? null,
        violationGround: r?.ground ?? null,
        violationReference: r?.reference ?? null,
        revokedOn: r && !r.pending ? r.decidedOn! : null,
        revocationGround: r && !r.pending ? r.ground : null,
        revocationDecisionNo: r && !r.pending ? r.decisionNo! : null,
        revocationNote: r && !r.pending ? (r.note ?? null) : null,
        revocationSigner: r && !r.pending ? REVOKING_SIGNER.signer : null,
        revocationSignerTitle: r && !r.pending ? REVOKING_SIGNER.signerTitle : null,
      };
    });
    for (const [i, row] of certificateRows.entries())
      for (const earlier of certificateRows.slice(0, i))
        if (earlier.productId === row.productId && !earlier.supersededOn && !earlier.revokedOn) {
          earlier.supersededOn = row.issuedOn;
          earlier.supersededBy = row.id;
        }
    for (const row of await demoHistoryRepository.insertCertificates(tx, certificateRows)) {
      audits.push({
        action: 'create',
        entityType: 'certificate',
        entityId: row.id,
        after: { ...row, supersededOn: null, supersededBy: null, revokedOn: null },
      });
      if (row.supersededOn)
        audits.push({
          action: 'update',
          entityType: 'certificate',
          entityId: row.id,
          before: { supersededOn: null },
          after: { supersededOn: row.supersededOn, supersededBy: row.supersededBy },
        });
      if (row.revokedOn)
        audits.push({
          action: 'update',
          entityType: 'certificate',
          entityId: row.id,
          before: { revokedOn: null },
          after: { revokedOn: row.revokedOn, ground: row.revocationGround, decisionNo: row.revocationDecisionNo, signer: row.revocationSigner },
        });
    }
    await demoHistoryRepository.setCertificateCounters(
      tx,
      [...counters].map(([key, lastSerial]) => ({ scope: key.split(':')[0]!, year: Number(key.split(':')[1]), lastSerial })),
    );
    await recordAudits(tx, SYSTEM_ACTOR, audits);
  });
  return { subjects: subjectIds, products: productIds };
}

const REVOKING_SIGNER = { signer: 'Trần Minh Khoa', signerTitle: 'Phó Chủ tịch' };

/** A line for the product page, from what the product is and where it is made. */
function description(p: PlannedProduct): string {
  const place = p.subject.address.split(', ').pop() ?? '';
  if (p.kind.set === 26) return `Điểm du lịch của ${p.subject.name} tại ${place}, tỉnh Đồng Tháp: tham quan, trải nghiệm làm vườn, ẩm thực địa phương.`;
  const from = p.kind.ingredients ? ` từ ${p.kind.ingredients.toLowerCase()}` : '';
  return `${p.kind.name} của ${p.subject.name} (${place}, tỉnh Đồng Tháp), làm${from} theo quy trình của cơ sở.`;
}

/** A GTIN-13 under Vietnam's GS1 prefix 893, with its check digit. */
function barcode(rnd: Random): string {
  const body = `893${String(rnd.int(0, 999_999_999)).padStart(9, '0')}`;
  return `${body}${gtinCheckDigit(body)}`;
}

/** Photos through the products service, as an office uploading them would: stored with their thumbnails. */
async function addPhotos(db: Db, plan: DemoPlan, ids: Ids, storage: FileStorage, adminId: string, adminEmail: string): Promise<number> {
  const products = createProductsService(db, storage);
  const actor = { kind: 'user', userId: adminId, role: 'admin', provinceCode: DEMO_PROVINCE, communeCodes: [], subjectId: null } as const;
  const audit: AuditActor = { userId: adminId, label: adminEmail, ip: null };
  let n = 0;
  for (const p of plan.products) {
    if (!p.photo) continue;
    await products.addPhoto(actor, audit, ids.products.get(p)!, await demoPhoto(p.kind.motif, p.name));
    n++;
  }
  return n;
}
