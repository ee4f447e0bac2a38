import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVietnamese, vietnameseSortKey } from '../../domain/text/vietnamese.js';
import { subjects } from '../db/schema/index.js';
import { DEMO, createTestApp, type Client, type Response, type TestApp } from '../../../test/support/app.js';
import { parseCsv } from '../../../test/support/csv.js';
import { scoredDossier, setUpCouncil } from '../../../test/support/evaluation.js';

/**
 * Exports of the lists: the same rows as the list (filters and scope included, every page), in
 * XLSX and CSV, with Vietnamese headers and dd/mm/yyyy dates.
 */

let t: TestApp;
let admin: Client;
let officer: Client;
let producer: Client;
let quyt: Client;
const OFFICER_COMMUNES = ['29905', '30226']; // Sa Đéc, Lai Vung
const now = new Date('2027-06-20T03:00:00Z');

type Table = { headers: string[]; rows: unknown[][] };

async function xlsx(res: Response): Promise<Table & { sheet: ExcelJS.Worksheet }> {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.raw as never);
  const sheet = workbook.worksheets[0]!;
  const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
  return { sheet, headers: values(1) as string[], rows: Array.from({ length: sheet.rowCount - 1 }, (_, i) => values(i + 2)) };
}

function csv(res: Response): Table {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  const text = res.raw.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const [headers, ...rows] = parseCsv(text.slice(1));
  return { headers: headers!, rows };
}

