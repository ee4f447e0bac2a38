import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bestChoices, loadShippedVersion, optionWorth } from '../../../domain/criteria/test-support.js';
import { listScorableCriteria } from '../../../domain/criteria/index.js';
import { DEMO, createTestApp, type Client, type TestApp } from '../../../../test/support/app.js';
import { multipart } from '../../../../test/support/multipart.js';

let t: TestApp;
let producer: Client;
let productId: string;
const set7 = loadShippedVersion('qd26').sets.find((s) => s.number === 7)!;

beforeAll(async () => {
  t = await createTestApp();
  producer = await t.client(DEMO.producer);
  // "Hạt sen sấy" of the demo producer is classified in set 7.
  productId = (await producer.get('/api/v1/products?q=hat%20sen%20say')).body.items[0].id;
});
afterAll(() => t.close());

describe('self-assessment', () => {
  let id: string;

  it('starts a draft on the product’s criteria set of the version in force', async () => {
    const res = await producer.post(`/api/v1/products/${productId}/self-assessments`, {});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', legalBasis: '26/2026/QĐ-TTg', setNumber: 7, productName: 'Hạt sen sấy', result: null, canEdit: true });
    expect(res.body.progress).toMatchObject({ answered: 0, total: 0 });
    id = res.body.id;
  });

  it('saves partial choices and shows the running total and band', async () => {
    const best = bestChoices(set7);
    const firstTen = Object.fromEntries(Object.entries(best).slice(0, 10));
    const res = await producer.put(`/api/v1/self-assessments/${id}`, { choices: firstTen, notes: { '1.1': '  Nguyên liệu sen của HTX  ' } });
    expect(res.status).toBe(200);
    expect(res.body.progress.answered).toBe(10);
    expect(res.body.progress.total).toBeGreaterThan(0);
    expect(res.body.notes).toEqual({ '1.1': 'Nguyên liệu sen của HTX' });
    expect(res.body.result).toBeNull();
  });

  it('refuses unknown criteria and options with precise fields, keeping the saved draft', async () => {
    const res = await producer.put(`/api/v1/self-assessments/${id}`, { choices: { '1.1': 42, '77.7': 0 }, notes: {} });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['choices.1.1', 'choices.77.7']);
    expect((await producer.get(`/api/v1/self-assessments/${id}`)).body.progress.answered).toBe(10);
  });

  it('cannot complete an incomplete sheet', async () => {
    const res = await producer.post(`/api/v1/self-assessments/${id}/complete`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_score_sheet');
  });

  it('gives the star, failed minimums and next-star plan when the sheet is full', async () => {
    // Full marks except the option that carries a 4★ minimum on one criterion.
    const choices = { ...bestChoices(set7) };
    const gated = listScorableCriteria(set7).find((c) => c.options.some((o) => o.minStar === 4))!;
    const marked = gated.options.find((o) => o.minStar === 4)!;
    choices[gated.code] = optionWorth(set7, gated.code, Math.min(...gated.options.filter((o) => o.points < marked.points).map((o) => o.points)));
    const res = await producer.put(`/api/v1/self-assessments/${id}`, { choices, notes: {} });
    expect(res.body.result.total).toBeGreaterThanOrEqual(70);
    expect(res.body.result.star).toBe(3); // capped: the 4★ minimum is missed
    expect(res.body.result.failedGates.some((g: { star: number; criterion: string }) => g.star === 4 && g.criterion === gated.code)).toBe(true);
    expect(res.body.result.next.targetStar).toBe(4);
    const done = await producer.post(`/api/v1/self-assessments/${id}/complete`);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', star: 3 });
    expect((await producer.put(`/api/v1/self-assessments/${id}`, { choices, notes: {} })).status).toBe(409);
    const list = await producer.get(`/api/v1/products/${productId}/self-assessments`);
    expect(list.body[0]).toMatchObject({ id, status: 'completed', star: 3, setName: set7.name });
  });

  it('attaches evidence as a link or a file checked by content, and serves the file', async () => {
    await producer.post(`/api/v1/self-assessments/${id}/reopen`);
    const link = await producer.post(`/api/v1/self-assessments/${id}/evidence`, { criterionCode: '1.1', url: 'https://example.vn/hop-dong.pdf' });
    expect(link.status).toBe(201);
    const bad = await producer.post(`/api/v1/self-assessments/${id}/evidence`, { criterionCode: '1.1', url: 'javascript:alert(1)' });
    expect(bad.status).toBe(400);
    const pdf = multipart({ criterionCode: '1.5' }, { name: 'Hợp đồng bao tiêu.pdf', data: Buffer.from('%PDF-1.4\n%…\n') });
    const file = await producer.request('POST', `/api/v1/self-assessments/${id}/evidence`, pdf.payload, { headers: pdf.headers });
    expect(file.status).toBe(201);
    const stored = file.body.evidence.find((e: { kind: string }) => e.kind === 'file');
    expect(stored).toMatchObject({ criterionCode: '1.5', filename: 'Hợp đồng bao tiêu.pdf', mimeType: 'application/pdf' });
    const download = await producer.get(stored.url);
    expect(download.status).toBe(200);
    expect(String(download.headers['content-disposition'])).toContain("filename*=UTF-8''H%E1%BB%A3p");
    const exe = multipart({ criterionCode: '1.5' }, { name: 'x.pdf', data: Buffer.from('MZ this is not a pdf') });
    const refused = await producer.request('POST', `/api/v1/self-assessments/${id}/evidence`, exe.payload, { headers: exe.headers });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('unsupported_document');
    const wrongCriterion = await producer.post(`/api/v1/self-assessments/${id}/evidence`, { criterionCode: '42', url: 'https://example.vn' });
    expect(wrongCriterion.body.error.code).toBe('unknown_criterion');
  });

  it('prints an A4 PDF in Vietnamese', async () => {
    const res = await producer.get(`/api/v1/self-assessments/${id}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-pdf-'));
    const file = path.join(dir, 'sheet.pdf');
    fs.writeFileSync(file, res.raw);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('PHIẾU TỰ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP');
    expect(text).toContain('Hạt sen sấy');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps other producers out (404) and lets the officer of another commune see nothing', async () => {
    const other = await t.client(DEMO.officer); // Sa Đéc and Lai Vung; the product is in Tháp Mười
    expect((await other.get(`/api/v1/self-assessments/${id}`)).status).toBe(404);
    expect((await other.post(`/api/v1/products/${productId}/self-assessments`, {})).status).toBe(404);
    expect((await (await t.client()).get(`/api/v1/self-assessments/${id}`)).status).toBe(401);
  });

  it('makes the criteria version it uses immutable', async () => {
    const admin = await t.client(DEMO.admin);
    const { readCriteriaJson } = await import('../../../domain/criteria/test-support.js');
    const res = await admin.post('/api/v1/criteria', readCriteriaJson('qd26-2026.json'));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('criteria_version_in_use');
  });

  it('deletes drafts only, with their evidence', async () => {
    expect((await producer.delete(`/api/v1/self-assessments/${id}`)).status).toBe(200);
    expect((await producer.get(`/api/v1/self-assessments/${id}`)).status).toBe(404);
  });
});
