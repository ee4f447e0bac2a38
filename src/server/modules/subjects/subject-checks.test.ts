import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, type Client, type TestApp } from '../../../../test/support/app.js';

/** The registry refuses nonsense: a tax code already registered, a founding date that cannot be, a negative head count. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const base = { legalForm: 'HTX', representativeName: 'Nguyễn Văn An' };
const count = async (c: Client) => (await c.get('/api/v1/subjects?pageSize=1')).body.total as number;
const inputOf = (s: Record<string, unknown>) => {
  const { id: _i, communeName: _cn, provinceCode: _p, productCount: _pc, createdAt: _c, updatedAt: _u, externalCode: _e, ...input } = s;
  return input;
};

describe('subjects: one tax code, one subject', () => {
  // Tháp Mười (30037) is outside the demo officer's communes (Sa Đéc 29905, Lai Vung 30226).
  let holder: { id: string; name: string };
  beforeAll(async () => {
    const admin = await t.client(DEMO.admin);
    const res = await admin.post('/api/v1/subjects', { ...base, name: 'Công ty TNHH Nông sản Tháp Mười', communeCode: '30037', taxCode: '0100109106' });
    expect(res.status).toBe(201);
    holder = res.body;
  });

  it('refuses a second subject with the same tax code, naming the first, in both languages, and saves nothing', async () => {
    const admin = await t.client(DEMO.admin);
    const before = await count(admin);
    // Written differently, the same digits: still the same code.
    const body = { ...base, name: 'Hợp tác xã trùng mã', communeCode: '29905', taxCode: '0100 109 106' };
    const vi = await admin.post('/api/v1/subjects', body);
    expect(vi.status).toBe(409);
    expect(vi.body.error.code).toBe('tax_code_registered');
    expect(vi.body.error.fields.taxCode).toContain('«Công ty TNHH Nông sản Tháp Mười» (Tháp Mười)');
    expect(vi.body.error.fields.taxCode).toContain('0100109106');
    admin.lang = 'en';
    const en = await admin.post('/api/v1/subjects', body);
    expect(en.body.error.fields.taxCode).toContain('is already registered to "Công ty TNHH Nông sản Tháp Mười"');
    expect(await count(admin)).toBe(before);
  });

  it('does not count a dependent unit’s own 13-digit code as its parent’s', async () => {
    const admin = await t.client(DEMO.admin);
    const res = await admin.post('/api/v1/subjects', { ...base, name: 'Chi nhánh có mã riêng', communeCode: '29905', taxCode: '0100109106-001' });
    expect(res.status).toBe(201);
    expect(res.body.taxCode).toBe('0100109106-001');
  });

  it('saves a confirmed branch and records whose code it shares in the history', async () => {
    const admin = await t.client(DEMO.admin);
    const res = await admin.post('/api/v1/subjects', {
      ...base,
      name: 'Chi nhánh Sa Đéc – Công ty TNHH Nông sản Tháp Mười',
      communeCode: '29905',
      taxCode: '0100109106',
      confirmBranch: true,
    });
    expect(res.status).toBe(201);
    expect(res.body.taxCode).toBe('0100109106');
    const history = (await admin.get(`/api/v1/subjects/${res.body.id}/history`)).body.items;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'create', actorLabel: DEMO.admin });
    expect(history[0].changes).toContainEqual({ field: 'branchOf', before: null, after: [holder.id] });

    // Editing the branch later, its code unchanged, needs no new confirmation.
    const edited = await admin.put(`/api/v1/subjects/${res.body.id}`, { ...inputOf(res.body), address: 'Phường Sa Đéc' });
    expect(edited.status).toBe(200);
  });

  it('refuses an update that changes the tax code to one already registered, and records nothing', async () => {
    const admin = await t.client(DEMO.admin);
    const other = (await admin.post('/api/v1/subjects', { ...base, name: 'Hợp tác xã Đổi mã', communeCode: '29905', taxCode: '0300588569' })).body;
    const res = await admin.put(`/api/v1/subjects/${other.id}`, { ...inputOf(other), taxCode: '0100109106' });
    expect(res.status).toBe(409);
    expect(res.body.error.fields.taxCode).toContain('Công ty TNHH Nông sản Tháp Mười');
    expect((await admin.get(`/api/v1/subjects/${other.id}`)).body.taxCode).toBe('0300588569');
    expect((await admin.get(`/api/v1/subjects/${other.id}/history`)).body.items).toHaveLength(1);
    // Saving the record with its own code is no duplicate of itself.
    expect((await admin.put(`/api/v1/subjects/${other.id}`, { ...inputOf(other), address: 'Ấp 1' })).status).toBe(200);
  });

  it('tells an officer only that a code outside the assigned communes is taken, and to ask the provincial office', async () => {
    const admin = await t.client(DEMO.admin);
    const far = { ...base, name: 'Công ty Cổ phần Xa xôi', communeCode: '30037', taxCode: '0100112437' };
    expect((await admin.post('/api/v1/subjects', far)).status).toBe(201);
    const officer = await t.client(DEMO.officer);
    const before = await count(officer);
    const res = await officer.post('/api/v1/subjects', { ...base, name: 'Tổ hợp tác Lai Vung', communeCode: '30226', taxCode: '0100112437' });
    expect(res.status).toBe(409);
    expect(res.body.error.fields.taxCode).toBe(
      'Mã số thuế 0100112437 đã được đăng ký cho một chủ thể khác. Vui lòng liên hệ Văn phòng Điều phối OCOP tỉnh để kiểm tra.',
    );
    expect(JSON.stringify(res.body)).not.toMatch(/Xa xôi|Tháp Mười/);
    expect((await officer.get('/api/v1/subjects/tax-code-holders?taxCode=0100112437')).body).toEqual({
      taxCode: '0100112437',
      registered: true,
      subjects: [],
    });
    expect(await count(officer)).toBe(before);
    // Confirmed as a branch, the officer may register it all the same: the office sees the link in the history.
    const branch = await officer.post('/api/v1/subjects', {
      ...base,
      name: 'Tổ hợp tác Lai Vung',
      communeCode: '30226',
      taxCode: '0100112437',
      confirmBranch: true,
    });
    expect(branch.status).toBe(201);
    expect(JSON.stringify(branch.body)).not.toMatch(/Xa xôi/);

    const holders = await officer.get('/api/v1/subjects/tax-code-holders?taxCode=0100109106');
    expect(holders.status).toBe(200);
    // The branch in Sa Đéc is the officer's to see; the parent in Tháp Mười is not.
    expect(holders.body.registered).toBe(true);
    expect(holders.body.subjects.map((s: { name: string }) => s.name)).toEqual(['Chi nhánh Sa Đéc – Công ty TNHH Nông sản Tháp Mười']);
  });

  it('lists every holder to the provincial office, except the subject being edited', async () => {
    const admin = await t.client(DEMO.admin);
    const all = await admin.get('/api/v1/subjects/tax-code-holders?taxCode=0100109106');
    expect(all.body.subjects.map((s: { id: string }) => s.id)).toContain(holder.id);
    expect(all.body.subjects[0]).toEqual({ id: holder.id, name: 'Công ty TNHH Nông sản Tháp Mười', communeName: 'Tháp Mười' });
    const except = await admin.get(`/api/v1/subjects/tax-code-holders?taxCode=0100109106&exceptId=${holder.id}`);
    expect(except.body.subjects.map((s: { id: string }) => s.id)).not.toContain(holder.id);
    const free = await admin.get('/api/v1/subjects/tax-code-holders?taxCode=0101248141');
    expect(free.body).toEqual({ taxCode: '0101248141', registered: false, subjects: [] });
  });

  it('names nothing to a producer changing its own code to another’s', async () => {
    const producer = await t.client(DEMO.producer);
    const me = (await producer.get('/api/v1/auth/me')).body.user;
    const own = (await producer.get(`/api/v1/subjects/${me.subjectId}`)).body;
    const res = await producer.put(`/api/v1/subjects/${own.id}`, { ...inputOf(own), taxCode: '0100109106' });
    expect(res.status).toBe(409);
    expect(JSON.stringify(res.body)).not.toContain('Nông sản');
  });
});

describe('subjects: founding date and head counts', () => {
  const valid = { ...base, name: 'Hợp tác xã Kiểm tra', communeCode: '29905' };

  it.each([
    ['2099-01-01', 'Ngày thành lập không thể ở tương lai.', 'The founding date cannot be in the future.'],
    ['2099-02-31', 'Ngày không hợp lệ: không có ngày này trên lịch.', 'Invalid date: no such day on the calendar.'],
    ['2023-02-29', 'Ngày không hợp lệ: không có ngày này trên lịch.', 'Invalid date: no such day on the calendar.'],
    ['1850-05-01', 'Ngày thành lập không thể trước năm 1900; vui lòng kiểm tra lại năm.', 'The founding date cannot be before 1900; please check the year.'],
  ])('refuses the founding date %s with a field error', async (foundedOn, vi, en) => {
    const c = await t.client(DEMO.admin);
    const before = await count(c);
    const res = await c.post('/api/v1/subjects', { ...valid, foundedOn });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ foundedOn: vi });
    c.lang = 'en';
    expect((await c.post('/api/v1/subjects', { ...valid, foundedOn })).body.error.fields).toEqual({ foundedOn: en });
    expect(await count(c)).toBe(before);
  });

  it('accepts a plausible founding date, and none', async () => {
    const c = await t.client(DEMO.admin);
    expect((await c.post('/api/v1/subjects', { ...valid, name: 'Cơ sở Nước mắm lâu đời', foundedOn: '1906-01-01' })).status).toBe(201);
    expect((await c.post('/api/v1/subjects', { ...valid, name: 'Cơ sở không rõ ngày', foundedOn: '' })).body.foundedOn).toBeNull();
  });

  it.each([
    [-3, 'Số lao động không thể âm.', 'A head count cannot be negative.'],
    ['-3', 'Số lao động không thể âm.', 'A head count cannot be negative.'],
    [2.5, 'Số lao động phải là số nguyên (không có phần lẻ).', 'A head count must be a whole number.'],
    [2_000_000, 'Số lao động tối đa là 1.000.000.', 'A head count cannot exceed 1,000,000.'],
  ])('refuses the head count %j instead of fixing it', async (value, vi, en) => {
    const c = await t.client(DEMO.admin);
    const before = await count(c);
    const res = await c.post('/api/v1/subjects', { ...valid, workforceTotal: 10, workforceLocal: value, workforceWomen: value });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ workforceLocal: vi, workforceWomen: vi });
    c.lang = 'en';
    expect((await c.post('/api/v1/subjects', { ...valid, workforceTotal: value })).body.error.fields).toEqual({ workforceTotal: en });
    expect(await count(c)).toBe(before);
  });

  it('keeps a zero head count as zero and an empty one as absent', async () => {
    const c = await t.client(DEMO.admin);
    const res = await c.post('/api/v1/subjects', { ...valid, name: 'Tổ hợp tác Không lao động', workforceTotal: 0, workforceLocal: '', workforceWomen: '0' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ workforceTotal: 0, workforceLocal: null, workforceWomen: 0 });
  });
});