const column = (table: Table, header: string) => {
  const i = table.headers.indexOf(header);
  expect(i, `no column "${header}" in ${table.headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  return table.rows.map((r) => r[i]);
};

/** Every item of a list, through its pages. */
async function listAll(c: Client, path: string): Promise<{ total: number; items: Record<string, unknown>[] }> {
  const items: Record<string, unknown>[] = [];
  for (let page = 1; ; page++) {
    const res = await c.get(`${path}${path.includes('?') ? '&' : '?'}pageSize=200&page=${page}`);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    if (items.length >= res.body.total) return { total: res.body.total, items };
  }
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  admin = await t.client(DEMO.admin);
  officer = await t.client(DEMO.officer);
  producer = await t.client(DEMO.producer);
  const quytHong = (await admin.get('/api/v1/subjects?q=quyt%20hong')).body.items[0]; // Lai Vung
  await admin.post('/api/v1/users', {
    email: 'quyt@example.vn',
    fullName: 'Võ Văn Phúc',
    role: 'producer',
    subjectId: quytHong.id,
    password: 'vuon-cam-ben-song-2026',
  });
  quyt = await t.client('quyt@example.vn', 'vuon-cam-ben-song-2026');

  // A subject in Sa Đéc whose name a spreadsheet would run as a formula, founded on a known day.
  const created = await admin.post('/api/v1/subjects', {
    name: '=HYPERLINK("http://example.com","Bấm vào")',
    legalForm: 'HKD',
    communeCode: '29905',
    representativeName: 'Đỗ Thị Bích',
    foundedOn: '2015-03-20',
  });
  expect(created.status).toBe(201);

  // One recognised product: a dossier, a decision, a certificate (Lai Vung, the officer's).
  await admin.post('/api/v1/rounds/defaults', { year: 2027 });
  const productId = (await quyt.get('/api/v1/products')).body.items[0].id;
  const council = await setUpCouncil(t, admin, { key: 'exp', year: 2027, establishedOn: '2027-01-15' });
  const dossier = await scoredDossier({ producer: quyt, officer, admin, council, today: '2027-06-20' }, productId, 1, 78);
  const decision = await admin.post('/api/v1/decisions', {
    number: '101/QĐ-UBND',
    signedOn: '2027-06-20',
    signer: 'Nguyễn Văn A',
    signerTitle: 'Phó Chủ tịch',
    items: [{ dossierId: dossier.id, star: 4 }],
  });
  expect(decision.status).toBe(201);
});
afterAll(() => t.close());

describe('subjects export', () => {
  it('writes every subject of the list to XLSX: Vietnamese headers, real dates, a bold frozen header', async () => {
    const list = await listAll(admin, '/api/v1/subjects');
    const res = await admin.get('/api/v1/subjects/export?format=xlsx');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="chu-the-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''ch%E1%BB%A7-th%E1%BB%83-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    const table = await xlsx(res);
    expect(table.headers.slice(0, 4)).toEqual(['Mã hồ sơ', 'Tên chủ thể', 'Loại hình', 'Mã số thuế']);
    expect(table.rows).toHaveLength(list.total);
    // Same order as the list (Vietnamese alphabetical).
    expect(column(table, 'Tên chủ thể')).toEqual(list.items.map((s) => s.name));
    expect(column(table, 'Tên chủ thể')).toContain('Hợp tác xã Sen Tháp Mười');
    expect(column(table, 'Loại hình')).toContain('Hợp tác xã');

    const row = table.rows.find((r) => r[1] === '=HYPERLINK("http://example.com","Bấm vào")')!;
    const founded = table.headers.indexOf('Ngày thành lập');
    expect(row[founded]).toEqual(new Date('2015-03-20T00:00:00Z'));
    expect(table.sheet.getRow(table.rows.indexOf(row) + 2).getCell(founded + 1).numFmt).toBe('dd/mm/yyyy');
    expect(table.sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(table.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('writes the same rows to CSV, with dates dd/mm/yyyy and formulas defused', async () => {
    const list = await listAll(admin, '/api/v1/subjects');
    const res = await admin.get('/api/v1/subjects/export?format=csv');
    expect(res.headers['content-disposition']).toMatch(/filename="chu-the-\d{4}-\d{2}-\d{2}\.csv"/);
    const table = csv(res);
    expect(table.headers).toContain('Tình trạng hoạt động');
    expect(table.rows).toHaveLength(list.total);
    const names = column(table, 'Tên chủ thể');
    expect(names).toContain('Hộ kinh doanh Nem Lai Vung Bà Hai');
    expect(names).toContain(`'=HYPERLINK("http://example.com","Bấm vào")`);
    expect(names).not.toContain('=HYPERLINK("http://example.com","Bấm vào")');
    expect(column(table, 'Ngày thành lập')).toContain('20/03/2015');
    for (const d of column(table, 'Ngày đăng ký')) expect(d).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });

  it('applies the list’s filters and search', async () => {
    const htx = await listAll(admin, '/api/v1/subjects?legalForm=HTX');
    const table = csv(await admin.get('/api/v1/subjects/export?format=csv&legalForm=HTX'));
    expect(table.rows).toHaveLength(htx.total);
    expect(new Set(column(table, 'Loại hình'))).toEqual(new Set(['Hợp tác xã']));
    const found = csv(await admin.get(`/api/v1/subjects/export?format=csv&q=${encodeURIComponent('quyt hong')}`));
    expect(column(found, 'Tên chủ thể')).toEqual(['Hợp tác xã Quýt hồng Lai Vung']);
  });

  it('gives an officer only the subjects of their communes, and a producer only its own', async () => {
    const mine = await listAll(officer, '/api/v1/subjects');
    const table = await xlsx(await officer.get('/api/v1/subjects/export'));
    expect(table.rows).toHaveLength(mine.total);
    expect(table.rows.length).toBeGreaterThan(0);
    for (const code of column(table, 'Mã xã/phường')) expect(OFFICER_COMMUNES).toContain(code);
    const own = csv(await producer.get('/api/v1/subjects/export?format=csv'));
    expect(column(own, 'Tên chủ thể')).toEqual(['Hợp tác xã Sen Tháp Mười']);
  });

  it('refuses an unknown format with a bilingual 400, and callers the list refuses', async () => {
    const res = await admin.get('/api/v1/subjects/export?format=pdf');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_export_format', message: 'Định dạng xuất không hợp lệ: chọn xlsx hoặc csv.' });
    expect(res.body.error.fields.format).toBeTruthy();
    admin.lang = 'en';
    expect((await admin.get('/api/v1/subjects/export?format=ods')).body.error.message).toBe('Unknown export format: use xlsx or csv.');
    admin.lang = 'vi';
    expect((await (await t.client()).get('/api/v1/subjects/export')).status).toBe(401);
    expect((await (await t.client(DEMO.council)).get('/api/v1/subjects/export')).status).toBe(403);
    expect((await admin.get('/api/v1/subjects/export?format=csv&legalForm=XYZ')).status).toBe(400);
  });
});

describe('products export', () => {
  it('writes every product of the caller’s scope, the officer’s communes only', async () => {
    const all = await listAll(admin, '/api/v1/products');
    const adminTable = csv(await admin.get('/api/v1/products/export?format=csv'));
    expect(adminTable.rows).toHaveLength(all.total);
    expect(column(adminTable, 'Mã sản phẩm OCOP')).toEqual(all.items.map((p) => p.ocopCode));
    expect(column(adminTable, 'Tên sản phẩm')).toContain('Bánh phồng tôm đặc biệt');

    const mine = await listAll(officer, '/api/v1/products');
    const officerTable = await xlsx(await officer.get('/api/v1/products/export?format=xlsx'));
    expect(officerTable.rows).toHaveLength(mine.total);
    expect(officerTable.rows.length).toBeLessThan(all.total);
    expect(new Set(column(officerTable, 'Mã sản phẩm OCOP'))).toEqual(new Set(mine.items.map((p) => p.ocopCode)));
    for (const commune of column(officerTable, 'Xã/phường')) expect(mine.items.map((p) => p.communeName)).toContain(commune);

    const own = csv(await producer.get('/api/v1/products/export?format=csv'));
    expect(new Set(column(own, 'Chủ thể'))).toEqual(new Set(['Hợp tác xã Sen Tháp Mười']));
    expect(own.rows).toHaveLength((await producer.get('/api/v1/products')).body.total);
  });
});

