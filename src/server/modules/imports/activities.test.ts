import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type Client, type TestApp } from '../../../../test/support/app.js';
import { multipartFiles } from '../../../../test/support/multipart.js';
import { activities, HISTORY, workbook, type SheetRows } from '../../../../test/support/workbooks.js';
import { SALES_POINT_CHECKLIST } from '../../../domain/market/index.js';
import { queryRows } from '../../db/client.js';

/**
 * The market and programme sheets (issue 13) through the import's pipeline: the same upload, check,
 * preview, commit and template as producers, products and results.
 */
let t: TestApp;
let admin: Client;
/** The OCOP code of the demo producer DT-001's first product, as the province's lists would carry it. */
let ocopCode: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.client(DEMO.admin);
  ocopCode = (
    await rows<{ code: string }>(
      `select p.ocop_code as code from products p join subjects s on s.id = p.subject_id where s.external_code = 'DT-001' order by p.ocop_code limit 1`,
    )
  )[0]!.code;
});
afterAll(() => t.close());

/** Rows read back as SQL gives them; amounts in đồng are bigint, which PostgreSQL's driver hands back as text. */
const rows = async <T>(query: string) =>
  (await queryRows<Record<string, unknown>>(t.database.db, sql.raw(query))).map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, value]) => [key, key.endsWith('_vnd') && typeof value === 'string' ? Number(value) : value])),
  ) as T[];
const TABLES = [
  'sales_points',
  'sales_point_products',
  'distribution_listings',
  'ecommerce_listings',
  'trade_events',
  'trade_event_participants',
  'trade_event_products',
  'product_ideas',
  'business_plans',
  'support_policies',
  'support_grants',
  'communication_items',
  'training_courses',
  'training_attendees',
  'subjects',
  'products',
  'historical_results',
  'audit_log',
] as const;
async function snapshot() {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = (await rows<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
  return counts;
}
const difference = (after: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(Object.keys(after).map((k) => [k, after[k]! - before[k]!]));

async function settle(id: string) {
  for (;;) {
    const job = (await admin.get(`/api/v1/imports/${id}`)).body;
    if (job.status !== 'validating' && job.status !== 'committing') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}
async function importSheets(sheets: SheetRows, name = 'hoat-dong.xlsx') {
  const { payload, headers } = multipartFiles([{ name, data: await workbook(sheets) }]);
  const res = await admin.request('POST', '/api/v1/imports', payload, { headers });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return settle(res.body.id);
}
async function commit(id: string) {
  const res = await admin.post(`/api/v1/imports/${id}/commit`);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const job = await settle(id);
  expect(job.status, JSON.stringify(job.failure)).toBe('committed');
  return job;
}
const created = (create: number) => ({ create, update: 0, unchanged: 0 });
const unchanged = (n: number) => ({ create: 0, update: 0, unchanged: n });
type Problem = { sheet: string; row: number; column: string; value: string | null; message: { vi: string; en: string } };

describe('the template', () => {
  it('has the market and programme sheets, their headers, and drop-downs from the hidden lists', async () => {
    const res = await admin.get('/api/v1/imports/template');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as never);
    expect((wb.getWorksheet('Tham gia sự kiện')!.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Mã sự kiện',
      'Mã chủ thể',
      'Sản phẩm trưng bày',
      'Số gian hàng',
      'Doanh thu',
    ]);
    const events = wb.getWorksheet('Hội chợ, sự kiện')!;
    expect(events.getCell('C1').value).toBe('Loại sự kiện');
    expect(events.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^'Danh mục'!\$[A-Z]+\$2:\$[A-Z]+\$5$/)] });
    const lists = wb.getWorksheet('Danh mục')!;
    const column = /\$([A-Z]+)\$2/.exec(events.getCell('C2').dataValidation.formulae![0] as string)![1]!;
    expect([2, 3, 4, 5].map((r) => lists.getCell(`${column}${r}`).value)).toEqual([
      'Hội chợ',
      'Triển lãm',
      'Tuần lễ văn hoá – du lịch',
      'Hội nghị kết nối cung cầu',
    ]);
    const guide = wb.getWorksheet('Hướng dẫn')!;
    const guided: string[] = [];
    guide.eachRow((row) => guided.push(String(row.getCell(3).value)));
    expect(guided).toEqual(expect.arrayContaining(['ma_diem_ban', 'duong_dan', 'ma_khoan_ho_tro', 'so_nguoi']));
  });
});

