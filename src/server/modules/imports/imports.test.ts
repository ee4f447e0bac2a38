import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type Client, type TestApp } from '../../../../test/support/app.js';
import { multipartFiles } from '../../../../test/support/multipart.js';
import { HISTORY, workbook } from '../../../../test/support/workbooks.js';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { formatProductCode } from '../../../domain/identifiers/product-code.js';
import { queryRows } from '../../db/client.js';

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp({ config: { importMaxRows: 500, importMaxBytes: 1024 * 1024 } });
  admin = await t.client(DEMO.admin);
});
afterAll(() => t.close());

/** Uploads files and waits until the job has finished checking (or committing). */
async function importFiles(files: { name: string; data: Buffer }[], query = '') {
  const { payload, headers } = multipartFiles(files);
  const res = await admin.request('POST', `/api/v1/imports${query}`, payload, { headers });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return settle(res.body.id);
}
async function settle(id: string) {
  for (;;) {
    const job = (await admin.get(`/api/v1/imports/${id}`)).body;
    if (job.status !== 'validating' && job.status !== 'committing') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}
async function commit(id: string) {
  const res = await admin.post(`/api/v1/imports/${id}/commit`);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return settle(id);
}
const count = async (table: string) => (await queryRows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
const snapshot = async () => ({
  subjects: await count('subjects'),
  products: await count('products'),
  results: await count('historical_results'),
  audit: await count('audit_log'),
});

describe('import template', () => {
  it('has a sheet per kind of record with Vietnamese headers, a guide and the lists of its drop-downs', async () => {
    const res = await admin.get('/api/v1/imports/template');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Chủ thể',
      'Sản phẩm',
      'Kết quả đánh giá',
      'Điểm bán',
      'Siêu thị, chuỗi',
      'Thương mại điện tử',
      'Hội chợ, sự kiện',
      'Tham gia sự kiện',
      'Ý tưởng sản phẩm',
      'Phương án SXKD',
      'Chính sách hỗ trợ',
      'Khoản hỗ trợ',
      'Truyền thông',
      'Tập huấn',
      'Học viên tập huấn',
      'Hướng dẫn',
      'Danh mục',
    ]);
    expect(wb.getWorksheet('Danh mục')!.state).toBe('hidden');
    expect((wb.getWorksheet('Kết quả đánh giá')!.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Mã sản phẩm',
      'Năm',
      'Đợt',
      'Cấp đánh giá',
      'Loại đánh giá',
      'Điểm',
      'Hạng sao',
      'Số quyết định',
      'Ngày quyết định',
      'Căn cứ',
    ]);
  });
  it('is the office’s: a commune officer may not import', async () => {
    const officer = await t.client(DEMO.officer);
    expect((await officer.get('/api/v1/imports/template')).status).toBe(403);
    expect((await officer.get('/api/v1/imports')).status).toBe(403);
  });
});