describe('users export', () => {
  it('is the administrator’s list, without any secret', async () => {
    const list = await listAll(admin, '/api/v1/users');
    const table = await xlsx(await admin.get('/api/v1/users/export'));
    expect(table.headers).toEqual(['Email', 'Họ và tên', 'Vai trò', 'Mã tỉnh/thành phố', 'Phạm vi', 'Trạng thái', 'Ngày tạo']);
    expect(table.rows).toHaveLength(list.total);
    expect(column(table, 'Họ và tên')).toContain('Nguyễn Thị Thu (cán bộ phường Sa Đéc)');
    expect(column(table, 'Vai trò')).toContain('Cán bộ xã/phường');
    expect(res2text(await admin.get('/api/v1/users/export?format=csv'))).not.toMatch(/argon|\$2[aby]\$/);
    expect(csv(await admin.get('/api/v1/users/export?format=csv&role=producer')).rows).toHaveLength(
      (await admin.get('/api/v1/users?role=producer')).body.total,
    );
    expect((await officer.get('/api/v1/users/export')).status).toBe(403);
  });
});

const res2text = (res: Response) => res.raw.toString('utf8');

describe('dossiers, certificates and decisions export', () => {
  it('exports dossiers in each caller’s scope', async () => {
    const list = await listAll(admin, '/api/v1/dossiers');
    expect(list.total).toBeGreaterThan(0);
    const table = csv(await admin.get('/api/v1/dossiers/export?format=csv'));
    expect(table.rows).toHaveLength(list.total);
    expect(column(table, 'Sản phẩm')).toContain('Quýt hồng Lai Vung');
    expect(column(table, 'Trạng thái')).toContain('Đã có quyết định');
    expect(column(table, 'Ngày nộp xã')).toContain('20/06/2027');

    expect(csv(await officer.get('/api/v1/dossiers/export?format=csv')).rows).toHaveLength((await officer.get('/api/v1/dossiers')).body.total);
    // The Sen cooperative has no dossier: its file has the header row only.
    const empty = await xlsx(await producer.get('/api/v1/dossiers/export'));
    expect(empty.rows).toHaveLength(0);
    expect(empty.headers[0]).toBe('Sản phẩm');
    expect(csv(await admin.get('/api/v1/dossiers/export?format=csv&state=draft')).rows).toHaveLength(0);
  });

  it('exports certificates with their dates and today’s status', async () => {
    const table = await xlsx(await quyt.get('/api/v1/certificates/export'));
    expect(table.rows).toHaveLength((await quyt.get('/api/v1/certificates')).body.total);
    expect(column(table, 'Số giấy chứng nhận')).toEqual(['OCOP-82-2027-0001']);
    expect(column(table, 'Ngày cấp')).toEqual([new Date('2027-06-20T00:00:00Z')]);
    const text = csv(await officer.get('/api/v1/certificates/export?format=csv'));
    expect(column(text, 'Ngày hết hạn')).toEqual(['20/06/2030']);
    expect(column(text, 'Tình trạng')).toEqual(['Còn hiệu lực']);
    expect(csv(await producer.get('/api/v1/certificates/export?format=csv')).rows).toHaveLength(0);
    expect(csv(await admin.get('/api/v1/certificates/export?format=csv&status=valid')).rows).toHaveLength(
      (await admin.get('/api/v1/certificates?status=valid')).body.total,
    );
    expect(csv(await admin.get('/api/v1/certificates/export?format=csv&status=revoked')).rows).toHaveLength(0);
  });

  it('exports decisions, one row per product decided, for the office only', async () => {
    const table = csv(await admin.get('/api/v1/decisions/export?format=csv'));
    const decisions = (await admin.get('/api/v1/decisions')).body as { items: unknown[] }[];
    expect(table.rows).toHaveLength(decisions.reduce((n, d) => n + d.items.length, 0));
    expect(table.rows[0]!.slice(0, 2)).toEqual(['101/QĐ-UBND', '20/06/2027']);
    expect(column(table, 'Kết quả')).toEqual(['Công nhận 4 sao']);
    expect(column(table, 'Số giấy chứng nhận')).toEqual(['OCOP-82-2027-0001']);
    expect((await admin.get('/api/v1/decisions/export')).headers['content-disposition']).toMatch(/filename="quyet-dinh-cong-nhan-\d{4}-\d{2}-\d{2}\.xlsx"/);
    expect((await officer.get('/api/v1/decisions/export')).status).toBe(403);
  });
});