describe('importing market and programme records', () => {
  it('checks, previews and writes every sheet; a re-import changes nothing; a corrected file updates', async () => {
    const before = await snapshot();
    const sheets = { ...HISTORY, ...activities(ocopCode) };
    const job = await importSheets(sheets);
    expect(job.problems).toEqual([]);
    expect(job.status).toBe('validated');
    expect(job.preview).toMatchObject({
      subjects: created(5),
      products: created(7),
      results: created(13),
      salesPoints: created(4),
      chainListings: created(3),
      onlineListings: created(3),
      tradeEvents: created(3),
      eventParticipants: created(4),
      productIdeas: created(3),
      businessPlans: created(1),
      supportPolicies: created(2),
      supportGrants: created(3),
      communicationItems: created(2),
      trainingCourses: created(2),
      trainingAttendees: created(3),
    });
    expect(await snapshot()).toEqual(before);

    await commit(job.id);
    const after = await snapshot();
    expect(difference(after, before)).toEqual({
      sales_points: 4,
      sales_point_products: 5,
      distribution_listings: 3,
      ecommerce_listings: 3,
      trade_events: 3,
      trade_event_participants: 4,
      trade_event_products: 4,
      product_ideas: 3,
      business_plans: 1,
      support_policies: 2,
      support_grants: 3,
      communication_items: 2,
      training_courses: 2,
      training_attendees: 3,
      subjects: 5,
      products: 7,
      historical_results: 13,
      // One entry per record written, and one for the import.
      audit_log: 25 + 33 + 1,
    });

    // Communes by name (with a prefix, without accents, with a typo), another province by name, dates of three kinds.
    expect(
      await rows(
        `select external_code as code, placement, commune_code, other_province_code, opened_on, status, latitude from sales_points order by external_code`,
      ),
    ).toEqual([
      {
        code: 'DB01',
        placement: 'in_province',
        commune_code: '29905',
        other_province_code: null,
        opened_on: '2024-03-15',
        status: 'active',
        latitude: 10.2915,
      },
      { code: 'DB02', placement: 'in_province', commune_code: '30037', other_province_code: null, opened_on: '2024-03-15', status: 'active', latitude: null },
      {
        code: 'DB03',
        placement: 'other_province',
        commune_code: null,
        other_province_code: '79',
        opened_on: '2025-02-01',
        status: 'suspended',
        latitude: null,
      },
      { code: 'DB04', placement: 'in_province', commune_code: '30226', other_province_code: null, opened_on: null, status: 'active', latitude: null },
    ]);
    // The products carried, by the province's codes or an OCOP code, wait for their producers' consent.
    expect(
      await rows(
        `select sp.external_code as point, coalesce(p.external_code, p.ocop_code) as product, spp.consent from sales_point_products spp
         join sales_points sp on sp.id = spp.sales_point_id join products p on p.id = spp.product_id order by 1, 2`,
      ),
    ).toEqual([
      { point: 'DB01', product: 'SP01', consent: 'pending' },
      { point: 'DB01', product: 'SP03', consent: 'pending' },
      { point: 'DB01', product: 'SP05', consent: 'pending' },
      { point: 'DB02', product: ocopCode, consent: 'pending' },
      { point: 'DB04', product: 'SP04', consent: 'pending' },
    ]);
    // URLs kept normalised, the platform taken from the host; the office's listings are approved by it.
    const adminId = (await rows<{ id: string }>(`select id from users where email = '${DEMO.admin}'`))[0]!.id;
    expect(await rows(`select url, platform, status, active, reviewed_by from ecommerce_listings order by url`)).toEqual([
      { url: 'https://senthapmuoi.vn/san-pham/hat-sen', platform: 'own_website', status: 'approved', active: false, reviewed_by: adminId },
      { url: 'https://shopee.vn/product/123/456', platform: 'shopee', status: 'approved', active: true, reviewed_by: adminId },
      { url: 'https://tiki.vn/tra-tim-sen-p789', platform: 'tiki', status: 'approved', active: true, reviewed_by: adminId },
    ]);
    expect(await rows(`select chain, chain_key, channel, stores, since, active from distribution_listings order by chain_key`)).toEqual([
      { chain: 'Bách hoá Xanh', chain_key: 'bachhoaxanh', channel: 'supermarket', stores: 120, since: '2023-10-01', active: true },
      { chain: 'Co.opmart', chain_key: 'coopmart', channel: 'supermarket', stores: 12, since: '2024-06-01', active: true },
      { chain: 'WinMart', chain_key: 'winmart', channel: 'chain', stores: 35, since: null, active: true },
    ]);
    // Amounts in đồng from "triệu" headers and cells; an event to come has no figures.
    expect(
      await rows(
        `select external_code as code, placement, commune_code, other_province_code, starts_on, ends_on, visitors, revenue_vnd, contracts from trade_events order by 1`,
      ),
    ).toEqual([
      {
        code: 'HC01',
        placement: 'in_province',
        commune_code: '29905',
        other_province_code: null,
        starts_on: '2024-12-05',
        ends_on: '2024-12-09',
        visitors: 15000,
        revenue_vnd: 1_250_000_000,
        contracts: 8,
      },
      {
        code: 'HC02',
        placement: 'other_province',
        commune_code: null,
        other_province_code: '01',
        starts_on: '2025-04-10',
        ends_on: '2025-04-14',
        visitors: null,
        revenue_vnd: 350_500_000,
        contracts: null,
      },
      {
        code: 'HC03',
        placement: 'in_province',
        commune_code: null,
        other_province_code: null,
        starts_on: '2099-11-01',
        ends_on: '2099-11-05',
        visitors: null,
        revenue_vnd: null,
        contracts: null,
      },
    ]);
    expect(
      await rows(
        `select e.external_code as event, s.external_code as producer, p.booths, p.revenue_vnd from trade_event_participants p
         join trade_events e on e.id = p.event_id join subjects s on s.id = p.subject_id order by 1, 2`,
      ),
    ).toEqual([
      { event: 'HC01', producer: 'CT01', booths: 2, revenue_vnd: 45_000_000 },
      { event: 'HC01', producer: 'DT-001', booths: 1, revenue_vnd: 12_500_000 },
      { event: 'HC02', producer: 'CT04', booths: 1, revenue_vnd: null },
      { event: 'HC03', producer: 'CT05', booths: 2, revenue_vnd: null },
    ]);
    expect(
      await rows(
        `select i.external_code as code, i.commune_code, s.external_code as producer, i.proposer_name, i.status, i.screened_on from product_ideas i
         left join subjects s on s.id = i.subject_id order by 1`,
      ),
    ).toEqual([
      { code: 'YT01', commune_code: '30037', producer: 'DT-001', proposer_name: null, status: 'accepted', screened_on: '2025-02-20' },
      { code: 'YT02', commune_code: '30226', producer: null, proposer_name: 'Nguyễn Văn Tư', status: 'received', screened_on: null },
      { code: 'YT03', commune_code: '30037', producer: 'CT01', proposer_name: null, status: 'returned', screened_on: '2025-03-10' },
    ]);
    expect(await rows(`select external_code as code, kind, status, investment_vnd, approved_on from business_plans`)).toEqual([
      { code: 'PA01', kind: 'plan', status: 'implementing', investment_vnd: 850_000_000, approved_on: '2025-03-15' },
    ]);
    expect(
      await rows(
        `select sp.external_code as policy, sp.budget_vnd, g.external_code as grant, g.amount_vnd, g.funding_source, g.status,
         p.ocop_code = '${ocopCode}' as demo_product, g.business_plan_id is not null as with_plan
         from support_grants g join support_policies sp on sp.id = g.policy_id left join products p on p.id = g.product_id order by 1, 3`,
      ),
    ).toEqual([
      {
        policy: 'CS01',
        budget_vnd: 500_000_000,
        grant: 'HT01',
        amount_vnd: 30_000_000,
        funding_source: 'province',
        status: 'disbursed',
        demo_product: false,
        with_plan: false,
      },
      {
        policy: 'CS01',
        budget_vnd: 500_000_000,
        grant: 'HT02',
        amount_vnd: 15_000_000,
        funding_source: 'province',
        status: 'approved',
        demo_product: true,
        with_plan: true,
      },
      {
        policy: 'CS02',
        budget_vnd: 1_200_000_000,
        grant: 'HT01',
        amount_vnd: 200_000_000,
        funding_source: 'central',
        status: 'approved',
        demo_product: false,
        with_plan: false,
      },
    ]);
    expect(await rows(`select external_code as code, kind, quantity, published_on, url from communication_items order by 1`)).toEqual([
      { code: 'TT01', kind: 'tv', quantity: 4, published_on: '2024-09-20', url: null },
      { code: 'TT02', kind: 'article', quantity: 1, published_on: '2025-01-05', url: 'https://baodongthap.vn/kinh-te/sen-thap-muoi-123.aspx' },
    ]);
    // "Xã Phong Hòa" is the commune listed as "Phong Hoà"; a course without an end is a day long.
    expect(await rows(`select external_code as code, commune_code, starts_on, ends_on, participants from training_courses order by 1`)).toEqual([
      { code: 'TH01', commune_code: '30235', starts_on: '2024-05-14', ends_on: '2024-05-15', participants: 80 },
      { code: 'TH02', commune_code: null, starts_on: '2024-10-10', ends_on: '2024-10-10', participants: 25 },
    ]);
    expect(
      await rows(
        `select c.external_code as course, s.external_code as producer, a.people from training_attendees a
         join training_courses c on c.id = a.course_id join subjects s on s.id = a.subject_id order by 1, 2`,
      ),
    ).toEqual([
      { course: 'TH01', producer: 'CT01', people: 2 },
      { course: 'TH01', producer: 'DT-001', people: 1 },
      { course: 'TH02', producer: 'CT02', people: 3 },
    ]);
    expect(
      (
        await rows<{ entity_type: string; n: number }>(`select entity_type, count(*)::int as n from audit_log where entity_type in
        ('sales_point', 'distribution_listing', 'ecommerce_listing', 'trade_event', 'trade_event_participant', 'product_idea', 'business_plan',
         'support_policy', 'support_grant', 'communication_item', 'training_course', 'training_attendee') and action = 'create' group by 1 order by 1`)
      ).map((r) => [r.entity_type, r.n]),
    ).toEqual([
      ['business_plan', 1],
      ['communication_item', 2],
      ['distribution_listing', 3],
      ['ecommerce_listing', 3],
      ['product_idea', 3],
      ['sales_point', 4],
      ['support_grant', 3],
      ['support_policy', 2],
      ['trade_event', 3],
      ['trade_event_participant', 4],
      ['training_attendee', 3],
      ['training_course', 2],
    ]);

    // The same file again: every record found by its code, nothing to do, nothing written but the import's own entry.
    const again = await importSheets(sheets);
    expect(again.problems).toEqual([]);
    expect(again.preview).toMatchObject({
      subjects: unchanged(5),
      products: unchanged(7),
      results: unchanged(13),
      salesPoints: unchanged(4),
      chainListings: unchanged(3),
      onlineListings: unchanged(3),
      tradeEvents: unchanged(3),
      eventParticipants: unchanged(4),
      productIdeas: unchanged(3),
      businessPlans: unchanged(1),
      supportPolicies: unchanged(2),
      supportGrants: unchanged(3),
      communicationItems: unchanged(2),
      trainingCourses: unchanged(2),
      trainingAttendees: unchanged(3),
      samples: [],
    });
    await commit(again.id);
    expect(await snapshot()).toEqual({ ...after, audit_log: after.audit_log! + 1 });

    // A corrected file: a point no longer carries SP05, an event's visitors and a grant's amount fixed.
    const corrected = activities(ocopCode);
    corrected['Điểm bán']![1]![8] = 'SP01, SP03';
    corrected['Hội chợ, sự kiện']![1]![11] = '16.000';
    corrected['Khoản hỗ trợ']![2]![6] = '20 triệu';
    const fix = await importSheets(corrected, 'sua.xlsx');
    expect(fix.problems).toEqual([]);
    expect(fix.preview).toMatchObject({
      salesPoints: { create: 0, update: 1, unchanged: 3 },
      tradeEvents: { create: 0, update: 1, unchanged: 2 },
      supportGrants: { create: 0, update: 1, unchanged: 2 },
      eventParticipants: unchanged(4),
    });
    expect(fix.preview.samples.map((s: { sheet: string; code: string; changes: string[] }) => [s.sheet, s.code, s.changes])).toEqual([
      ['salesPoints', 'DB01', ['products']],
      ['tradeEvents', 'HC01', ['visitors']],
      ['supportGrants', 'CS01/HT02', ['amountVnd']],
    ]);
    await commit(fix.id);
    const fixed = await snapshot();
    // Since `after`: the re-import's entry, then three updates and the corrected import's entry.
    expect(difference(fixed, after)).toMatchObject({ sales_point_products: -1, trade_events: 0, support_grants: 0, audit_log: 1 + 3 + 1 });
    expect((await rows(`select visitors from trade_events where external_code = 'HC01'`))[0]).toEqual({ visitors: 16000 });
    expect((await rows(`select amount_vnd from support_grants where external_code = 'HT02'`))[0]).toEqual({ amount_vnd: 20_000_000 });
  });

  it('lists every problem with its sheet, row and column, previews the rows without any, and writes nothing', async () => {
    const before = await snapshot();
    const job = await importSheets({
      'Điểm bán': [
        ['Mã điểm bán', 'Tên điểm bán', 'Loại điểm bán', 'Xã, phường', 'Sản phẩm bày bán'],
        ['DB10', 'Điểm bán OCOP Cao Lãnh', 'Điểm bán OCOP', 'Cao Lãnh', 'SP01'],
        ['DB11', 'X', 'Siêu thị lớn', 'Xã Không Có', 'SP99'],
      ],
      'Thương mại điện tử': [
        ['Mã sản phẩm', 'Sàn', 'Đường dẫn'],
        ['SP02', 'Shopee', 'https://shopee.vn/hat-sen-say-i.123.456'],
        ['SP99', null, 'https://shopee.vn/x-i.1.1'],
        ['SP02', 'Lazada', 'https://tiki.vn/tra-tim-sen-p789'],
        ['SP07', null, 'lazada.vn/xoai-say/'],
      ],
      'Hội chợ, sự kiện': [
        ['Mã sự kiện', 'Tên sự kiện', 'Loại sự kiện', 'Từ ngày', 'Đến ngày', 'Lượt khách'],
        ['HC10', 'Hội chợ xuân 2099', 'Hội chợ', '10/01/2099', '05/01/2099', 500],
      ],
      'Tham gia sự kiện': [
        ['Mã sự kiện', 'Mã chủ thể', 'Sản phẩm trưng bày', 'Doanh thu'],
        ['HC03', 'CT05', 'SP01', '10 triệu'],
        ['HC99', 'CT05', null, null],
        ['HC01', 'CT99', null, null],
      ],
      'Phương án SXKD': [
        ['Mã phương án', 'Mã ý tưởng', 'Tên phương án', 'Ngày nộp'],
        ['PA02', 'YT02', 'Phương án khô cá lóc', '01/02/2025'],
      ],
      'Khoản hỗ trợ': [
        ['Mã chính sách', 'Mã khoản hỗ trợ', 'Mã chủ thể', 'Nội dung hỗ trợ', 'Số tiền', 'Nguồn vốn', 'Ngày hỗ trợ'],
        ['CS01', 'HT03', 'CT02', 'Máy móc đóng gói', '480 triệu', 'Ngân sách tỉnh', '01/07/2025'],
        ['CS02', 'HT05', 'CT02', 'Hỗ trợ năm sau', '1 triệu', 'Tỉnh', '01/07/2025'],
        ['CS01', 'HT04', 'CT02', 'Bao bì', '-5.000', 'Tỉnh', '01/07/2025'],
      ],
      'Tập huấn': [
        ['Mã lớp', 'Chủ đề', 'Từ ngày'],
        ['TH03', 'Tập huấn an toàn thực phẩm', '01/12/2025'],
      ],
      'Truyền thông': [
        ['Mã tin bài', 'Loại', 'Tiêu đề', 'Ngày đăng'],
        ['TT03', 'Bài báo', 'Tin OCOP', '31/02/2025'],
      ],
      'Học viên tập huấn': [
        ['Mã lớp', 'Mã chủ thể', 'Số người'],
        ['TH01', 'CT03', 79],
      ],
    });
    expect(job.status).toBe('invalid');
    const listed = (job.problems as Problem[]).map((p) => [p.sheet, p.row, p.column, p.value]);
    expect(listed).toEqual(
      expect.arrayContaining([
        ['Điểm bán', 3, 'Tên điểm bán', 'X'],
        ['Điểm bán', 3, 'Loại điểm bán', 'Siêu thị lớn'],
        ['Điểm bán', 3, 'Xã, phường', 'Xã Không Có'],
        ['Thương mại điện tử', 2, 'Đường dẫn', 'https://shopee.vn/product/123/456'],
        ['Thương mại điện tử', 3, 'Mã sản phẩm', 'SP99'],
        ['Thương mại điện tử', 4, 'Sàn', 'Lazada'],
        ['Hội chợ, sự kiện', 2, 'Đến ngày', '05/01/2099'],
        ['Hội chợ, sự kiện', 2, 'Lượt khách', '500'],
        ['Tham gia sự kiện', 2, 'Sản phẩm trưng bày', 'SP01'],
        ['Tham gia sự kiện', 2, 'Doanh thu', '10.000.000'],
        ['Tham gia sự kiện', 3, 'Mã sự kiện', 'HC99'],
        ['Tham gia sự kiện', 4, 'Mã chủ thể', 'CT99'],
        ['Phương án SXKD', 2, 'Mã ý tưởng', 'YT02'],
        ['Khoản hỗ trợ', 2, 'Số tiền', '480.000.000'],
        ['Khoản hỗ trợ', 3, 'Ngày hỗ trợ', '01/07/2025'],
        ['Khoản hỗ trợ', 4, 'Số tiền', '-5.000'],
        ['Truyền thông', 2, 'Ngày đăng', '31/02/2025'],
        ['Học viên tập huấn', 2, 'Số người', '79'],
      ]),
    );
    expect(job.problemCount).toBe(18);
    for (const p of job.problems as Problem[]) {
      expect(p.message.vi).toMatch(/\S/);
      expect(p.message.en).toMatch(/\S/);
    }
    const message = (sheet: string, row: number, column: string) =>
      (job.problems as Problem[]).find((p) => p.sheet === sheet && p.row === row && p.column === column)!.message.vi;
    // CS01 has 500 million: 30 and 20 million granted (HT01, HT02 as corrected above), and 480 more asked.
    expect(message('Khoản hỗ trợ', 2, 'Số tiền')).toBe('Các khoản hỗ trợ của chính sách CS01 (530.000.000 đ) vượt kinh phí của chính sách (500.000.000 đ).');
    expect(message('Tham gia sự kiện', 2, 'Sản phẩm trưng bày')).toBe('Sản phẩm SP01 không phải của chủ thể CT05.');
    expect(message('Phương án SXKD', 2, 'Mã ý tưởng')).toContain('chưa được chấp nhận');
    // TH01 reports 80 participants: 2 from CT01 and 1 from DT-001 are stored, 79 more do not fit.
    expect(message('Học viên tập huấn', 2, 'Số người')).toBe('Số học viên của lớp TH01 (80) ít hơn tổng số người các chủ thể cử đi (82).');
    // The rows without problems are previewed; none of them can be committed while any row has a problem.
    expect(job.preview).toMatchObject({
      salesPoints: created(1),
      onlineListings: created(1),
      trainingCourses: created(1),
      subjects: created(0),
    });
    expect(job.preview.tradeEvents).toBeUndefined();
    expect(job.preview.supportGrants).toBeUndefined();
    expect((await admin.post(`/api/v1/imports/${job.id}/commit`)).status).toBe(409);
    expect(await snapshot()).toEqual(before);
  });
});

