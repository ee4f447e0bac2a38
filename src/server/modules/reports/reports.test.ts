import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS } from '../../../domain/indicators/index.js';
import { createTestApp, DEMO, type Client, type TestApp } from '../../../../test/support/app.js';
import { docxText } from '../../../../test/support/documents.js';
import { multipartFiles } from '../../../../test/support/multipart.js';
import { HISTORY, workbook } from '../../../../test/support/workbooks.js';
import {
  businessPlans,
  communicationItems,
  productIdeas,
  salesPoints,
  supportGrants,
  supportPolicies,
  trainingAttendees,
  trainingCourses,
  tradeEventParticipants,
  tradeEvents,
} from '../../db/schema/index.js';
import { INDICATOR_QUERIES } from '../indicators/indicators.repository.js';
import { scoredDossier, setUpCouncil } from '../../../../test/support/evaluation.js';

let t: TestApp;
let admin: Client;

async function importHistory() {
  const { payload, headers } = multipartFiles([{ name: 'lich-su.xlsx', data: await workbook(HISTORY) }]);
  const { id } = (await admin.request('POST', '/api/v1/imports', payload, { headers })).body;
  const wait = async () => {
    for (;;) {
      const job = (await admin.get(`/api/v1/imports/${id}`)).body;
      if (job.status !== 'validating' && job.status !== 'committing') return job;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  expect((await wait()).status).toBe('validated');
  await admin.post(`/api/v1/imports/${id}/commit`);
  expect((await wait()).status).toBe('committed');
}
const report = async (year: number) => {
  const res = await admin.get(`/api/v1/reports/annual?year=${year}&format=json`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2026-09-20T03:00:00Z') });
  admin = await t.client(DEMO.admin);
});
afterAll(() => t.close());

describe('indicator catalogue', () => {
  it('has exactly one query per indicator', () => {
    expect(Object.keys(INDICATOR_QUERIES).sort()).toEqual(INDICATORS.map((i) => i.code).sort());
  });
});

describe('annual report', () => {
  it('counts, for 2024, each product once with its last result at a level able to recognise it (hand-computed)', async () => {
    const empty = await report(2024);
    expect(empty.evaluated.products).toBe(0);
    await importHistory();
    const r = await report(2024);
    // SP01 upgrade 4★; SP02 district 3★ (148); SP03 province, not recognised (its commune result never counts);
    // SP04 round 2 upgrade 4★ at 92; SP05 centre 5★ at 91 after the province's 4★; SP06 3★ without a score;
    // SP07 re-rated 3★.
    expect(r).toMatchObject({
      year: 2024,
      evaluated: { products: 7, firstTime: 4, upgrade: 2, reRating: 1, subjects: 5 },
      subjects: { new: 3, returning: 2 },
      recognized: { products: 6, subjects: 4, byStar: { '3': 3, '4': 2, '5': 1 }, byLegalForm: { HTX: 2, HKD: 1, CSSX: 1 } },
      scoreAtLeast90: 2,
    });
    expect(Object.keys(r.recognized.byLegalForm).sort()).toEqual(['CSSX', 'HKD', 'HTX']);
    // Standing at the end of 2024: all six recognitions of 2024 are within 36 months.
    expect(r.cumulative).toEqual({ products: 6, subjects: 4, byStar: { '3': 3, '4': 2, '5': 1 } });
    expect(r.byCommune).toEqual([
      { communeCode: '29905', name: expect.any(String), evaluated: 5, recognised: 4 },
      { communeCode: '30226', name: expect.any(String), evaluated: 2, recognised: 2 },
    ].sort((a, b) => r.byCommune.findIndex((c: { communeCode: string }) => c.communeCode === a.communeCode) - r.byCommune.findIndex((c: { communeCode: string }) => c.communeCode === b.communeCode)));

    // 2022: SP01 3★ at the province; its district screening under 1048 does not count.
    expect(await report(2022)).toMatchObject({
      evaluated: { products: 1, firstTime: 1, upgrade: 0, reRating: 0, subjects: 1 },
      subjects: { new: 1, returning: 0 },
      recognized: { products: 1, subjects: 1, byStar: { '3': 1, '4': 0, '5': 0 }, byLegalForm: { HTX: 1 } },
      scoreAtLeast90: 0,
    });
    // 2021: SP07 (CT05) is new then; by 2024 it is returning.
    expect((await report(2021)).subjects).toEqual({ new: 1, returning: 0 });
    // End of 2023: SP01's 2022 3★ and SP07's 2021 3★ still stand (36 months).
    expect((await report(2023)).cumulative).toEqual({ products: 2, subjects: 2, byStar: { '3': 2, '4': 0, '5': 0 } });
  });

  it('re-importing the same file gives identical figures', async () => {
    const before = await report(2024);
    await importHistory();
    expect(await report(2024)).toEqual(before);
  });

  it('writes the Word report in the plan’s style and layout, and the workbook behind it', async () => {
    const res = await admin.get('/api/v1/reports/annual?year=2024&format=docx');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('wordprocessingml');
    const text = docxText(res.raw);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP',
      '/BC-UBND',
      'BÁO CÁO',
      'Kết quả thực hiện Chương trình Mỗi xã một sản phẩm (OCOP) năm 2024',
      '1. Công tác chỉ đạo, điều hành',
      '2. Công tác truyền thông',
      '3. Triển khai thực hiện Chu trình OCOP',
      '4. Phát triển sản phẩm',
      '5. Củng cố, phát triển tổ chức kinh tế',
      '6. Hoạt động xúc tiến thương mại',
      'Năm 2024, tỉnh đã tổ chức đánh giá, xếp hạng 07 sản phẩm, có 04 sản phẩm thi lần đầu, 02 sản phẩm dự thi nâng hạng và 01 sản phẩm đánh giá lại khi hết hạn (với 05 chủ thể).',
      'Kết quả, có 06 sản phẩm (với 04 chủ thể) được công nhận đạt từ 3 sao trở lên (01 sản phẩm đạt 5 sao, 02 sản phẩm đạt 4 sao, 03 sản phẩm đạt 3 sao); 02 sản phẩm đạt từ 90 điểm trở lên.',
      'Trong đó có 03 chủ thể mới tham gia lần đầu và 02 chủ thể đã có sản phẩm được đánh giá những năm trước.',
      '(02 Hợp tác xã; 01 Cơ sở sản xuất kinh doanh; 01 Hộ kinh doanh)',
      '200/QĐ-UBND',
      // Nothing of the programme's activities was recorded for 2024: the sections say so.
      'Năm 2024, chưa ghi nhận tin, bài, phóng sự hay ấn phẩm tuyên truyền về Chương trình OCOP.',
      'Năm 2024, chưa ghi nhận lớp tập huấn, đào tạo về Chương trình OCOP.',
      'Năm 2024, chưa có ý tưởng sản phẩm được các xã, phường tiếp nhận.',
      'Năm 2024, chưa ghi nhận hội chợ, triển lãm, sự kiện xúc tiến thương mại có chủ thể OCOP tham gia.',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('Chưa theo dõi');
    expect(text).not.toContain('chưa ghi nhận số liệu');
    const xlsx = await admin.get('/api/v1/reports/annual?year=2024&format=xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Chỉ tiêu',
      'Theo xã',
      'Theo bộ sản phẩm',
      'Theo loại hình',
      'Truyền thông, tập huấn',
      'Phát triển sản phẩm',
      'Hỗ trợ theo lĩnh vực',
      'Xúc tiến thương mại',
      'Hội chợ, triển lãm',
    ]);
    expect(wb.getWorksheet('Tổng hợp')!.getRow(2).values).toEqual([undefined, 'Sản phẩm được đánh giá, phân hạng', 7]);
  });

  it('is the office’s alone', async () => {
    const officer = await t.client(DEMO.officer);
    expect((await officer.get('/api/v1/reports/annual?year=2024')).status).toBe(403);
    expect((await admin.get('/api/v1/reports/annual?year=1990')).status).toBe(400);
  });
});

describe('plans, indicators and dashboard', () => {
  it('saves a plan in one go, refuses a stale save, and shows its targets beside the figures', async () => {
    const body = {
      title: 'Kế hoạch số 122/KH-UBND ngày 14/4/2024 triển khai Chương trình OCOP năm 2024',
      narrative: 'II. KẾ HOẠCH NĂM 2024\n1. Mục tiêu…',
      targets: [
        { indicatorCode: 'products_recognised', communeCode: null, target: 10 },
        { indicatorCode: 'products_recognised', communeCode: '29905', target: 5 },
        { indicatorCode: 'people_trained', communeCode: null, target: 300 },
      ],
      budgetLines: [{ item: 'Hỗ trợ chủ thể hoàn thiện bao bì, nhãn mác', source: 'province', amountVnd: 1_500_000_000 }],
    };
    const created = await admin.put('/api/v1/plans/2024', body);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body).toMatchObject({ year: 2024, version: 1, budgetTotalVnd: 1_500_000_000 });
    expect((await admin.put('/api/v1/plans/2024', body)).status).toBe(409);
    expect((await admin.put('/api/v1/plans/2024', { ...body, version: 1, targets: [{ indicatorCode: 'nope', communeCode: null, target: 1 }] })).status).toBe(400);
    expect((await admin.put('/api/v1/plans/2024', { ...body, version: 1 })).body.version).toBe(2);
    expect((await admin.get('/api/v1/plans')).body).toEqual([expect.objectContaining({ year: 2024, targetCount: 3, budgetTotalVnd: 1_500_000_000 })]);

    const dash = (await admin.get('/api/v1/dashboard?year=2024')).body;
    expect(dash.indicators.find((i: { code: string }) => i.code === 'products_recognised')).toMatchObject({ value: 6, target: 10, breakdown: { '3': 3, '4': 2, '5': 1 } });
    expect(dash.indicators.find((i: { code: string }) => i.code === 'people_trained')).toMatchObject({ value: 0, target: 300 });
    expect(dash.communes.find((c: { communeCode: string }) => c.communeCode === '29905')).toMatchObject({ recognised: 4, target: 5 });
    expect(dash.productsBySetAndStar).toEqual(expect.arrayContaining([expect.objectContaining({ setNumber: 1, star: 3, products: 2 })]));
    expect(dash.subjectsByLegalForm).toEqual(expect.arrayContaining([{ legalForm: 'HTX', subjects: 2 }]));
    expect(dash.certificatesDue).toHaveLength(12);

    // A commune officer sees only their communes' figures, and may read but not write the plan.
    const officer = await t.client(DEMO.officer);
    const theirs = (await officer.get('/api/v1/indicators/values?year=2024')).body;
    expect(theirs.values.find((v: { code: string }) => v.code === 'products_evaluated').value).toBe(7);
    const one = (await officer.get('/api/v1/indicators/values?year=2024&communeCode=30226')).body;
    expect(one.values.find((v: { code: string }) => v.code === 'products_evaluated').value).toBe(2);
    expect((await officer.get('/api/v1/indicators/values?year=2024&communeCode=29263')).status).toBe(403);
    expect((await officer.get('/api/v1/plans/2024')).status).toBe(200);
    expect((await officer.put('/api/v1/plans/2024', { ...body, version: 2 })).status).toBe(403);
    const producer = await t.client(DEMO.producer);
    expect((await producer.get('/api/v1/dashboard?year=2024')).status).toBe(403);
  });

  it('serves the outlines of the province’s communes for the map', async () => {
    const res = await (await t.client()).get('/api/v1/provinces/82/communes/outlines');
    expect(res.status).toBe(200);
    expect(res.body.features.length).toBeGreaterThan(90);
    expect(res.body.features[0].properties).toEqual({ code: expect.stringMatching(/^\d{5}$/), name: expect.any(String) });
  });
});

