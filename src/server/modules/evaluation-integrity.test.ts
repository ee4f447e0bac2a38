import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeAssessmentDue } from '../../domain/evaluation/dossier-workflow.js';
import { vietnamWorkingDays } from '../../domain/dates/holidays.js';
import { addWorkingDays } from '../../domain/dates/calendar.js';
import { bestChoices, loadShippedVersion } from '../../domain/criteria/test-support.js';
import type { UserActor } from '../../domain/policies/index.js';
import { DEMO, createTestApp, type Client, type TestApp } from '../../../test/support/app.js';
import { docxText } from '../../../test/support/documents.js';
import {
  COMMUNE_ASSESSMENT,
  SMALL_PDF,
  dossierInCouncil,
  filePapers,
  scoreAndClose,
  setUpCouncil,
  sheetsWorth,
  step,
  type TestCouncil,
} from '../../../test/support/evaluation.js';
import { multipart } from '../../../test/support/multipart.js';
import { decisionsRepository } from './certificates/decisions.repository.js';
import { createUsersService } from './users/users.service.js';

/**
 * The review of a full 2026–2027 round run on the platform found the record a certificate rests on
 * could be bent. Each item of that review is a refusal here (a clear message, nothing written) or
 * the right outcome, and the ministry's stage runs as Decision 26/2026/QĐ-TTg describes it.
 */
let t: TestApp;
let now = new Date('2027-02-01T03:00:00Z');
const at = (day: string) => (now = new Date(`${day}T03:00:00Z`));
let admin: Client;
let ministry: Client;
let officer: Client;
const producers = {} as Record<'quyt' | 'sagiang' | 'nem', Client>;
const set1 = loadShippedVersion('qd26').sets.find((s) => s.number === 1)!;
const registration = { representativeName: 'Võ Văn Phúc', representativePosition: 'Giám đốc' };

/** A product of the producer, with a completed self-assessment of `choices`. */
async function productWithSheet(producer: Client, name: string, setNumber = 1, choices = bestChoices(set1)) {
  const subjectId = (await producer.get('/api/v1/auth/me')).body.user.subjectId;
  const product = (await producer.post('/api/v1/products', { subjectId, name, criteriaSetNumber: setNumber })).body;
  const sa = (await producer.post(`/api/v1/products/${product.id}/self-assessments`, {})).body;
  await producer.put(`/api/v1/self-assessments/${sa.id}`, { choices, notes: { '1.1': 'Quýt từ 12 ha vườn của xã viên' } });
  await producer.post(`/api/v1/self-assessments/${sa.id}/complete`);
  return { productId: product.id as string, subjectId: subjectId as string, saId: sa.id as string };
}

