import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, type Client, type TestApp } from '../../../../test/support/app.js';
import { scoredDossier, setUpCouncil, sheetsWorth, type TestCouncil } from '../../../../test/support/evaluation.js';
import { docxText } from '../../../../test/support/documents.js';
import { publicOrigin } from '../../config.js';

let t: TestApp;
let admin: Client;
let officer: Client;
let producer: Client;
let council: TestCouncil;
let now = new Date('2027-06-20T03:00:00Z');
const clock = () => now;

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.client(DEMO.admin);
  officer = await t.client(DEMO.officer); // Sa Đéc, Lai Vung
  const subject = (await admin.get('/api/v1/subjects?q=quyt%20hong')).body.items[0]; // Lai Vung
  await admin.post('/api/v1/users', {
    email: 'quyt@example.vn',
    fullName: 'Võ Văn Phúc',
    role: 'producer',
    subjectId: subject.id,
    password: 'vuon-cam-ben-song-2026',
  });
  producer = await t.client('quyt@example.vn', 'vuon-cam-ben-song-2026');
  await admin.post('/api/v1/rounds/defaults', { year: 2027 });
  council = await setUpCouncil(t, admin, { key: 'cert', year: 2027, establishedOn: '2027-01-15' });
});
afterAll(() => t.close());