describe('a sales points export, edited and imported again', () => {
  async function importFile(data: Buffer, name: string) {
    const { payload, headers } = multipartFiles([{ name, data }]);
    const res = await admin.request('POST', '/api/v1/imports', payload, { headers });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    return settle(res.body.id);
  }
  const carried = (code: string) =>
    rows<{ code: string; consent: string }>(
      `select coalesce(p.ocop_code, p.external_code) as code, spp.consent from sales_point_products spp join products p on p.id = spp.product_id
       join sales_points sp on sp.id = spp.sales_point_id where sp.external_code = '${code}' order by 1`,
    );
  const checklistOf = async (code: string) =>
    (await rows<{ checklist: Record<string, boolean> }>(`select checklist from sales_points where external_code = '${code}'`))[0]!.checklist;

  it('changes nothing as exported, then exactly the checklist item and the carried product edited', async () => {
    // DB01 as the web form leaves it: part of the Decision 950/QĐ-BCT checklist assessed.
    await rows(`update sales_points set checklist = '{"location":true,"staff":true,"display":true,"signage":false}' where external_code = 'DB01' returning id`);
    const res = await admin.get('/api/v1/sales-points/export?format=xlsx');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as never);
    const sheet = wb.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const column = (header: string) => {
      expect(headers).toContain(header);
      return headers.indexOf(header) + 1;
    };
    const points = sheet.rowCount - 1;
    expect(points).toBe(4);

    // As exported: every point, its checklist and its products read back the same.
    const before = await snapshot();
    const same = await importFile(Buffer.from(await wb.xlsx.writeBuffer()), 'diem-ban.xlsx');
    expect(same.problems).toEqual([]);
    expect(same.preview.salesPoints).toEqual(unchanged(points));
    await commit(same.id);
    expect(await snapshot()).toEqual({ ...before, audit_log: before.audit_log! + 1 });

    // DB01: one item met becomes not met, one cell is left blank (kept), and a product is swapped.
    const codes = column('Mã điểm bán');
    const row = [...Array(points).keys()].map((i) => sheet.getRow(i + 2)).find((r) => r.getCell(codes).value === 'DB01')!;
    const header = (code: string) => SALES_POINT_CHECKLIST.find((item) => item.code === code)!.label.vi;
    expect(row.getCell(column(header('staff'))).value).toBe('Có');
    expect(row.getCell(column(header('products_ocop'))).value).toBe('Không');
    row.getCell(column(header('staff'))).value = 'Không';
    row.getCell(column(header('display'))).value = null;
    const productsCell = row.getCell(column('Sản phẩm bày bán'));
    const listed = String(productsCell.value).split('; ');
    expect([...listed].sort()).toEqual((await carried('DB01')).map((c) => c.code));
    // SP01 and SP03, by the OCOP codes their results gave them: the second is no longer carried, the demo producer's product is.
    expect(listed).toHaveLength(2);
    const [kept, added] = [listed[0]!, ocopCode];
    expect(listed).not.toContain(added);
    productsCell.value = `${kept};${added}`;
    const consentsBefore = await carried('DB01');

    const edited = await importFile(Buffer.from(await wb.xlsx.writeBuffer()), 'diem-ban-sua.xlsx');
    expect(edited.problems).toEqual([]);
    expect(edited.preview.salesPoints).toEqual({ create: 0, update: 1, unchanged: points - 1 });
    expect(edited.preview.samples.map((s: { sheet: string; code: string; changes: string[] }) => [s.sheet, s.code, s.changes])).toEqual([
      ['salesPoints', 'DB01', ['checklist', 'products']],
    ]);
    await commit(edited.id);
    // Every item the file says is written as the web form writes it; the blank one is kept.
    const none = Object.fromEntries(SALES_POINT_CHECKLIST.map((item) => [item.code, false]));
    expect(await checklistOf('DB01')).toEqual({ ...none, location: true, display: true });
    // The new product waits for its producer's consent; the one kept keeps its own.
    expect(await carried('DB01')).toEqual(
      [...consentsBefore.filter((c) => c.code === kept), { code: added, consent: 'pending' }].sort((a, b) => (a.code < b.code ? -1 : 1)),
    );
  });

  it('lists an unknown product code and an unreadable checklist cell, each on its row, and writes nothing', async () => {
    const res = await admin.get('/api/v1/sales-points/export?format=xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as never);
    const sheet = wb.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const column = (header: string) => headers.indexOf(header) + 1;
    sheet.getRow(2).getCell(column('Sản phẩm bày bán')).value = '82-99999-001-2024';
    sheet.getRow(3).getCell(column(SALES_POINT_CHECKLIST[0].label.vi)).value = 'Chưa rõ';
    const before = await snapshot();
    const job = await importFile(Buffer.from(await wb.xlsx.writeBuffer()), 'diem-ban-loi.xlsx');
    expect((job.problems as Problem[]).map((p) => [p.sheet, p.row, p.column, p.value])).toEqual(
      expect.arrayContaining([
        ['Điểm bán', 2, 'Sản phẩm bày bán', '82-99999-001-2024'],
        ['Điểm bán', 3, SALES_POINT_CHECKLIST[0].label.vi, 'Chưa rõ'],
      ]),
    );
    expect((await admin.post(`/api/v1/imports/${job.id}/commit`)).status).toBe(409);
    expect(await snapshot()).toEqual(before);
  });
});