describe('results decided on the platform', () => {
  it('count in the report as the province’s results under 26/2026, once per product', async () => {
    const before = await report(2026);
    const officer = await t.client(DEMO.officer);
    const subject = (await admin.get('/api/v1/subjects?q=quyt%20hong')).body.items[0];
    await admin.post('/api/v1/users', { email: 'quyt.report@example.vn', fullName: 'Võ Văn Phúc', role: 'producer', subjectId: subject.id, password: 'vuon-cam-ben-song-2026' });
    const producer = await t.client('quyt.report@example.vn', 'vuon-cam-ben-song-2026');
    await admin.post('/api/v1/rounds/defaults', { year: 2026 });
    const productId = (await producer.get('/api/v1/products')).body.items[0].id;
    const council = await setUpCouncil(t, admin, { key: 'rep', year: 2026, establishedOn: '2026-06-01' });
    const dossier = await scoredDossier({ producer, officer, admin, council, today: '2026-09-20' }, productId, 1, 76);
    const decision = await admin.post('/api/v1/decisions', { number: '950/QĐ-UBND', signedOn: '2026-09-20', signer: 'Nguyễn Văn A', signerTitle: 'Phó Chủ tịch', items: [{ dossierId: dossier.id, star: 4 }] });
    expect(decision.status, JSON.stringify(decision.body)).toBe(201);
    const after = await report(2026);
    expect(after.evaluated.products - before.evaluated.products).toBe(1);
    expect(after.evaluated.firstTime - before.evaluated.firstTime).toBe(1);
    expect(after.recognized.byStar['4'] - before.recognized.byStar['4']).toBe(1);
    expect(after.certificates.valid - before.certificates.valid).toBe(1);
    const docx = docxText((await admin.get('/api/v1/reports/annual?year=2026&format=docx')).raw);
    expect(docx).toContain('950/QĐ-UBND');
  });
});