async function draft(producer: Client, productId: string, selfAssessmentId: string, kind = 'first') {
  const res = await producer.post('/api/v1/dossiers', { productId, kind, selfAssessmentId, registration });
  if (res.status !== 201) throw new Error(`dossier: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

const tryStep = async (c: Client, id: string, action: string, extra: Record<string, unknown> = {}) => {
  const current = (await c.get(`/api/v1/dossiers/${id}`)).body;
  return c.post(`/api/v1/dossiers/${id}/transitions`, { action, expectedVersion: current.version, ...extra });
};

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  admin = await t.client(DEMO.admin);
  officer = await t.client(DEMO.officer); // Sa Đéc and Lai Vung
  for (const [key, q] of [
    ['quyt', 'quyt hong'],
    ['sagiang', 'sa giang'],
    ['nem', 'nem lai vung'],
  ] as const) {
    const subject = (await admin.get(`/api/v1/subjects?q=${encodeURIComponent(q)}`)).body.items[0];
    await admin.post('/api/v1/users', {
      email: `${key}@example.vn`,
      fullName: subject.representativeName ?? key,
      role: 'producer',
      subjectId: subject.id,
      password: 'producer-password',
    });
    producers[key] = await t.client(`${key}@example.vn`, 'producer-password');
  }
  // The ministry's OCOP office: an administrator with national scope, created as the operator does.
  const console: UserActor = { kind: 'user', userId: 'console', role: 'admin', provinceCode: null, communeCodes: [], subjectId: null };
  await createUsersService(t.database.db).create(
    console,
    { userId: null, label: 'console', ip: null },
    {
      email: 'vpdp@bonnmt.gov.vn',
      fullName: 'Văn phòng Điều phối OCOP (Bộ NN&MT)',
      role: 'admin',
      provinceCode: null,
      communeCodes: [],
      password: 'ministry-password',
    },
  );
  ministry = await t.client('vpdp@bonnmt.gov.vn', 'ministry-password');
});
afterAll(() => t.close());

describe('what was filed stays as filed (item 2)', () => {
  let dossierId: string;
  let saId: string;
  let productId: string;

  it('keeps Mẫu 01, the Mẫu 02 sheet, its evidence and the product as they were filed', async () => {
    at('2027-02-01');
    const p = producers.quyt;
    ({ productId, saId } = await productWithSheet(p, 'Quýt hồng sấy dẻo'));
    const evidence = multipart({ criterionCode: '1.1' }, { name: 'hop-dong-nguyen-lieu.pdf', data: SMALL_PDF });
    await p.post(`/api/v1/self-assessments/${saId}/reopen`);
    expect((await p.request('POST', `/api/v1/self-assessments/${saId}/evidence`, evidence.payload, { headers: evidence.headers })).status).toBe(201);
    const completed = (await p.post(`/api/v1/self-assessments/${saId}/complete`)).body;
    await filePapers(p, (await p.get('/api/v1/auth/me')).body.user.subjectId, productId);
    dossierId = await draft(p, productId, saId);
    expect((await tryStep(p, dossierId, 'submit')).status).toBe(200);

    const filing = (await officer.get(`/api/v1/dossiers/${dossierId}/filing`)).body;
    expect(filing).toMatchObject({ seq: 1, filedOn: '2027-02-01', product: { name: 'Quýt hồng sấy dẻo' }, registration });
    expect(filing.selfAssessment).toMatchObject({ id: saId, total: completed.total, status: 'completed', canEdit: false });
    const filedEvidence = filing.selfAssessment.evidence[0];
    expect(filing.evidenceHashes[filedEvidence.id]).toMatch(/^[0-9a-f]{64}$/);

    // The producer edits afterwards: reopening gives a new draft; the filed sheet and the dossier do not move.
    const reopened = (await p.post(`/api/v1/self-assessments/${saId}/reopen`)).body;
    expect(reopened.id).not.toBe(saId);
    expect(reopened).toMatchObject({ status: 'draft', choices: completed.choices });
    await p.put(`/api/v1/self-assessments/${reopened.id}`, { choices: { ...completed.choices, '1.1': 0 }, notes: {} });
    expect((await p.delete(`/api/v1/self-assessments/${reopened.id}/evidence/${reopened.evidence[0].id}`)).status).toBe(200);
    expect((await p.get(`/api/v1/self-assessments/${saId}`)).body).toMatchObject({ status: 'completed', total: completed.total });
    expect((await p.put(`/api/v1/self-assessments/${saId}`, { choices: {}, notes: {} })).body.error.code).toBe('self_assessment_completed');
    await p.put(`/api/v1/products/${productId}`, { ...(await p.get(`/api/v1/products/${productId}`)).body, name: 'Quýt hồng sấy dẻo (bao bì mới)' });

    const after = (await officer.get(`/api/v1/dossiers/${dossierId}/filing`)).body;
    expect(after).toEqual(filing);
    expect((await officer.get(`/api/v1/dossiers/${dossierId}`)).body.productName).toBe('Quýt hồng sấy dẻo');
    const file = await officer.get(filedEvidence.url);
    expect(file.raw.equals(SMALL_PDF)).toBe(true);
  });

  it('writes Mẫu 01 and Mẫu 02 from the filing', async () => {
    const mau01 = docxText((await officer.get(`/api/v1/dossiers/${dossierId}/forms/mau-01`)).raw);
    for (const line of ['PHIẾU ĐĂNG KÝ', 'Quýt hồng sấy dẻo', 'Võ Văn Phúc']) expect(mau01).toContain(line);
    expect(mau01).not.toContain('bao bì mới');
    const mau02 = docxText((await producers.quyt.get(`/api/v1/dossiers/${dossierId}/forms/mau-02`)).raw);
    for (const line of ['BÁO CÁO TỰ ĐÁNH GIÁ', 'Quýt từ 12 ha vườn của xã viên', 'hop-dong-nguyen-lieu.pdf']) expect(mau02).toContain(line);
    expect((await officer.get(`/api/v1/dossiers/${dossierId}/forms/mau-03`)).body.error.code).toBe('form_not_available');
  });

  it('counts the commune’s 15 working days over Tết and the days the government moves (item 9)', async () => {
    const dossier = (await officer.get(`/api/v1/dossiers/${dossierId}`)).body;
    // Tết 2027 falls on Saturday 06/02: the break and its compensatory days are not working days.
    expect(dossier.communeDueOn).toBe(communeAssessmentDue('2027-02-01', vietnamWorkingDays()));
    expect(dossier.communeDueOn > addWorkingDays('2027-02-01', 15)).toBe(true);
    const year = (await officer.get('/api/v1/calendar?year=2027')).body;
    expect(year.daysOff.filter((d: { name: { vi: string } }) => d.name.vi === 'Tết Nguyên đán').map((d: { date: string }) => d.date)).toContain('2027-02-06');
    expect(year.daysOff.find((d: { name: { vi: string } }) => d.name.vi === 'Giỗ Tổ Hùng Vương').date).toBe('2027-04-16');
    expect((await officer.post('/api/v1/calendar/days', { date: '2027-02-15', kind: 'day_off', name: 'x' })).status).toBe(403);
    const moved = await admin.post('/api/v1/calendar/days', { date: '2027-02-15', kind: 'day_off', name: 'Nghỉ hoán đổi theo thông báo của UBND tỉnh' });
    expect(moved.status).toBe(201);
    expect((await admin.post('/api/v1/calendar/days', { date: '2027-02-15', kind: 'day_off', name: 'x' })).status).toBe(409);
    // A dossier filed now gets one day more.
    const { productId: other, saId: otherSa } = await productWithSheet(producers.quyt, 'Mứt quýt hồng');
    const id = await draft(producers.quyt, other, otherSa);
    const submitted = (await tryStep(producers.quyt, id, 'submit')).body;
    const overrides = [{ date: '2027-02-15', kind: 'day_off' as const }];
    expect(submitted.communeDueOn).toBe(communeAssessmentDue('2027-02-01', vietnamWorkingDays(overrides)));
    expect(submitted.communeDueOn).not.toBe(dossier.communeDueOn);
    await tryStep(producers.quyt, id, 'withdraw', { comment: 'Nộp lại đợt sau' });
  });
});

describe('the commune’s proposal and the papers (item 4), the criteria set (item 5)', () => {
  it('returns a dossier the commune does not propose to its producer, with the reasons; the province cannot receive it', async () => {
    at('2027-03-01');
    const { productId, saId } = await productWithSheet(
      producers.nem,
      'Nem chua Lai Vung loại đặc biệt',
      8,
      bestChoices(loadShippedVersion('qd26').sets.find((s) => s.number === 8)!),
    );
    await filePapers(producers.nem, (await producers.nem.get('/api/v1/auth/me')).body.user.subjectId, productId);
    const id = await draft(producers.nem, productId, saId);
    await tryStep(producers.nem, id, 'submit');
    const notPropose = { ...COMMUNE_ASSESSMENT, conclusion: 'not_propose' };
    expect((await tryStep(officer, id, 'assess', { assessment: notPropose })).body.error.code).toBe('comment_required');
    const reasons = 'Nguyên liệu thịt heo mua ngoài tỉnh, chưa chứng minh nguồn gốc địa phương.';
    const returned = await tryStep(officer, id, 'assess', { assessment: notPropose, comment: reasons });
    expect(returned.body.state).toBe('not_proposed');
    expect((await tryStep(admin, id, 'receive')).body.error.code).toBe('invalid_state');
    expect((await producers.nem.get('/api/v1/notifications')).body.items[0].body).toContain(reasons);
    // The producer completes it and files again: a second filing, the first kept.
    expect((await tryStep(producers.nem, id, 'submit')).body.state).toBe('submitted');
    expect((await producers.nem.get(`/api/v1/dossiers/${id}/filing`)).body.seq).toBe(2);
  });

  it('disqualifies on receipt a food dossier filed without its food-safety certificate (Phụ lục II)', async () => {
    // A producer new to the programme, with no paper on file at all.
    const subject = (
      await officer.post('/api/v1/subjects', {
        name: 'Cơ sở Bánh pía Tân Huê Viên',
        legalForm: 'CSSX',
        communeCode: '29905',
        representativeName: 'Trần Thị Viên',
      })
    ).body;
    await admin.post('/api/v1/users', {
      email: 'banhpia@example.vn',
      fullName: 'Trần Thị Viên',
      role: 'producer',
      subjectId: subject.id,
      password: 'producer-password',
    });
    const p = await t.client('banhpia@example.vn', 'producer-password');
    const set8 = loadShippedVersion('qd26').sets.find((s) => s.number === 8)!;
    const { productId, saId } = await productWithSheet(p, 'Bánh pía sầu riêng', 8, bestChoices(set8));
    const id = await draft(p, productId, saId);
    await tryStep(p, id, 'submit');
    await step(officer, id, 'assess', { assessment: COMMUNE_ASSESSMENT });
    const received = await tryStep(admin, id, 'receive');
    expect(received.body.state).toBe('disqualified');
    const events = (await admin.get(`/api/v1/dossiers/${id}/events`)).body;
    expect(events.at(-1).comment).toContain('Hồ sơ bị loại: thiếu Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm');
    expect((await tryStep(admin, id, 'send_to_council')).body.error.code).toBe('invalid_state');
  });

  it('puts a dossier before the council only with every required paper', async () => {
    const p = producers.sagiang;
    const subjectId = (await p.get('/api/v1/auth/me')).body.user.subjectId;
    const set6 = loadShippedVersion('qd26').sets.find((s) => s.number === 6)!;
    const { productId, saId } = await productWithSheet(p, 'Hủ tiếu khô Sa Đéc', 6, bestChoices(set6));
    // Only the subject's papers: the product's quality declaration and test report are missing.
    for (const type of ['business_registration', 'food_safety_certificate']) {
      const body = multipart({ type, title: type, validUntil: '2030-12-31' }, { name: `${type}.pdf`, data: SMALL_PDF });
      await p.request('POST', `/api/v1/subjects/${subjectId}/documents`, body.payload, { headers: body.headers });
    }
    const id = await draft(p, productId, saId);
    await tryStep(p, id, 'submit');
    await step(officer, id, 'assess', { assessment: COMMUNE_ASSESSMENT });
    expect((await tryStep(admin, id, 'receive')).body.state).toBe('received');
    const refused = await tryStep(admin, id, 'send_to_council');
    expect(refused.body.error).toMatchObject({ code: 'papers_missing' });
    expect(refused.body.error.message).toContain('Bản công bố / tự công bố chất lượng sản phẩm');
    expect((await admin.get(`/api/v1/dossiers/${id}`)).body.state).toBe('received');
    await tryStep(admin, id, 'withdraw', { comment: 'Thử nghiệm' });
  });

  it('refuses a self-assessment on another criteria set than the product’s', async () => {
    const p = producers.quyt;
    const { productId, saId } = await productWithSheet(p, 'Quýt hồng lá');
    const other = await p.post(`/api/v1/products/${productId}/self-assessments`, { setNumber: 7 });
    expect(other.body.error).toMatchObject({ code: 'criteria_set_mismatch' });
    // The product changes set after its sheet was made: the sheet no longer files.
    const product = (await p.get(`/api/v1/products/${productId}`)).body;
    await p.put(`/api/v1/products/${productId}`, { ...product, criteriaSetNumber: 7 });
    const refused = await p.post('/api/v1/dossiers', { productId, kind: 'first', selfAssessmentId: saId, registration });
    expect(refused.body.error.fields.selfAssessmentId).toBe('Phiếu tự đánh giá theo bộ số 1, nhưng sản phẩm thuộc bộ số 7.');
  });
});

describe('rounds follow their dates (item 8)', () => {
  it('files into the round whose deadline the commune can meet, and moves a late proposal to the next round', async () => {
    at('2027-04-29');
    await admin.post('/api/v1/rounds/defaults', { year: 2027 });
    const { productId, saId } = await productWithSheet(producers.quyt, 'Trà vỏ quýt hồng');
    await filePapers(producers.quyt, (await producers.quyt.get('/api/v1/auth/me')).body.user.subjectId, productId);
    const id = await draft(producers.quyt, productId, saId);
    expect((await tryStep(producers.quyt, id, 'submit')).body.roundName).toBe('Đợt 1 năm 2027 (cấp tỉnh)');
    at('2027-05-03');
    const rounds = (await admin.get('/api/v1/rounds?year=2027')).body;
    expect(rounds.map((r: { status: string }) => r.status)).toEqual(['in_progress', 'open']);
    expect(
      (
        await admin.put(`/api/v1/rounds/${rounds[0].id}`, {
          name: rounds[0].name,
          proposalDeadline: rounds[0].proposalDeadline,
          resultDeadline: rounds[0].resultDeadline,
          status: 'open',
        })
      ).status,
    ).toBe(400);
    const assessed = await tryStep(officer, id, 'assess', { assessment: COMMUNE_ASSESSMENT });
    expect(assessed.body.roundName).toBe('Đợt 2 năm 2027 (cấp tỉnh)');
    const events = (await admin.get(`/api/v1/dossiers/${id}/events`)).body;
    expect(events.at(-1).comment).toBe('Đề nghị sau hạn 30/04/2027 của Đợt 1 năm 2027 (cấp tỉnh): chuyển sang Đợt 2 năm 2027 (cấp tỉnh).');
    await tryStep(admin, id, 'withdraw', { comment: 'Thử nghiệm' });
  });
});

describe('a product of 90 points goes to the ministry and its own council (Art. 6.3a, 7.3e, 7.4)', () => {
  let council: TestCouncil;
  let central: TestCouncil;
  let fiveStar: string;
  let fallsShort: string;
  let modest: string;
  const worth = (target: number) => sheetsWorth(1, target);

  it('scores three dossiers at the province from the members’ locked sheets', async () => {
    at('2027-05-20');
    council = await setUpCouncil(t, admin, { key: 'tinh', year: 2027, establishedOn: '2027-01-15' });
    const p = producers.quyt;
    const ids: string[] = [];
    for (const name of ['Quýt hồng Lai Vung hộp quà', 'Rượu quýt hồng', 'Kẹo quýt hồng']) {
      const subjectId = (await p.get('/api/v1/auth/me')).body.user.subjectId;
      const product = (await p.post('/api/v1/products', { subjectId, name, criteriaSetNumber: 1 })).body;
      ids.push((await dossierInCouncil({ producer: p, officer, admin }, product.id, 1)).id);
    }
    [fiveStar, fallsShort, modest] = ids as [string, string, string];
    const target: Record<string, number> = { [fiveStar]: 96, [fallsShort]: 92, [modest]: 60 };
    await scoreAndClose(council, admin, ids, '2027-05-20', (_m, dossierId) => worth(target[dossierId]!).choices);
    for (const id of ids) expect((await admin.get(`/api/v1/dossiers/${id}`)).body).toMatchObject({ state: 'scored', councilScore: worth(target[id]!).total });
    expect((await admin.get(`/api/v1/dossiers/${fiveStar}`)).body.councilStar).toBe(5);
  });

  it('has the provincial Chair approve a 90+ result instead of recognising 4★, dated after the council', async () => {
    at('2027-05-25');
    const decide = (body: Record<string, unknown>) =>
      admin.post('/api/v1/decisions', { number: '300/QĐ-UBND', signedOn: '2027-05-25', signer: 'Trần Trí Quang', signerTitle: 'Phó Chủ tịch', ...body });
    const asFour = await decide({ items: [{ dossierId: fiveStar, star: 4 }] });
    expect(asFour.body.error.fields['items.0.dossierId']).toContain('Chủ tịch UBND tỉnh phê duyệt kết quả và gửi Bộ');
    expect((await decide({ kind: 'approval', items: [{ dossierId: modest, star: null }] })).body.error.fields['items.0.dossierId']).toContain(
      'Chỉ sản phẩm đạt từ 90 điểm',
    );
    expect(
      (
        await decide({
          kind: 'approval',
          signedOn: '2027-05-19',
          items: [
            { dossierId: fiveStar, star: null },
            { dossierId: fallsShort, star: null },
          ],
        })
      ).body.error.fields.signedOn,
    ).toContain('không được trước');
    expect((await decide({ kind: 'approval', items: [{ dossierId: fiveStar, star: 5 }] })).body.error.fields['items.0.star']).toContain('không ghi hạng sao');
    const approval = await decide({
      kind: 'approval',
      notice: { number: '45/TB-SNNMT', signer: 'Lê Văn Sở', signerTitle: 'Giám đốc' },
      items: [
        { dossierId: fiveStar, star: null },
        { dossierId: fallsShort, star: null },
      ],
    });
    expect(approval.status).toBe(201);
    expect(approval.body).toMatchObject({
      kind: 'approval',
      items: [expect.objectContaining({ star: null, certificateNumber: null }), expect.objectContaining({ star: null })],
    });
    expect((await admin.get(`/api/v1/dossiers/${fiveStar}`)).body.state).toBe('approved');
    expect((await admin.get(`/api/v1/certificates?productId=${(await admin.get(`/api/v1/dossiers/${fiveStar}`)).body.productId}`)).body.total).toBe(0);
    const text = docxText((await admin.get(`/api/v1/decisions/${approval.body.id}/docx`)).raw);
    for (const line of ['Số: 300/QĐ-UBND', 'phê duyệt kết quả', 'KT. CHỦ TỊCH', 'Trần Trí Quang', 'Đồng Tháp, ngày 25 tháng 5 năm 2027'])
      expect(text).toContain(line);
    const letters = docxText((await admin.get(`/api/v1/decisions/${approval.body.id}/result-letters.docx`)).raw);
    for (const line of ['Số: 45/TB-SNNMT', 'THÔNG BÁO', 'Lê Văn Sở']) expect(letters).toContain(line);
    // A province recognition of the modest dossier: 3★ on 60 points.
    expect(
      (
        await admin.post('/api/v1/decisions', {
          number: '301/QĐ-UBND',
          signedOn: '2027-05-25',
          signer: 'Trần Trí Quang',
          signerTitle: 'Phó Chủ tịch',
          items: [{ dossierId: modest, star: 3 }],
        })
      ).status,
    ).toBe(201);
  });

  it('sends the package with the province’s letter, the samples tracked, to the ministry only', async () => {
    at('2027-05-26');
    expect((await tryStep(admin, fiveStar, 'forward_to_ministry')).body.error.code).toBe('forwarding_required');
    const letter = {
      letterNumber: '1520/UBND-KT',
      letterDate: '2027-05-26',
      signer: 'Trần Trí Quang',
      signerTitle: 'Phó Chủ tịch',
      samplesSent: 5,
      extraTests: 'Phiếu kiểm nghiệm bổ sung số 88/KN',
    };
    expect(
      (await tryStep(admin, fiveStar, 'forward_to_ministry', { forwarding: { ...letter, letterDate: '2027-05-24' } })).body.error.fields[
        'forwarding.letterDate'
      ],
    ).toContain('không được trước ngày quyết định phê duyệt kết quả (25/05/2027)');
    // Five samples go with the package (Art. 6.3a): fewer is refused, nothing written.
    for (const samplesSent of [0, 4]) {
      const few = await tryStep(admin, fiveStar, 'forward_to_ministry', { forwarding: { ...letter, samplesSent } });
      expect(few.status).toBe(400);
      expect(few.body.error.code).toBe('samples_missing');
      expect(few.body.error.fields['forwarding.samplesSent']).toContain('phải kèm 05 sản phẩm mẫu');
    }
    expect((await admin.get(`/api/v1/dossiers/${fiveStar}`)).body).toMatchObject({ state: 'approved', forwarding: null });
    for (const id of [fiveStar, fallsShort])
      expect((await tryStep(admin, id, 'forward_to_ministry', { forwarding: letter })).body.state).toBe('forwarded_to_ministry');
    expect((await tryStep(admin, fiveStar, 'ministry_receive')).status).toBe(403);
    const pkg = await admin.get(`/api/v1/dossiers/${fiveStar}/ministry-package`);
    const names = Object.keys(unzipSync(new Uint8Array(pkg.raw)));
    for (const name of [
      '01-van-ban-de-nghi-cua-ubnd-tinh.docx',
      '02-bao-cao-to-tu-van.docx',
      '03-bien-ban-hoi-dong-1.docx',
      '04-quyet-dinh-phe-duyet-ket-qua.docx',
      '05-mau-01-phieu-dang-ky.docx',
      '06-mau-02-bao-cao-tu-danh-gia.docx',
      '07-mau-03-bao-cao-cua-xa.docx',
      '08-van-ban-de-nghi-cua-xa.docx',
      'ho-so.json',
    ])
      expect(names).toContain(name);
    expect(names.some((n) => n.startsWith('tai-lieu/'))).toBe(true);
    const letterText = docxText(Buffer.from(unzipSync(new Uint8Array(pkg.raw))['01-van-ban-de-nghi-cua-ubnd-tinh.docx']!));
    for (const line of ['Số: 1520/UBND-KT', 'Kính gửi', 'Bộ Nông nghiệp và Môi trường', '300/QĐ-UBND', 'Trần Trí Quang']) expect(letterText).toContain(line);
  });

  it('is received by the ministry into its round, and scored by the central council of its own', async () => {
    at('2027-06-01');
    for (const id of [fiveStar, fallsShort]) {
      const received = (await tryStep(ministry, id, 'ministry_receive', { samplesReceived: 5 })).body;
      expect(received).toMatchObject({ state: 'ministry_received', forwarding: { samplesSent: 5, samplesReceived: 5, receivedOn: '2027-06-01' } });
      expect(received.ministryRoundId).not.toBeNull();
      expect((await tryStep(admin, id, 'send_to_central_council')).status).toBe(403);
      await step(ministry, id, 'send_to_central_council');
    }
    at('2027-08-10');
    // A province council cannot sit on a dossier before the central council, nor a province set one up.
    expect((await admin.post(`/api/v1/councils/${council.id}/sessions`, { title: 'x', heldOn: '2027-08-10', dossierIds: [fiveStar] })).body.error.code).toBe(
      'dossier_not_in_council',
    );
    expect(
      (
        await admin.post('/api/v1/councils', {
          name: 'x',
          year: 2027,
          level: 'ministry',
          establishment: { number: '1', date: '2027-01-01', signer: 'x', signerTitle: 'x' },
          members: [{ fullName: 'x', organisation: 'y', position: 'chair' }],
        })
      ).status,
    ).toBe(403);
    central = await setUpCouncil(t, ministry, { key: 'trunguong', year: 2027, establishedOn: '2027-03-01', level: 'ministry' });
    const target: Record<string, number> = { [fiveStar]: 94, [fallsShort]: 86 };
    await scoreAndClose(central, ministry, [fiveStar, fallsShort], '2027-08-10', (_m, dossierId) => worth(target[dossierId]!).choices);
    expect((await ministry.get(`/api/v1/dossiers/${fiveStar}`)).body).toMatchObject({
      state: 'central_scored',
      centralScore: worth(94).total,
      centralStar: 5,
      councilScore: worth(96).total,
    });
    expect((await ministry.get(`/api/v1/dossiers/${fallsShort}`)).body).toMatchObject({
      state: 'central_scored',
      centralScore: worth(86).total,
      centralStar: 4,
    });
  });

  it('has the Minister recognise 5★ on the central score, dated after the province’s approval', async () => {
    at('2027-08-15');
    const decide = (signedOn: string, items: unknown[]) =>
      ministry.post('/api/v1/decisions', { level: 'ministry', number: '812/QĐ-BNNMT', signedOn, signer: 'Nguyễn Văn Hùng', signerTitle: 'Thứ trưởng', items });
    expect(
      (
        await admin.post('/api/v1/decisions', {
          level: 'ministry',
          number: 'x',
          signedOn: '2027-08-15',
          signer: 'x',
          signerTitle: 'x',
          items: [{ dossierId: fiveStar, star: 5 }],
        })
      ).status,
    ).toBe(403);
    expect((await decide('2027-08-16', [{ dossierId: fiveStar, star: 5 }])).body.error.fields.signedOn).toContain('không được sau ngày hôm nay');
    expect((await decide('2027-08-09', [{ dossierId: fiveStar, star: 5 }])).body.error.fields.signedOn).toContain(
      'không được trước ngày Hội đồng cấp trung ương có kết quả (10/08/2027)',
    );
    expect((await decide('2027-08-15', [{ dossierId: fallsShort, star: 5 }])).body.error.fields['items.0.star']).toContain('chỉ đạt mức 4 sao');
    const decision = await decide('2027-08-15', [
      { dossierId: fiveStar, star: 5 },
      { dossierId: fallsShort, star: null },
    ]);
    expect(decision.status).toBe(201);
    const certificate = (
      await ministry.get(`/api/v1/certificates?productId=${decision.body.items.find((i: { star: number | null }) => i.star === 5).productId}`)
    ).body.items[0];
    expect(certificate).toMatchObject({
      level: 'ministry',
      star: 5,
      score: worth(94).total,
      number: 'OCOP-TW-2027-0001',
      decisionSigner: 'Nguyễn Văn Hùng',
      decisionSignerTitle: 'Thứ trưởng',
    });
    const verified = (await (await t.client()).get(`/api/v1/public/certificates/${certificate.verificationCode}`)).body;
    expect(verified.certificate).toMatchObject({ star: 5, issuer: 'Bộ Nông nghiệp và Môi trường' });
    const docx = docxText((await ministry.get(`/api/v1/decisions/${decision.body.id}/docx`)).raw);
    expect(docx).toContain('Nghị định số 35/2025/NĐ-CP');
    expect(docx).not.toContain('Luật Tổ chức chính quyền địa phương');
    expect(docx).toContain('Hà Nội, ngày 15 tháng 8 năm 2027');
    // The province cannot decide again on a 5★ the ministry gave.
    expect(
      (
        await admin.post('/api/v1/decisions', {
          number: '401/QĐ-UBND',
          signedOn: '2027-08-15',
          signer: 'x',
          signerTitle: 'x',
          items: [{ dossierId: fiveStar, star: 4 }],
        })
      ).body.error.fields['items.0.dossierId'],
    ).toContain('Bộ công nhận 5 sao');
  });

  it('returns a product below 90 at the ministry to the province, which may recognise 4★ on the central result', async () => {
    at('2027-08-20');
    const decide = (star: number, signedOn = '2027-08-20') =>
      admin.post('/api/v1/decisions', {
        number: '402/QĐ-UBND',
        signedOn,
        signer: 'Trần Trí Quang',
        signerTitle: 'Phó Chủ tịch',
        items: [{ dossierId: fallsShort, star }],
      });
    expect((await decide(4, '2027-08-14')).body.error.fields.signedOn).toContain('không được trước ngày quyết định của Bộ (15/08/2027)');
    const four = await decide(4);
    expect(four.status).toBe(201);
    expect(four.body.items[0]).toMatchObject({ star: 4, score: worth(86).total });
  });

  it('reports the year: the 5★ the ministry gave, only the province’s recognitions as its decisions, 90+ from the council’s sheets (annual report)', async () => {
    const report = (await admin.get('/api/v1/reports/annual?year=2027&format=json')).body;
    expect(report.recognized.byStar['5']).toBe(1);
    expect(report.recognized.byStar['4']).toBe(1);
    expect(report.recognized.byStar['3']).toBe(1);
    expect(report.scoreAtLeast90).toBe(2);
    const docx = docxText((await admin.get('/api/v1/reports/annual?year=2027&format=docx')).raw);
    expect(docx).toContain('301/QĐ-UBND');
    expect(docx).toContain('402/QĐ-UBND');
    expect(docx).not.toContain('812/QĐ-BNNMT'); // the ministry's decision is not the province's
    expect(docx).not.toContain('300/QĐ-UBND'); // an approval recognises nothing
  });

  it('finds the approval for the ministry’s package by its dossier, however many decisions came after it', async () => {
    // More decisions signed after the approval than any list page holds.
    for (let i = 0; i < 205; i++)
      await decisionsRepository.insert(t.database.db, {
        kind: 'recognition',
        level: 'ministry',
        provinceCode: null,
        number: `${1000 + i}/QĐ-BNNMT`,
        signedOn: '2027-08-21',
        signer: 'Nguyễn Văn Hùng',
        signerTitle: 'Thứ trưởng',
      });
    const files = unzipSync(new Uint8Array((await admin.get(`/api/v1/dossiers/${fiveStar}/ministry-package`)).raw));
    expect(Object.keys(files)).toContain('04-quyet-dinh-phe-duyet-ket-qua.docx');
    expect(docxText(Buffer.from(files['04-quyet-dinh-phe-duyet-ket-qua.docx']!))).toContain('Số: 300/QĐ-UBND');
  });
});