describe('import', () => {
  it('checks, previews, commits in one go; a re-import changes nothing; a corrected file updates', async () => {
    const before = await snapshot();
    const file = { name: 'lich-su-ocop.xlsx', data: await workbook(HISTORY) };
    const job = await importFiles([file]);
    expect(job.problems).toEqual([]);
    expect(job.status).toBe('validated');
    expect(job.preview).toMatchObject({ subjects: { create: 5, update: 0, unchanged: 0 }, products: { create: 7 }, results: { create: 13 } });
    expect(await snapshot()).toEqual(before);

    const done = await commit(job.id);
    expect(done.status).toBe('committed');
    const after = await snapshot();
    expect(after.subjects - before.subjects).toBe(5);
    expect(after.products - before.products).toBe(7);
    expect(after.results - before.results).toBe(13);
    expect(after.audit - before.audit).toBe(5 + 7 + 13 + 1);

    // Stored in NFC, without stray spaces, with the office's codes; new products got OCOP codes of their first year.
    // (The demo province has a producer of the same name under another code: both stay.)
    const sen = (await admin.get('/api/v1/subjects?q=sen thap muoi')).body.items.find((s: { externalCode: string }) => s.externalCode === 'CT01');
    expect(sen).toMatchObject({ name: 'Hợp tác xã Sen Tháp Mười', externalCode: 'CT01', legalForm: 'HTX', communeCode: '29905', phone: '0912345678' });
    expect(sen.name).toBe(sen.name.normalize('NFC'));
    const phong = (await admin.get('/api/v1/subjects?q=banh phong')).body.items[0];
    expect(phong.name).toBe('Công ty TNHH Bánh Phồng Sa Đéc');
    const products = (await admin.get(`/api/v1/products?subjectId=${sen.id}`)).body.items;
    expect(products.map((p: { ocopCode: string }) => p.ocopCode.slice(-4)).sort()).toEqual(['2022', '2024']);

    // The same file again: nothing to do, nothing written.
    const again = await importFiles([file]);
    expect(again.preview).toMatchObject({
      subjects: { create: 0, update: 0, unchanged: 5 },
      products: { create: 0, update: 0, unchanged: 7 },
      results: { create: 0, update: 0, unchanged: 13 },
    });
    await commit(again.id);
    expect(await snapshot()).toEqual({ ...after, audit: after.audit + 1 });

    // A corrected file: one producer renamed, one score fixed.
    const corrected = structuredClone(HISTORY);
    corrected['Chủ thể']![3]![1] = 'Hộ kinh doanh Mắm Cá Linh Hồng Ngự';
    corrected['Kết quả đánh giá']![3]![5] = '75,5';
    const fix = await importFiles([{ name: 'sua.xlsx', data: await workbook(corrected) }]);
    expect(fix.preview).toMatchObject({ subjects: { update: 1, unchanged: 4 }, results: { update: 1, unchanged: 12 } });
    expect(fix.preview.samples.map((s: { changes: string[] }) => s.changes)).toEqual([['name'], ['score']]);
    expect((await commit(fix.id)).status).toBe('committed');
    expect((await snapshot()).subjects).toBe(after.subjects);
  });

  it('numbers new products of a commune and year after the serials already given, in the file’s order; a producer without a commune waits for its codes', async () => {
    const counter = async () =>
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select coalesce(max(last_serial), 0)::int as n from product_code_counters where commune_code = '30226' and year = 2020`,
        )
      )[0]!.n;
    const before = await counter();
    const job = await importFiles([
      {
        name: 'so-thu-tu.xlsx',
        data: await workbook({
          'Chủ thể': [
            ['Mã chủ thể', 'Tên chủ thể', 'Loại hình', 'Mã xã'],
            ['STT01', 'Hợp tác xã Số Thứ Tự', 'HTX', '30226'],
            ['STT02', 'Hộ kinh doanh Chưa Rõ Xã', 'HKD', null],
          ],
          'Sản phẩm': [
            ['Mã sản phẩm', 'Mã chủ thể', 'Tên sản phẩm', 'Bộ sản phẩm'],
            ['STTSP1', 'STT01', 'Khô cá lóc', 1],
            ['STTSP2', 'STT01', 'Bánh tráng', 1],
            ['STTSP3', 'STT01', 'Mắm thái', 1],
            ['STTSP4', 'STT02', 'Kẹo dừa', 1],
          ],
          'Kết quả đánh giá': [
            ['Mã sản phẩm', 'Năm', 'Cấp đánh giá', 'Loại đánh giá', 'Điểm', 'Hạng sao', 'Số quyết định', 'Ngày quyết định'],
            ...['STTSP1', 'STTSP2', 'STTSP3', 'STTSP4'].map((code) => [code, 2020, 'Tỉnh', 'Lần đầu', 72, 4, '77/QĐ-UBND', '15/09/2020']),
          ],
        }),
      },
    ]);
    expect(job.problems).toEqual([]);
    expect((await commit(job.id)).status).toBe('committed');
    const codes = await queryRows<{ external_code: string; ocop_code: string | null }>(
      t.database.db,
      sql`select external_code, ocop_code from products where external_code like 'STTSP%' order by external_code`,
    );
    expect(codes).toEqual([
      { external_code: 'STTSP1', ocop_code: formatProductCode({ provinceCode: '82', communeCode: '30226', serial: before + 1, year: 2020 }) },
      { external_code: 'STTSP2', ocop_code: formatProductCode({ provinceCode: '82', communeCode: '30226', serial: before + 2, year: 2020 }) },
      { external_code: 'STTSP3', ocop_code: formatProductCode({ provinceCode: '82', communeCode: '30226', serial: before + 3, year: 2020 }) },
      { external_code: 'STTSP4', ocop_code: null },
    ]);
    expect(await counter()).toBe(before + 3);
  });

  it('a committed import cannot be committed twice', async () => {
    const job = await importFiles([
      {
        name: 'a.xlsx',
        data: await workbook({
          'Chủ thể': [
            ['Mã chủ thể', 'Tên chủ thể', 'Loại hình', 'Mã xã'],
            ['CT90', 'Tổ hợp tác Lúa', 'THT', '29905'],
          ],
        }),
      },
    ]);
    await commit(job.id);
    const res = await admin.post(`/api/v1/imports/${job.id}/commit`);
    expect(res.status).toBe(409);
  });

  it('lists every problem with sheet, row, column, value and message, and writes nothing', async () => {
    const before = await snapshot();
    const job = await importFiles([
      {
        name: 'loi.xlsx',
        data: await workbook({
          'Chủ thể': [
            ['Mã chủ thể', 'Tên chủ thể', 'Loại hình', 'Mã xã', 'Email'],
            ['CT10', 'HTX A', 'Tập đoàn', '29905', 'a@b'],
            ['CT10', 'HTX B', 'HTX', '01234', null],
            [null, 'HTX C', 'HTX', '29905', null],
          ],
          'Sản phẩm': [
            ['Mã sản phẩm', 'Mã chủ thể', 'Tên sản phẩm', 'Bộ sản phẩm', 'Mã vạch'],
            ['SP10', 'CT99', 'Bánh', 1, '8934567890123'],
            ['SP11', 'CT10', 'Kẹo', 77, null],
          ],
          'Kết quả đánh giá': [
            ['Mã sản phẩm', 'Năm', 'Cấp đánh giá', 'Loại đánh giá', 'Điểm', 'Hạng sao', 'Ngày quyết định'],
            ['SP11', 2024, 'Tỉnh', 'Lần đầu', 65, 4, '31/02/2024'],
            ['SP11', 2024, 'Tỉnh', 'Lần đầu', { formula: 'A1*2', result: 130 }, null, null],
            ['SP11', 'hai nghìn', 'Vùng', 'Lần đầu', 70, 3, null],
          ],
        }),
      },
    ]);
    expect(job.status).toBe('invalid');
    const rows = job.problems.map((p: { sheet: string; row: number; column: string; value: string | null }) => [p.sheet, p.row, p.column, p.value]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Chủ thể', 2, 'Loại hình', 'Tập đoàn'],
        ['Chủ thể', 2, 'Email', 'a@b'],
        ['Chủ thể', 3, 'Mã xã', '01234'],
        ['Chủ thể', 4, 'Mã chủ thể', null],
        ['Sản phẩm', 2, 'Mã vạch', '8934567890123'],
        ['Sản phẩm', 3, 'Bộ sản phẩm', '77'],
        ['Kết quả đánh giá', 2, 'Ngày quyết định', '31/02/2024'],
        ['Kết quả đánh giá', 3, 'Điểm', '=A1*2'],
        ['Kết quả đánh giá', 4, 'Năm', 'hai nghìn'],
        ['Kết quả đánh giá', 4, 'Cấp đánh giá', 'Vùng'],
      ]),
    );
    expect(job.problemCount).toBe(job.problems.length);
    for (const p of job.problems) expect(p.message.vi).toMatch(/\S/);
    // Every row has a problem: the preview of the rows without any counts nothing.
    expect(job.preview).toMatchObject({
      subjects: { create: 0, update: 0, unchanged: 0 },
      products: { create: 0, update: 0, unchanged: 0 },
      results: { create: 0, update: 0, unchanged: 0 },
      samples: [],
    });
    expect((await admin.post(`/api/v1/imports/${job.id}/commit`)).status).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  it('reads CSV files (BOM, semicolons, decimal comma), the sheet told by headers or forced', async () => {
    const subjectsCsv = Buffer.from('\uFEFFMã chủ thể;Tên chủ thể;Loại hình;Mã xã\r\nCT20;"Hợp tác xã ""Cá Tra"" Hồng Ngự";HTX;30226\r\n', 'utf8');
    const productsCsv = Buffer.from('ma_san_pham,ma_chu_the,ten_san_pham\nSP20,CT20,Khô cá tra\n', 'utf8');
    const resultsCsv = Buffer.from('ma_san_pham;nam;cap;loai;diem;hang_sao\nSP20;2025;Tỉnh;Lần đầu;72,5;4\n', 'utf8');
    const job = await importFiles([
      { name: 'a.csv', data: subjectsCsv },
      { name: 'b.csv', data: productsCsv },
      { name: 'c.csv', data: resultsCsv },
    ]);
    expect(job.problems).toEqual([]);
    expect(job.preview).toMatchObject({ subjects: { create: 1 }, products: { create: 1 }, results: { create: 1 } });
    await commit(job.id);
    const s = (await admin.get('/api/v1/subjects?q=ca tra')).body.items[0];
    expect(s.name).toBe('Hợp tác xã "Cá Tra" Hồng Ngự');
    const forced = await importFiles([{ name: 'x.csv', data: Buffer.from('ma_chu_the,ten,loai\nCT21,X,HTX\n') }], '?sheet=subjects');
    expect(forced.status).toBe('invalid');
    expect(forced.problems[0].message.vi).toContain('Thiếu cột bắt buộc');
  });

  it('refuses hostile or malformed files with a clear message and leaves the database unchanged', async () => {
    const before = await snapshot();
    const bomb = zipSync(
      { '[Content_Types].xml': new Uint8Array(10), 'xl/workbook.xml': new Uint8Array(10), 'xl/worksheets/sheet1.xml': new Uint8Array(60 * 1024 * 1024) },
      { level: 9 },
    );
    const manyRows = await workbook({
      'Chủ thể': [['Mã chủ thể', 'Tên chủ thể', 'Loại hình', 'Mã xã'], ...Array.from({ length: 600 }, (_, i) => [`K${i}`, `HTX ${i}`, 'HTX', '29905'])],
    });
    const cases: [string, Buffer, RegExp][] = [
      ['bomb.xlsx', Buffer.from(bomb), /giải nén vượt quá/],
      ['anh.xlsx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0, 0xff, 0xfe]), /không phải .xlsx/],
      ['cu.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), /\.xls/],
      ['hong.xlsx', Buffer.from(zipSync({ 'readme.txt': new Uint8Array([65]) })), /không phải sổ tính Excel/],
      ['lon.xlsx', manyRows, /quá 500 dòng/],
      ['rong.csv', Buffer.from('a,b\n1,2\n'), /Không nhận ra bảng/],
    ];
    for (const [name, data, message] of cases) {
      const job = await importFiles([{ name, data }]);
      expect(job.status, name).toBe('invalid');
      expect(job.problems[0], name).toMatchObject({ sheet: name, row: null });
      expect(job.problems[0].message.vi, name).toMatch(message);
    }
    expect(await snapshot()).toEqual(before);
  }, 60_000);
});