describe('rounds and councils export', () => {
  it('exports the rounds the list shows', async () => {
    const list = (await admin.get('/api/v1/rounds?year=2027')).body as { name: string }[];
    const table = csv(await admin.get('/api/v1/rounds/export?format=csv&year=2027'));
    expect(column(table, 'Tên đợt')).toEqual(list.map((r) => r.name));
    for (const d of column(table, 'Hạn đề nghị')) expect(d).toMatch(/^\d{2}\/\d{2}\/2027$/);
  });

  it('exports the councils: the office sees its own, a member those they sit on', async () => {
    const members = (await admin.get('/api/v1/users?role=council')).body.items as { id: string; email: string }[];
    const member = members.find((u) => u.email === DEMO.council)!;
    const establishment = { number: '15/QĐ-UBND', date: '2027-01-15', signer: 'Trần Trí Quang', signerTitle: 'Phó Chủ tịch' };
    const created = await admin.post('/api/v1/councils', {
      name: 'Hội đồng OCOP tỉnh Đồng Tháp năm 2027',
      year: 2027,
      establishment,
      members: [
        { fullName: 'Trần Văn Minh', organisation: 'Sở Nông nghiệp và Môi trường', position: 'chair', userId: member.id },
        ...['Sở Công Thương', 'Sở Y tế', 'Sở Khoa học và Công nghệ', 'Sở Văn hóa, Thể thao và Du lịch'].map((organisation, i) => ({
          fullName: `Ủy viên ${i + 1}`,
          organisation,
          position: 'member',
        })),
        { fullName: 'Lê Thị Thư', organisation: 'Văn phòng điều phối', position: 'secretary' },
      ],
    });
    expect(created.status).toBe(201);
    await admin.post('/api/v1/councils', {
      name: 'Tổ tư vấn 2027',
      kind: 'advisory_team',
      year: 2027,
      establishment,
      members: [{ fullName: 'Phan Văn Tổ', organisation: 'Sở Công Thương', position: 'chair' }],
    });

    const office = await xlsx(await admin.get('/api/v1/councils/export'));
    expect(office.rows).toHaveLength((await admin.get('/api/v1/councils')).body.length);
    expect(column(office, 'Tên hội đồng')).toContain('Tổ tư vấn 2027');
    const mine = csv(await (await t.client(DEMO.council)).get('/api/v1/councils/export?format=csv'));
    expect(column(mine, 'Tên hội đồng')).toEqual(['Hội đồng OCOP tỉnh Đồng Tháp năm 2027']);
    expect(column(mine, 'Chủ tịch')).toEqual(['Trần Văn Minh']);
    expect(column(mine, 'Thành viên')[0]).toContain('Lê Thị Thư (Thư ký, Văn phòng điều phối)');
    expect(column(mine, 'Số phiên họp')).toEqual(['0']);
  });
});

describe('OpenAPI', () => {
  it('documents each export as a binary XLSX or CSV response', async () => {
    const doc = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/docs/json' })).body);
    for (const path of ['subjects', 'products', 'users', 'dossiers', 'certificates', 'decisions', 'rounds', 'councils']) {
      const op = doc.paths[`/api/v1/${path}/export`]?.get;
      expect(op, path).toBeTruthy();
      expect(op.parameters.map((p: { name: string }) => p.name)).toContain('format');
      const content = op.responses['200'].content;
      expect(content['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'].schema).toMatchObject({ type: 'string', format: 'binary' });
      expect(content['text/csv'].schema).toMatchObject({ type: 'string', format: 'binary' });
    }
  });
});

describe('large lists', () => {
  it('exports every row, past the first batch, in the list’s order', async () => {
    const names = Array.from({ length: 2_150 }, (_, i) => `Cơ sở sản xuất số ${String(i).padStart(4, '0')}`);
    await t.database.db.insert(subjects).values(
      names.map((name, i) => ({
        provinceCode: '82',
        communeCode: i % 2 ? '29905' : '28594',
        name,
        nameSearch: foldVietnamese(name),
        sortKey: vietnameseSortKey(name),
        legalForm: 'CSSX',
      })),
    );
    const list = await listAll(admin, '/api/v1/subjects?legalForm=CSSX');
    const table = csv(await admin.get('/api/v1/subjects/export?format=csv&legalForm=CSSX'));
    expect(table.rows).toHaveLength(list.total);
    expect(list.total).toBeGreaterThan(2_150);
    expect(column(table, 'Tên chủ thể')).toEqual(list.items.map((s) => s.name));

    const officerTotal = (await officer.get('/api/v1/subjects')).body.total;
    const officerTable = await xlsx(await officer.get('/api/v1/subjects/export'));
    expect(officerTable.rows).toHaveLength(officerTotal);
    expect(officerTotal).toBeGreaterThan(1_000);
    for (const code of column(officerTable, 'Mã xã/phường')) expect(OFFICER_COMMUNES).toContain(code);
  });
});