describe('decisions and certificates', () => {
  let productId: string;
  let dossierId: string;
  let certificate: { id: string; number: string; verificationCode: string; verificationPath: string; expiresOn: string };

  it('records a decision that recognises the product and issues its certificate', async () => {
    productId = (await producer.get('/api/v1/products')).body.items[0].id;
    dossierId = (await scoredDossier({ producer, officer, admin, council, today: '2027-06-20' }, productId, 1, 78)).id;
    const score = sheetsWorth(1, 78).total;
    const decide = (star: number, signedOn = '2027-06-20') =>
      admin.post('/api/v1/decisions', { number: '101/QĐ-UBND', signedOn, signer: 'Nguyễn Văn A', signerTitle: 'Phó Chủ tịch', items: [{ dossierId, star }] });
    const tooHigh = await decide(5);
    expect(tooHigh.status).toBe(400);
    expect(Object.keys(tooHigh.body.error.fields)).toEqual(['items.0.star']);
    // Dated before the council sat, or ahead of today: refused, nothing written.
    expect((await decide(4, '2027-06-19')).body.error.fields.signedOn).toContain('không được trước ngày hội đồng cấp tỉnh có kết quả (20/06/2027)');
    expect((await decide(4, '2027-06-21')).body.error.fields.signedOn).toContain('không được sau ngày hôm nay (20/06/2027)');
    expect((await admin.get(`/api/v1/dossiers/${dossierId}`)).body.state).toBe('scored');
    expect(
      (await producer.post('/api/v1/decisions', { number: 'x', signedOn: '2027-06-20', signer: 'x', signerTitle: 'x', items: [{ dossierId, star: 4 }] }))
        .status,
    ).toBe(403);

    const res = await decide(4);
    expect(res.status).toBe(201);
    expect(res.body.items[0]).toMatchObject({ star: 4, score, certificateNumber: 'OCOP-82-2027-0001' });
    expect((await admin.get(`/api/v1/dossiers/${dossierId}`)).body).toMatchObject({ state: 'decided', decidedStar: 4 });
    const again = await admin.post('/api/v1/decisions', {
      number: '101/QĐ-UBND',
      signedOn: '2027-06-20',
      signer: 'x',
      signerTitle: 'x',
      items: [{ dossierId, star: 4 }],
    });
    expect(again.status).toBe(400); // the dossier is already decided: nothing is written twice

    const list = (await producer.get('/api/v1/certificates')).body;
    expect(list.total).toBe(1);
    certificate = list.items[0];
    expect(certificate).toMatchObject({ star: 4, issuedOn: '2027-06-20', expiresOn: '2030-06-20', status: 'valid', decisionNumber: '101/QĐ-UBND' });
    expect(certificate.verificationCode).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it('drafts the decision as a DOCX in the administrative layout', async () => {
    const decision = (await admin.get('/api/v1/decisions')).body[0];
    const res = await admin.get(`/api/v1/decisions/${decision.id}/docx`);
    expect(res.status).toBe(200);
    const text = docxText(res.raw);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: 101/QĐ-UBND',
      'QUYẾT ĐỊNH',
      'Điều 1.',
      'Quýt hồng Lai Vung',
      'OCOP-82-2027-0001',
      'Nguyễn Văn A',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Đồng Tháp, ngày 20 tháng 6 năm 2027',
    ])
      expect(text).toContain(expected);
  });

  it('prints an A4 certificate whose QR code leads to the verification page', async () => {
    // Forged forwarding and host headers must not reach the printed link (it comes from configuration).
    const res = await producer.request('GET', `/api/v1/certificates/${certificate.id}/pdf`, undefined, {
      headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', host: 'evil2.example' },
    });
    expect(res.status).toBe(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-cert-'));
    fs.writeFileSync(path.join(dir, 'c.pdf'), res.raw);
    const text = execFileSync('pdftotext', [path.join(dir, 'c.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('GIẤY CHỨNG NHẬN');
    expect(text).toContain('Quýt hồng Lai Vung');
    expect(text).toContain('20/06/2030');
    expect(text).toContain('Nguyễn Văn A'); // the real signer, under their own title
    expect(text).toContain('PHÓ CHỦ TỊCH');
    execFileSync('pdftoppm', ['-png', '-r', '150', path.join(dir, 'c.pdf'), path.join(dir, 'page')]);
    const png = fs.readdirSync(dir).find((f) => f.endsWith('.png'))!;
    const qr = execFileSync('zbarimg', ['--quiet', '--raw', path.join(dir, png)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    expect(qr).toBe(`${publicOrigin(t.config)}${certificate.verificationPath}`);
    expect(qr).not.toContain('evil');
    // The same code for labels: a PNG at print resolution and an SVG, both decoding to the same address.
    const labelPng = await producer.get(`/api/v1/certificates/${certificate.id}/qr.png`);
    expect(labelPng.headers['content-type']).toBe('image/png');
    expect((await sharp(labelPng.raw).metadata()).width).toBe(1200);
    fs.writeFileSync(path.join(dir, 'qr.png'), labelPng.raw);
    expect(execFileSync('zbarimg', ['--quiet', '--raw', path.join(dir, 'qr.png')], { encoding: 'utf8' }).trim()).toBe(qr);
    const svg = await producer.get(`/api/v1/certificates/${certificate.id}/qr.svg`);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(String(svg.body)).toMatch(/^<svg/);
    fs.rmSync(dir, { recursive: true, force: true });

    const page = await t.app.inject({ method: 'GET', url: certificate.verificationPath });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sản phẩm OCOP chính hãng, giấy chứng nhận còn hiệu lực');
    expect(page.body).toContain('Quýt hồng Lai Vung');
    const api = await (await t.client()).get(`/api/v1/public/certificates/${certificate.verificationCode}`);
    expect(api.body).toMatchObject({ genuine: true, inForce: true, status: 'valid', certificate: { star: 4 } });
    const fake = await t.app.inject({ method: 'GET', url: '/v/AAAAAAAAAAAAAAAA' });
    expect(fake.statusCode).toBe(404);
    expect(fake.body).toContain('Không tìm thấy giấy chứng nhận');
  });

  it('moves through the re-rating window to expiry as the calendar moves', async () => {
    now = new Date('2029-12-23T03:00:00Z'); // expiry 20/06/2030 − 179 days
    expect((await admin.get(`/api/v1/certificates/${certificate.id}`)).body.status).toBe('due_for_rerating');
    const worklist = (await admin.get('/api/v1/certificates/worklist')).body;
    expect(worklist.dueForRerating.map((c: { id: string }) => c.id)).toEqual([certificate.id]);
    const { createCertificatesService } = await import('./certificates.service.js');
    const reminders = createCertificatesService(t.database.db, clock);
    expect(await reminders.sendReratingReminders()).toBe(1);
    expect(await reminders.sendReratingReminders()).toBe(0); // once only
    expect((await producer.get('/api/v1/notifications')).body.items[0].title).toContain('Đến hạn đánh giá lại');

    now = new Date('2030-06-21T03:00:00Z');
    expect((await admin.get(`/api/v1/certificates/${certificate.id}`)).body.status).toBe('expired');
    // A re-rating filed after expiry is refused: it never revives the certificate (Art. 12.3).
    const late = await producer.post('/api/v1/dossiers', { productId, kind: 'rerating', registration: { representativeName: 'Võ Văn Phúc' } });
    expect(late.body.error).toMatchObject({ code: 'dossier_kind_not_allowed' });
    expect(late.body.error.message).toContain('đã hết hạn ngày 20/06/2030');
    const page = await t.app.inject({ method: 'GET', url: certificate.verificationPath });
    expect(page.body).toContain('HẾT HIỆU LỰC');
    expect((await admin.get('/api/v1/certificates/worklist')).body.lapsed).toHaveLength(1);
    now = new Date('2027-07-01T03:00:00Z');
  });

  it('allows an upgrade while the certificate is in force, but not a second first evaluation', async () => {
    const first = await producer.post('/api/v1/dossiers', { productId, kind: 'first', registration: { representativeName: 'Võ Văn Phúc' } });
    expect(first.body.error.code).toBe('dossier_kind_not_allowed');
    const early = await producer.post('/api/v1/dossiers', { productId, kind: 'rerating', registration: { representativeName: 'Võ Văn Phúc' } });
    expect(early.body.error.message).toContain('Chưa đến thời hạn nộp hồ sơ đánh giá lại');
    const selfAssessmentId = (await producer.get(`/api/v1/products/${productId}/self-assessments`)).body[0].id;
    const upgrade = await producer.post('/api/v1/dossiers', {
      productId,
      kind: 'upgrade',
      selfAssessmentId,
      registration: { representativeName: 'Võ Văn Phúc' },
    });
    expect(upgrade.status).toBe(201);
    await producer.post(`/api/v1/dossiers/${upgrade.body.id}/transitions`, {
      action: 'withdraw_draft',
      expectedVersion: upgrade.body.version,
      comment: 'Chưa sẵn sàng',
    });
  });

  it('is revoked only by the recognising authority, on an Art. 8 ground, within 15 days of the conclusion', async () => {
    const body = {
      ground: 'c',
      decisionNo: '55/QĐ-UBND',
      decidedOn: '2027-07-01',
      signer: 'Trần Trí Quang',
      signerTitle: 'Phó Chủ tịch',
      note: 'Vi phạm ghi nhãn',
    };
    expect((await officer.post(`/api/v1/certificates/${certificate.id}/revoke`, body)).status).toBe(403);
    expect((await admin.post(`/api/v1/certificates/${certificate.id}/revoke`, { ...body, ground: 'z' })).status).toBe(400);
    // Dated before the certificate's issue, or ahead of today: refused.
    expect((await admin.post(`/api/v1/certificates/${certificate.id}/revoke`, { ...body, decidedOn: '2027-06-19' })).body.error.fields.decidedOn).toContain(
      'không được trước ngày cấp giấy chứng nhận (20/06/2027)',
    );
    expect((await admin.post(`/api/v1/certificates/${certificate.id}/revoke`, { ...body, decidedOn: '2027-07-02' })).body.error.code).toBe('date_out_of_order');
    // The inspection's conclusion starts the 15 days of Art. 8.4; past them, the work list flags it.
    expect(
      (await admin.post(`/api/v1/certificates/${certificate.id}/violations`, { ground: 'c', concludedOn: '2027-06-19', reference: 'x' })).body.error.code,
    ).toBe('date_out_of_order');
    const violation = await admin.post(`/api/v1/certificates/${certificate.id}/violations`, {
      ground: 'c',
      concludedOn: '2027-06-20',
      reference: 'Kết luận thanh tra số 12/KL-SNNMT',
    });
    expect(violation.body.violation).toMatchObject({ concludedOn: '2027-06-20', revokeBy: '2027-07-05' });
    expect((await admin.get('/api/v1/certificates/worklist')).body.revocationsDue).toEqual([expect.objectContaining({ dueOn: '2027-07-05', overdue: false })]);
    now = new Date('2027-07-06T03:00:00Z');
    expect((await admin.get('/api/v1/certificates/worklist')).body.revocationsDue).toEqual([expect.objectContaining({ overdue: true })]);
    now = new Date('2027-07-01T03:00:00Z');
    const res = await admin.post(`/api/v1/certificates/${certificate.id}/revoke`, body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'revoked', revocationGround: 'c', revocationDecisionNo: '55/QĐ-UBND', revocationSigner: 'Trần Trí Quang' });
    expect((await admin.post(`/api/v1/certificates/${certificate.id}/revoke`, body)).status).toBe(409);
    expect((await admin.get('/api/v1/certificates/worklist')).body.revocationsDue).toEqual([]);
    const docx = docxText((await admin.get(`/api/v1/certificates/${certificate.id}/revocation.docx`)).raw);
    for (const expected of ['Số: 55/QĐ-UBND', 'thu hồi', 'OCOP-82-2027-0001', 'Trần Trí Quang', 'KT. CHỦ TỊCH']) expect(docx).toContain(expected);
    const api = await (await t.client()).get(`/api/v1/public/certificates/${certificate.verificationCode}`);
    expect(api.body).toMatchObject({ inForce: false, status: 'revoked' });
  });

  it('records results of earlier years under their own rules', async () => {
    const body = {
      year: 2024,
      level: 'district',
      kind: 'first',
      score: 62,
      star: 3,
      decisionNo: '12/QĐ-UBND',
      decisionDate: '2024-09-10',
      legalBasis: '148/QĐ-TTg',
    };
    expect((await producer.post(`/api/v1/products/${productId}/results`, body)).status).toBe(403);
    expect((await admin.post(`/api/v1/products/${productId}/results`, { ...body, legalBasis: '1048/QĐ-TTg' })).body.error.code).toBe(
      'invalid_historical_result',
    );
    expect((await admin.post(`/api/v1/products/${productId}/results`, body)).status).toBe(201);
    expect((await admin.post(`/api/v1/products/${productId}/results`, { ...body, score: 64 })).status).toBe(201); // corrected, not duplicated
    const list = (await producer.get(`/api/v1/products/${productId}/results`)).body;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ level: 'district', score: 64, star: 3 });
  });

  it('keeps certificates within scope', async () => {
    expect((await (await t.client(DEMO.producer)).get(`/api/v1/certificates/${certificate.id}`)).status).toBe(404);
    expect((await (await t.client(DEMO.council)).get('/api/v1/certificates')).status).toBe(403);
    expect((await producer.get('/api/v1/certificates/worklist')).status).toBe(403);
  });
});