describe('the programme’s activities in the report', () => {
  it('write communication, training, the funnel, support and trade promotion of 2025 into the JSON, the Word report and the workbook', async () => {
    // Written straight to the database: the records' own modules are built beside this one.
    const db = t.database.db;
    const subjectId = (await admin.get('/api/v1/subjects?q=sa%20giang')).body.items[0].id as string;
    await db.insert(communicationItems).values([
      { provinceCode: '82', kind: 'tv', title: 'Chuyên mục OCOP', publishedOn: '2025-03-01', quantity: 24 },
      { provinceCode: '82', kind: 'handbook', title: 'Sổ tay OCOP', publishedOn: '2025-12-31', quantity: 2000 },
    ]);
    const [course] = await db
      .insert(trainingCourses)
      .values({ provinceCode: '82', topic: 'Tập huấn thương mại điện tử', startsOn: '2025-06-01', endsOn: '2025-06-02', communeCode: '29905', participants: 640 })
      .returning();
    await db.insert(trainingAttendees).values({ courseId: course!.id, subjectId, people: 4 });
    const [fair] = await db
      .insert(tradeEvents)
      .values({
        provinceCode: '82',
        name: 'Hội chợ OCOP Đồng Tháp 2025',
        nameSearch: 'hoi cho ocop dong thap 2025',
        kind: 'fair',
        placement: 'in_province',
        communeCode: '29905',
        startsOn: '2025-11-20',
        endsOn: '2025-11-24',
        visitors: 12_000,
        revenueVnd: 1_250_000_000,
        contracts: 7,
      })
      .returning();
    await db.insert(tradeEventParticipants).values({ eventId: fair!.id, subjectId, revenueVnd: 300_000_000 });
    const [accepted] = await db
      .insert(productIdeas)
      .values([
        { provinceCode: '82', communeCode: '29905', title: 'Bánh phồng sen', titleSearch: 'banh phong sen', receivedOn: '2025-02-01', status: 'accepted' },
        { provinceCode: '82', communeCode: '30226', title: 'Mứt quýt', titleSearch: 'mut quyt', receivedOn: '2025-04-01' },
      ])
      .returning();
    await db.insert(businessPlans).values({ ideaId: accepted!.id, title: 'Phương án bánh phồng sen', submittedOn: '2025-05-01' });
    const [policy] = await db
      .insert(supportPolicies)
      .values({ provinceCode: '82', name: 'Hỗ trợ bao bì, nhãn mác sản phẩm OCOP', area: 'packaging', year: 2025, budgetVnd: 500_000_000 })
      .returning();
    await db.insert(supportGrants).values({
      policyId: policy!.id,
      subjectId,
      content: 'Thiết kế bao bì',
      amountVnd: 45_000_000,
      fundingSource: 'province',
      grantedOn: '2025-08-01',
      status: 'disbursed',
    });
    await db.insert(salesPoints).values({
      provinceCode: '82',
      kind: 'ocop_point',
      name: 'Điểm bán OCOP Sa Đéc',
      nameSearch: 'diem ban ocop sa dec',
      communeCode: '29905',
      openedOn: '2025-01-15',
    });

    const r = await report(2025);
    expect(r.communication).toEqual({ items: 2024, byKind: { tv: 24, handbook: 2000 } });
    expect(r.training).toEqual({ courses: 1, people: 640, producers: 1 });
    expect(r.development).toEqual({ funnel: { ideas: 2, accepted: 1, plans: 1, evaluated: 0, recognised: 0 }, businessPlans: 1 });
    expect(r.support).toEqual({
      budgetVnd: 500_000_000,
      grantedVnd: 45_000_000,
      grants: 1,
      subjects: 1,
      byArea: [{ area: 'packaging', budgetVnd: 500_000_000, grantedVnd: 45_000_000, grants: 1 }],
    });
    expect(r.trade.fairs).toEqual({ events: 1, producers: 1, visitors: 12_000, revenueVnd: 1_250_000_000, contracts: 7, byKind: { fair: 1 } });
    expect(r.trade.salesPoints).toEqual({ total: 1, outside: 0, byKind: { ocop_point: 1 } });
    expect(r.trade.events).toEqual([
      {
        name: 'Hội chợ OCOP Đồng Tháp 2025',
        kind: 'fair',
        startsOn: '2025-11-20',
        endsOn: '2025-11-24',
        placement: 'in_province',
        place: expect.any(String),
        producers: 1,
        visitors: 12_000,
        revenueVnd: 1_250_000_000,
        contracts: 7,
      },
    ]);

    const text = docxText((await admin.get('/api/v1/reports/annual?year=2025&format=docx')).raw);
    for (const expected of [
      'Trong năm, đã phối hợp thực hiện 24 phóng sự, chuyên mục truyền hình; phát hành 2.000 cuốn sổ tay tuyên truyền về Chương trình OCOP.',
      'Trong năm, đã tổ chức 01 lớp tập huấn, đào tạo về Chương trình OCOP cho 640 lượt cán bộ và chủ thể (01 chủ thể có người tham dự).',
      'Trong năm, các xã, phường đã tiếp nhận 02 ý tưởng sản phẩm; trong đó 01 ý tưởng được chấp nhận, 01 ý tưởng đã có phương án, dự án sản xuất kinh doanh, 00 ý tưởng có sản phẩm được đánh giá, phân hạng và 00 ý tưởng có sản phẩm được công nhận đạt từ 3 sao trở lên.',
      'Kết quả thực hiện các bước của Chu trình OCOP đối với ý tưởng sản phẩm tiếp nhận năm 2025',
      'Trong năm, đã giải ngân 45.000.000 đồng hỗ trợ 01 chủ thể (01 lượt hỗ trợ) trên tổng kinh phí 500.000.000 đồng của các chính sách hỗ trợ năm 2025, gồm: bao bì, nhãn mác 45.000.000 đồng.',
      'Đến ngày 31/12/2025, có 01 điểm giới thiệu và bán sản phẩm OCOP đang hoạt động trên địa bàn tỉnh, gồm: 01 điểm giới thiệu và bán sản phẩm OCOP.',
      'Trong năm, đã tổ chức, tham gia 01 sự kiện xúc tiến thương mại (01 hội chợ) với 01 chủ thể OCOP tham gia; thu hút 12.000 lượt khách tham quan; doanh thu đạt 1.250.000.000 đồng; ký kết 07 hợp đồng, biên bản ghi nhớ.',
      'Hội chợ OCOP Đồng Tháp 2025 (Hội chợ)',
      '20/11/2025 – 24/11/2025',
      '1.250.000.000',
    ])
      expect(text).toContain(expected);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await admin.get('/api/v1/reports/annual?year=2025&format=xlsx')).raw as never);
    const rows = (name: string) => wb.getWorksheet(name)!.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(rows('Truyền thông, tập huấn')).toEqual(
      expect.arrayContaining([
        ['Lớp tập huấn, đào tạo', 1],
        ['Lượt người được tập huấn', 640],
      ]),
    );
    expect(rows('Phát triển sản phẩm').slice(1, 4)).toEqual([
      ['Ý tưởng được tiếp nhận', 2, 100],
      ['Ý tưởng được chấp nhận', 1, 50],
      ['Có phương án, dự án SXKD', 1, 50],
    ]);
    expect(rows('Xúc tiến thương mại')).toEqual(expect.arrayContaining([['Doanh thu (đồng)', 1_250_000_000]]));
    expect(rows('Hội chợ, triển lãm')[1]).toEqual(['Hội chợ OCOP Đồng Tháp 2025', 'Hội chợ', '2025-11-20', '2025-11-24', 'Trong tỉnh', expect.any(String), 1, 12_000, 1_250_000_000, 7]);
  });
});

describe('map outlines', () => {
  it('are sent gzipped to a client that accepts it', async () => {
    const { gunzipSync } = await import('node:zlib');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/provinces/82/communes/outlines', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    const collection = JSON.parse(gunzipSync(res.rawPayload).toString('utf8'));
    expect(collection.features.length).toBeGreaterThan(90);
    expect(res.rawPayload.length).toBeLessThan(collection.features.length * 20_000);
  });
});
