import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type Client, type TestApp } from '../../../../test/support/app.js';
import { multipartFiles } from '../../../../test/support/multipart.js';
import { workbook } from '../../../../test/support/workbooks.js';
import { PROBLEM_FILL, PROBLEMS_HEADER } from './problems-workbook.js';

/**
 * Imports of real records: published recognition decisions give producers' addresses, not commune
 * codes; broken files are listed in one pass and given back marked; producers registered by hand
 * are found again.
 */
let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp({ config: { importMaxRows: 500, importMaxBytes: 1024 * 1024 } });
  admin = await t.client(DEMO.admin);
});
afterAll(() => t.close());

async function importFiles(files: { name: string; data: Buffer }[]) {
  const { payload, headers } = multipartFiles(files);
  const res = await admin.request('POST', '/api/v1/imports', payload, { headers });
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
const subjectByCode = async (q: string, code: string) =>
  (await admin.get(`/api/v1/subjects?q=${encodeURIComponent(q)}`)).body.items.find((s: { externalCode: string | null }) => s.externalCode === code);

const SUBJECT_HEADERS = ['Mã chủ thể', 'Tên chủ thể', 'Loại hình', 'Mã xã', 'Địa chỉ', 'Mã số thuế'];

describe('producers without a commune code', () => {
  it('are created in the commune their address names, and the preview says how each was found', async () => {
    const job = await importFiles([
      {
        name: 'quyet-dinh-cong-nhan.xlsx',
        data: await workbook({
          'Chủ thể': [
            SUBJECT_HEADERS,
            ['QD01', 'HTX Nông nghiệp Sa Đéc', 'HTX', null, 'Phường Sa Đéc, tỉnh Đồng Tháp', null],
            // No accents, "X." for xã, extra spaces.
            ['QD02', 'Tổ hợp tác Sen', 'THT', null, 'ap 3 ,  X. Thap Muoi,  Dong Thap', null],
            // Xã Mỹ Thọ, not Phường Mỹ Tho: the tone mark decides.
            ['QD03', 'Cơ sở Bánh Tráng', 'CSSX', null, 'Ấp Mỹ Phú, xã Mỹ Thọ, tỉnh Đồng Tháp', null],
          ],
          'Sản phẩm': [
            ['Mã sản phẩm', 'Mã chủ thể', 'Tên sản phẩm'],
            ['QDSP1', 'QD01', 'Gạo thơm Quyết Định Mười Hai'],
          ],
        }),
      },
    ]);
    expect(job.problems).toEqual([]);
    expect(job.preview.subjects).toEqual({ create: 3, update: 0, unchanged: 0 });
    expect(job.preview.communes).toEqual([
      { row: 2, code: 'QD01', text: 'Phường Sa Đéc', communeCode: '29905', communeName: 'Phường Sa Đéc' },
      { row: 3, code: 'QD02', text: 'X. Thap Muoi', communeCode: '30037', communeName: 'Xã Tháp Mười' },
      { row: 4, code: 'QD03', text: 'xã Mỹ Thọ', communeCode: '30076', communeName: 'Xã Mỹ Thọ' },
    ]);
    expect((await commit(job.id)).status).toBe('committed');
    expect(await subjectByCode('nong nghiep sa dec', 'QD01')).toMatchObject({ communeCode: '29905', address: 'Phường Sa Đéc, tỉnh Đồng Tháp' });
    expect(await subjectByCode('to hop tac sen', 'QD02')).toMatchObject({ communeCode: '30037' });
    expect(await subjectByCode('banh trang', 'QD03')).toMatchObject({ communeCode: '30076' });
    // The product got an OCOP code of the commune found.
    const products = (await admin.get('/api/v1/products?q=gao thom quyet dinh muoi hai')).body.items;
    expect(products.map((p: { ocopCode: string }) => p.ocopCode)).toEqual([expect.stringMatching(/^82-29905-/)]);
  });

  it('a producer whose address names only the province, or two communes, is imported with its commune unknown, for the office to place', async () => {
    const job = await importFiles([
      {
        name: 'chi-co-tinh.xlsx',
        data: await workbook({
          'Chủ thể': [
            SUBJECT_HEADERS,
            ['QD10', 'HTX Chỉ Có Tỉnh', 'HTX', null, 'tỉnh Đồng Tháp', null],
            ['QD11', 'HTX Hai Xã', 'HTX', null, 'xã Tháp Mười, phường Sa Đéc', null],
          ],
          'Sản phẩm': [
            ['Mã sản phẩm', 'Mã chủ thể', 'Tên sản phẩm'],
            ['QDSP10', 'QD10', 'Mứt Chỉ Có Tỉnh'],
          ],
          'Kết quả đánh giá': [
            ['Mã sản phẩm', 'Năm', 'Cấp đánh giá', 'Loại đánh giá', 'Điểm', 'Hạng sao', 'Số quyết định', 'Ngày quyết định'],
            ['QDSP10', 2025, 'Tỉnh', 'Lần đầu', 72, 4, '88/QĐ-UBND', '15/09/2025'],
          ],
        }),
      },
    ]);
    // Not a problem of the file: both rows go in, and the preview names them with the reason.
    expect(job.problems).toEqual([]);
    expect(job.preview.subjects).toEqual({ create: 2, update: 0, unchanged: 0 });
    expect(job.preview.unplaced.map((u: { row: number; code: string }) => [u.row, u.code])).toEqual([
      [2, 'QD10'],
      [3, 'QD11'],
    ]);
    expect(job.preview.unplaced[0].reason.vi).toContain('không nêu xã');
    expect(job.preview.unplaced[1].reason.vi).toContain('nhiều xã');
    expect((await commit(job.id)).status).toBe('committed');

    // The office sees them, flagged, and lists them apart; the product waits for its code.
    const unplaced = (await admin.get('/api/v1/subjects?communeUnknown=true')).body.items;
    expect(unplaced.map((s: { externalCode: string }) => s.externalCode).sort()).toEqual(['QD10', 'QD11']);
    const only = unplaced.find((s: { externalCode: string }) => s.externalCode === 'QD10');
    expect(only).toMatchObject({ communeCode: null, communeName: null, productCount: 1 });
    const [product] = (await admin.get(`/api/v1/products?subjectId=${only.id}`)).body.items;
    expect(product).toMatchObject({ name: 'Mứt Chỉ Có Tỉnh', ocopCode: null, communeCode: null });
    expect((await admin.get(`/api/v1/products/${product.id}/results`)).body).toHaveLength(1);

    // No commune officer sees them: not in a list, not by id.
    const officer = await t.client(DEMO.officer);
    expect((await officer.get(`/api/v1/subjects/${only.id}`)).status).toBe(404);
    expect((await officer.get(`/api/v1/products/${product.id}`)).status).toBe(404);
    expect((await officer.get('/api/v1/subjects?communeUnknown=true')).body.items).toEqual([]);

    // Nothing that needs the commune: a new product, a dossier.
    const newProduct = await admin.post('/api/v1/products', { subjectId: only.id, name: 'Mứt gừng' });
    expect(newProduct.status).toBe(409);
    expect(newProduct.body.error.code).toBe('subject_commune_unknown');
    const dossier = await admin.post('/api/v1/dossiers', { productId: product.id, kind: 'first', registration: { representativeName: 'Lê Văn Tư' } });
    expect(dossier.status).toBe(409);
    expect(dossier.body.error.code).toBe('subject_commune_unknown');

    // The office places the producer: the product gets a code of that commune for the year of its first result, audited.
    const subject = (await admin.get(`/api/v1/subjects/${only.id}`)).body;
    const { id: _id, provinceCode: _p, communeName: _n, externalCode: _e, productCount: _c, createdAt: _a, updatedAt: _u, ...input } = subject;
    const placed = await admin.put(`/api/v1/subjects/${only.id}`, { ...input, communeCode: '29905' });
    expect(placed.status, JSON.stringify(placed.body)).toBe(200);
    expect(placed.body).toMatchObject({ communeCode: '29905', communeName: 'Sa Đéc' });
    const coded = (await admin.get(`/api/v1/products/${product.id}`)).body;
    expect(coded.ocopCode).toMatch(/^82-29905-\d{3}-2025$/);
    const history = (await admin.get(`/api/v1/products/${product.id}/history`)).body.items;
    expect(history[0].changes).toContainEqual({ field: 'ocopCode', before: null, after: coded.ocopCode });
    // Now the commune's officer has it.
    expect((await officer.get(`/api/v1/subjects/${only.id}`)).status).toBe(200);
    expect((await admin.get('/api/v1/subjects?communeUnknown=true')).body.items.map((s: { externalCode: string }) => s.externalCode)).toEqual(['QD11']);
  });

  it('a corrected file that gives the commune places the producer and issues its products’ codes', async () => {
    const file = (commune: string | null) =>
      workbook({
        'Chủ thể': [SUBJECT_HEADERS, ['QD20', 'HTX Sửa Sau', 'HTX', commune, 'tỉnh Đồng Tháp', null]],
        'Sản phẩm': [
          ['Mã sản phẩm', 'Mã chủ thể', 'Tên sản phẩm'],
          ['QDSP20', 'QD20', 'Trà Sửa Sau'],
        ],
      });
    const first = await importFiles([{ name: 'truoc.xlsx', data: await file(null) }]);
    expect((await commit(first.id)).status).toBe('committed');
    const codeless = (await admin.get('/api/v1/products?q=tra sua sau')).body.items;
    expect(codeless.map((p: { ocopCode: string | null }) => p.ocopCode)).toEqual([null]);

    const corrected = await importFiles([{ name: 'sau.xlsx', data: await file('30037') }]);
    expect(corrected.problems).toEqual([]);
    expect((await commit(corrected.id)).status).toBe('committed');
    expect(await subjectByCode('hop tac xa sua sau', 'QD20')).toMatchObject({ communeCode: '30037' });
    const coded = (await admin.get(`/api/v1/products/${codeless[0].id}`)).body;
    expect(coded.ocopCode).toMatch(/^82-30037-\d{3}-\d{4}$/);
    const history = (await admin.get(`/api/v1/products/${coded.id}/history`)).body.items;
    expect(history[0].changes).toContainEqual({ field: 'ocopCode', before: null, after: coded.ocopCode });
  });
});

/** One row of each sheet with every kind of problem at once. */
const BROKEN = {
  'Chủ thể': [
    SUBJECT_HEADERS,
    ['BR01', 'HTX Đúng', 'HTX', '29905', null, null],
    // Duplicate code, commune not in the province and an invalid tax code, on one row.
    ['BR01', 'HTX Sai', 'HTX', '01234', null, '12'],
  ],
  'Sản phẩm': [
    ['Mã sản phẩm', 'Mã chủ thể', 'Tên sản phẩm', 'Mã vạch'],
    ['BRSP1', 'BR01', 'Bánh', null],
    // Duplicate code, unknown producer and a wrong barcode, on one row.
    ['BRSP1', 'BR99', 'Kẹo', '8934567890123'],
  ],
  'Kết quả đánh giá': [
    ['Mã sản phẩm', 'Năm', 'Cấp đánh giá', 'Loại đánh giá', 'Điểm', 'Hạng sao', 'Ngày quyết định'],
    ['BRSP1', 2024, 'Tỉnh', 'Lần đầu', 75, 4, null],
    // Unknown product, a star above its band and an impossible date, on one row.
    ['BRSP9', 2024, 'Tỉnh', 'Lần đầu', 65, 4, '31/02/2024'],
  ],
};

describe('a broken workbook', () => {
  let jobId: string;
  it('lists every problem of every row in one pass', async () => {
    const job = await importFiles([{ name: 'hong.xlsx', data: await workbook(BROKEN) }]);
    jobId = job.id;
    expect(job.status).toBe('invalid');
    expect(job.markedFiles).toEqual([0]);
    const listed = job.problems.map((p: { sheet: string; row: number; column: string }) => `${p.sheet}|${p.row}|${p.column}`);
    // Listed in the file's order: sheet by sheet, row by row.
    expect(listed.map((p: string) => p.split('|').slice(0, 2).join('|'))).toEqual([
      ...Array(3).fill('Chủ thể|3'),
      ...Array(3).fill('Sản phẩm|3'),
      ...Array(3).fill('Kết quả đánh giá|3'),
    ]);
    const found = [...listed].sort();
    expect(found).toEqual(
      [
        'Chủ thể|3|Mã chủ thể', // duplicate
        'Chủ thể|3|Mã xã', // not in the province
        'Chủ thể|3|Mã số thuế', // invalid
        'Sản phẩm|3|Mã sản phẩm', // duplicate
        'Sản phẩm|3|Mã chủ thể', // unknown producer
        'Sản phẩm|3|Mã vạch', // wrong check digit
        'Kết quả đánh giá|3|Mã sản phẩm', // unknown product
        'Kết quả đánh giá|3|Hạng sao', // above the band of 65 points
        'Kết quả đánh giá|3|Ngày quyết định', // 31 February
      ].sort(),
    );
  });

  it('gives the workbook back with a problems column and the cells at fault marked', async () => {
    const res = await admin.get(`/api/v1/imports/${jobId}/problems.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('hong-loi.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as never);
    const subjects = wb.getWorksheet('Chủ thể')!;
    expect(subjects.getRow(1).getCell(7).value).toBe(PROBLEMS_HEADER);
    // The row without problems has none written; the broken row lists its three.
    expect(subjects.getRow(2).getCell(7).value ?? null).toBeNull();
    const listed = String(subjects.getRow(3).getCell(7).value);
    expect(listed.split('\n')).toHaveLength(3);
    expect(listed).toContain('Mã số thuế');
    for (const col of [1, 4, 6]) {
      const cell = subjects.getRow(3).getCell(col);
      expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb, `column ${col}`).toBe(PROBLEM_FILL);
      expect(cell.note, `column ${col}`).toBeTruthy();
    }
    // A cell without a problem is left as it was.
    expect(subjects.getRow(3).getCell(2).fill?.type ?? null).toBeNull();
    const results = wb.getWorksheet('Kết quả đánh giá')!;
    expect(results.getRow(1).getCell(8).value).toBe(PROBLEMS_HEADER);
    expect((results.getRow(3).getCell(6).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(PROBLEM_FILL);
    expect(String((results.getRow(3).getCell(6).note as string) ?? '')).toContain('cao hơn mức điểm');
    // The data is untouched.
    expect(results.getRow(3).getCell(7).value).toBe('31/02/2024');
  });

  it('has no problems file for an import without problems, or for a commune officer', async () => {
    const ok = await importFiles([
      { name: 'dung.xlsx', data: await workbook({ 'Chủ thể': [SUBJECT_HEADERS, ['OK01', 'HTX Tốt', 'HTX', '29905', null, null]] }) },
    ]);
    expect(ok.markedFiles).toEqual([]);
    const res = await admin.get(`/api/v1/imports/${ok.id}/problems.xlsx`);
    expect(res.status).toBe(409);
    expect(res.body.error.message.vi ?? JSON.stringify(res.body)).toMatch(/tệp lỗi/);
    // A file named .xlsx that is no workbook has its problem listed, and nothing to give back marked:
    // the page offers no download that would answer 409.
    const fake = await importFiles([{ name: 'gia.xlsx', data: Buffer.from('Mã chủ thể;Tên\nA01;HTX\n') }]);
    expect(fake.problemCount).toBeGreaterThan(0);
    expect(fake.markedFiles).toEqual([]);
    expect((await admin.get(`/api/v1/imports/${fake.id}/problems.xlsx`)).status).toBe(409);
    const officer = await t.client(DEMO.officer);
    expect((await officer.get(`/api/v1/imports/${jobId}/problems.xlsx`)).status).toBe(403);
  });
});

describe('a producer registered by hand', () => {
  it('is found by its tax code, updated and given the file’s code instead of being created twice', async () => {
    const made = await admin.post('/api/v1/subjects', { name: 'HTX Dừa Bến Tre Mới', legalForm: 'HTX', communeCode: '30037', taxCode: '1402345687' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const job = await importFiles([
      {
        name: 'thue.xlsx',
        data: await workbook({
          'Chủ thể': [SUBJECT_HEADERS, ['MST01', 'Hợp tác xã Dừa Bến Tre Mới', 'HTX', null, 'xã Tháp Mười', '1402 345 687']],
        }),
      },
    ]);
    expect(job.problems).toEqual([]);
    expect(job.preview.subjects).toEqual({ create: 0, update: 1, unchanged: 0 });
    expect(job.preview.matches).toEqual([
      {
        row: 2,
        code: 'MST01',
        name: 'Hợp tác xã Dừa Bến Tre Mới',
        subjectId: made.body.id,
        subjectName: 'HTX Dừa Bến Tre Mới',
        taxCode: '1402345687',
        by: 'taxCode',
      },
    ]);
    await commit(job.id);
    const items = (await admin.get('/api/v1/subjects?q=dua ben tre moi')).body.items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: made.body.id, externalCode: 'MST01', name: 'Hợp tác xã Dừa Bến Tre Mới' });
  });

  it('without a tax code, by name and commune, listed in the preview for the office to confirm', async () => {
    const made = await admin.post('/api/v1/subjects', { name: 'Cơ sở Mắm Tép', legalForm: 'CSSX', communeCode: '29905' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const job = await importFiles([
      {
        name: 'ten.xlsx',
        data: await workbook({ 'Chủ thể': [SUBJECT_HEADERS, ['MT01', 'Co so Mam Tep', 'CSSX', '29905', null, null]] }),
      },
    ]);
    expect(job.preview.subjects).toMatchObject({ create: 0, update: 1 });
    expect(job.preview.matches).toMatchObject([{ row: 2, code: 'MT01', subjectId: made.body.id, by: 'nameCommune' }]);
  });
});
