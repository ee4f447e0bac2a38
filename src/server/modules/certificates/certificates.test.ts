import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, type Client, type TestApp } from '../../../../test/support/app.js';
import { COMMUNE_ASSESSMENT, filePapers, scoredDossier, setUpCouncil, sheetsWorth, step, type TestCouncil } from '../../../../test/support/evaluation.js';
import { addDays } from '../../../domain/dates/calendar.js';
import { bestChoices, loadShippedVersion } from '../../../domain/criteria/test-support.js';
import { issuedCertificate } from '../../../../test/support/certificates.js';
import { docxText } from '../../../../test/support/documents.js';
import { publicOrigin } from '../../config.js';
import { queryRows } from '../../db/client.js';

let t: TestApp;
let admin: Client;
let officer: Client;
let producer: Client;
let council: TestCouncil;
let now = new Date('2027-06-20T03:00:00Z');
const clock = () => now;
const set1 = loadShippedVersion('qd26').sets.find((x) => x.number === 1)!;

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
    expect(worklist.dueForRerating.items.map((c: { id: string }) => c.id)).toEqual([certificate.id]);
    expect(worklist.dueForRerating.total).toBe(1);
    const { createCertificatesService } = await import('./certificates.service.js');
    const reminders = createCertificatesService(t.database.db, clock);
    expect(await reminders.sendReratingReminders()).toBe(1);
    expect(await reminders.sendReratingReminders()).toBe(0); // once only
    expect((await producer.get('/api/v1/notifications')).body.items[0].title).toContain('Đến hạn đánh giá lại');
    // A re-rating drafted in its window but filed after expiry is refused on filing (Art. 7.6, 12.3).
    const selfAssessmentId = (await producer.get(`/api/v1/products/${productId}/self-assessments`)).body[0].id;
    const draft = await producer.post('/api/v1/dossiers', {
      productId,
      kind: 'rerating',
      selfAssessmentId,
      registration: { representativeName: 'Võ Văn Phúc' },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);

    now = new Date('2030-06-21T03:00:00Z');
    const filed = await producer.post(`/api/v1/dossiers/${draft.body.id}/transitions`, { action: 'submit', expectedVersion: draft.body.version });
    expect(filed.body.error).toMatchObject({ code: 'dossier_kind_not_allowed' });
    expect((await producer.get(`/api/v1/dossiers/${draft.body.id}`)).body).toMatchObject({ state: 'draft', submittedOn: null });
    await producer.post(`/api/v1/dossiers/${draft.body.id}/transitions`, { action: 'withdraw_draft', expectedVersion: draft.body.version });
    expect((await admin.get(`/api/v1/certificates/${certificate.id}`)).body.status).toBe('expired');
    // A re-rating filed after expiry is refused: it never revives the certificate (Art. 12.3).
    const late = await producer.post('/api/v1/dossiers', { productId, kind: 'rerating', registration: { representativeName: 'Võ Văn Phúc' } });
    expect(late.body.error).toMatchObject({ code: 'dossier_kind_not_allowed' });
    expect(late.body.error.message).toContain('đã hết hạn ngày 20/06/2030');
    const page = await t.app.inject({ method: 'GET', url: certificate.verificationPath });
    expect(page.body).toContain('HẾT HIỆU LỰC');
    expect((await admin.get('/api/v1/certificates/worklist')).body.lapsed.items).toHaveLength(1);
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
    expect((await admin.get('/api/v1/certificates/worklist')).body.revocationsDue.items).toEqual([
      expect.objectContaining({ dueOn: '2027-07-05', overdue: false }),
    ]);
    now = new Date('2027-07-06T03:00:00Z');
    expect((await admin.get('/api/v1/certificates/worklist')).body.revocationsDue.items).toEqual([expect.objectContaining({ overdue: true })]);
    now = new Date('2027-07-01T03:00:00Z');
    const res = await admin.post(`/api/v1/certificates/${certificate.id}/revoke`, body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'revoked', revocationGround: 'c', revocationDecisionNo: '55/QĐ-UBND', revocationSigner: 'Trần Trí Quang' });
    expect((await admin.post(`/api/v1/certificates/${certificate.id}/revoke`, body)).status).toBe(409);
    expect((await admin.get('/api/v1/certificates/worklist')).body.revocationsDue).toEqual({ total: 0, items: [] });
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

    // Today is 01/07/2027 in Vietnam: no year after it, no decision dated after it; today itself is fine.
    const next = await admin.post(`/api/v1/products/${productId}/results`, { ...body, year: 2028, decisionDate: null });
    expect(next.status).toBe(400);
    expect(next.body.error.fields.year).toContain('Năm 2028 chưa đến');
    const tomorrow = await admin.post(`/api/v1/products/${productId}/results`, { ...body, year: 2027, decisionDate: '2027-07-02' });
    expect(tomorrow.status).toBe(400);
    expect(tomorrow.body.error.fields.decisionDate).toContain('không được sau ngày hôm nay (01/07/2027)');
    // The province's 2027 result is the platform's own decision 101/QĐ-UBND: not typed in again.
    const platform = {
      ...body,
      year: 2027,
      level: 'province',
      score: 78,
      star: 4,
      decisionNo: '101/QĐ-UBND',
      decisionDate: '2027-06-20',
      legalBasis: '26/2026/QĐ-TTg',
    };
    const duplicate = await admin.post(`/api/v1/products/${productId}/results`, platform);
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.code).toBe('decided_on_platform');
    expect(duplicate.body.error.fields.year).toContain('quyết định số 101/QĐ-UBND ngày 20/06/2027');
    expect((await producer.get(`/api/v1/products/${productId}/results`)).body).toHaveLength(1); // nothing written
    expect((await admin.post(`/api/v1/products/${productId}/results`, { ...body, year: 2027, decisionDate: '2027-07-01' })).status).toBe(201);
    expect(
      (await admin.post(`/api/v1/products/${productId}/results`, { ...platform, year: 2026, decisionDate: '2026-12-20', legalBasis: '1489/QĐ-TTg' })).status,
    ).toBe(201);
  });

  it('refuses to revoke a certificate no longer in force — expired or superseded — and writes nothing (Art. 8.1)', async () => {
    const other = (await admin.get('/api/v1/products?pageSize=100')).body.items.find((p: { id: string }) => p.id !== productId);
    const expired = await issuedCertificate(t.database.db, { productId: other.id, star: 3, issuedOn: '2023-01-10' }); // expired 10/01/2026
    const superseded = await issuedCertificate(t.database.db, { productId: other.id, star: 3, issuedOn: '2026-06-01', supersededOn: '2027-01-01' });
    const written = async (id: string) =>
      (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where entity_id = ${id}`))[0]!.n;
    const body = { ground: 'd', decisionNo: '56/QĐ-UBND', decidedOn: '2027-07-01', signer: 'Trần Trí Quang', signerTitle: 'Phó Chủ tịch' };
    for (const [c, status, vi] of [
      [expired, 'expired', 'Hết hiệu lực'],
      [superseded, 'superseded', 'Đã được thay thế'],
    ] as const) {
      const entriesBefore = await written(c.id); // the certificate's issue
      const res = await admin.post(`/api/v1/certificates/${c.id}/revoke`, body);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('not_revocable');
      expect(res.body.error.message).toContain(vi);
      const after = (await admin.get(`/api/v1/certificates/${c.id}`)).body;
      expect(after).toMatchObject({ status, revokedOn: null, revocationDecisionNo: null });
      expect(await written(c.id)).toBe(entriesBefore);
    }
  });

  it('keeps certificates within scope', async () => {
    expect((await (await t.client(DEMO.producer)).get(`/api/v1/certificates/${certificate.id}`)).status).toBe(404);
    expect((await (await t.client(DEMO.council)).get('/api/v1/certificates')).status).toBe(403);
    expect((await producer.get('/api/v1/certificates/worklist')).status).toBe(403);
  });
});

describe('the work list flags dossiers past their deadlines (Art. 5, 7.2)', () => {
  const overdue = async (dossierId: string) =>
    (await admin.get('/api/v1/certificates/worklist?open=dossiersOverdue')).body.dossiersOverdue.items.filter(
      (o: { dossierId: string }) => o.dossierId === dossierId,
    );
  const at = (day: string) => (now = new Date(`${day}T03:00:00Z`));

  it('from the day after the commune’s 15 working days, and after the round’s result date', async () => {
    at('2027-07-05');
    const subjectId = (await producer.get('/api/v1/auth/me')).body.user.subjectId;
    const product = (await producer.post('/api/v1/products', { subjectId, name: 'Quýt hồng sấy dẻo', criteriaSetNumber: 1 })).body;
    const sa = (await producer.post(`/api/v1/products/${product.id}/self-assessments`, {})).body;
    await producer.put(`/api/v1/self-assessments/${sa.id}`, { choices: bestChoices(set1), notes: {} });
    await producer.post(`/api/v1/self-assessments/${sa.id}/complete`);
    await filePapers(producer, subjectId, product.id);
    const created = await producer.post('/api/v1/dossiers', {
      productId: product.id,
      kind: 'first',
      selfAssessmentId: sa.id,
      registration: { representativeName: 'Võ Văn Phúc' },
    });
    const dossierId = created.body.id as string;
    const { communeDueOn } = await step(producer, dossierId, 'submit');
    expect(communeDueOn).toBe('2027-07-26'); // 15 working days from Monday 05/07/2027

    at(addDays(communeDueOn, -1));
    expect(await overdue(dossierId)).toEqual([]);
    at(communeDueOn);
    expect(await overdue(dossierId)).toEqual([]); // the due day itself is still in time
    at(addDays(communeDueOn, 1));
    expect(await overdue(dossierId)).toEqual([
      expect.objectContaining({
        rule: 'commune_assessment',
        dueOn: communeDueOn,
        state: 'submitted',
        label: expect.objectContaining({ vi: expect.stringContaining('Xã quá hạn đánh giá') }),
      }),
    ]);

    // Assessed and received: the commune's deadline is done; the round's result date (30/12, round 2) runs.
    await step(officer, dossierId, 'assess', { assessment: COMMUNE_ASSESSMENT });
    await step(admin, dossierId, 'receive');
    expect(await overdue(dossierId)).toEqual([]);
    at('2027-12-30');
    expect(await overdue(dossierId)).toEqual([]);
    at('2027-12-31');
    expect(await overdue(dossierId)).toEqual([expect.objectContaining({ rule: 'round_result', dueOn: '2027-12-30', state: 'received' })]);
    // The office's list only.
    expect((await producer.get('/api/v1/certificates/worklist')).status).toBe(403);
    at('2027-07-01');
  });
});

describe('the work list sends each section’s most urgent items, and one section whole when asked', () => {
  it('sends the first 20 of a section with its total, and all of it opened, soonest expiry first', async () => {
    const subjectId = (await producer.get('/api/v1/auth/me')).body.user.subjectId;
    for (let i = 1; i <= 23; i++) await producer.post('/api/v1/products', { subjectId, name: `Quýt hồng loại ${i}`, criteriaSetNumber: 1 });
    const products = (await admin.get(`/api/v1/products?pageSize=23&q=${encodeURIComponent('quýt hồng loại')}`)).body.items as { id: string }[];
    expect(products).toHaveLength(23);
    // Expiring 01/03–23/03/2028: all inside their re-rating window on 15/10/2027 (120 to 180 days before).
    const issued = [];
    for (const [i, product] of products.entries())
      issued.push(await issuedCertificate(t.database.db, { productId: product.id, star: 3, issuedOn: addDays('2025-03-01', 22 - i) }));
    now = new Date('2027-10-15T03:00:00Z'); // a day not asked before: the list is worked out afresh
    const preview = (await admin.get('/api/v1/certificates/worklist')).body;
    const opened = (await admin.get('/api/v1/certificates/worklist?open=dueForRerating')).body;
    const whole = opened.dueForRerating.items as { id: string; expiresOn: string }[];
    expect(opened.dueForRerating.total).toBe(whole.length);
    expect(whole.map((c) => c.id)).toEqual(expect.arrayContaining(issued.map((c) => c.id)));
    expect(whole.map((c) => c.expiresOn)).toEqual(whole.map((c) => c.expiresOn).sort());
    expect(preview.dueForRerating).toEqual({ total: whole.length, items: whole.slice(0, 20) });
    // Other sections are the same previews either way.
    for (const section of ['windowMissed', 'lapsed', 'revocationsDue', 'dossiersOverdue'])
      expect(opened[section], section).toEqual({ total: preview[section].total, items: preview[section].items.slice(0, 20) });
    expect((await admin.get('/api/v1/certificates/worklist?open=everything')).status).toBe(400);
  });
});
