import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { PublicVerification } from '../../../contracts/certificates.js';
import { certificateExpiry, verificationCode } from '../../../domain/certificates/validity.js';
import { DEMO, createTestApp, type Client, type TestApp } from '../../../../test/support/app.js';
import { issuedCertificate } from '../../../../test/support/certificates.js';
import { certificates } from '../../db/schema/index.js';
import { createLabelRegister, type LabelRegisterOptions } from './label-register.js';

// The label register as another process holds it: its own, over the app's database, while the
// office works through the app. Today is 20/06/2027.

let t: TestApp;
let admin: Client;
const now = new Date('2027-06-20T03:00:00Z');
const clock = () => now;
const products: { id: string; subjectId: string }[] = [];
const register = (options: Partial<LabelRegisterOptions> = {}) => createLabelRegister(t.database.db, { clock, ...options });

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.client(DEMO.admin);
  products.push(...(await admin.get('/api/v1/products?pageSize=4&sort=name')).body.items);
});
afterAll(() => t.close());

describe('the label register', () => {
  it('answers each label with its standing on the day, and nothing for an unknown code', async () => {
    const db = t.database.db;
    const valid = await issuedCertificate(db, { productId: products[0]!.id, star: 4, issuedOn: '2026-03-10' });
    const expired = await issuedCertificate(db, { productId: products[1]!.id, star: 3, issuedOn: '2024-01-15' }); // until 15/01/2027
    const revoked = await issuedCertificate(db, { productId: products[2]!.id, star: 3, issuedOn: '2025-08-01', revokedOn: '2026-02-01' });
    const labels = register();
    expect(await labels.verify(valid.verificationCode)).toMatchObject({
      genuine: true,
      inForce: true,
      status: 'valid',
      certificate: { number: valid.number, star: 4, issuedOn: '2026-03-10', expiresOn: '2029-03-10' },
      product: { name: expect.any(String), photoUrl: null },
      decision: { number: expect.stringContaining('/QĐ-UBND'), signedOn: '2026-03-10' },
    });
    expect(await labels.verify(expired.verificationCode)).toMatchObject({ inForce: false, status: 'expired' });
    expect(await labels.verify(revoked.verificationCode)).toMatchObject({ inForce: false, status: 'revoked' });
    expect(await labels.verify('AAAAAAAAAAAAAAAA')).toBeUndefined();
    // The API's label check sends these answers as JSON without checking them again (portal.routes.ts):
    // each is exactly the contract's shape, with nothing more.
    for (const { verificationCode } of [valid, expired, revoked]) {
      const answer = await labels.verify(verificationCode);
      expect(PublicVerification.parse(answer)).toStrictEqual(JSON.parse(JSON.stringify(answer)));
    }
  });

  it('reads every label when warmed (a server starting), and answers from them until it looks again', async () => {
    const db = t.database.db;
    const before = await issuedCertificate(db, { productId: products[0]!.id, star: 3, issuedOn: '2026-10-01' });
    const labels = register({ freshnessMs: 60_000 });
    await labels.warm();
    const after = await issuedCertificate(db, { productId: products[1]!.id, star: 3, issuedOn: '2026-10-02' });
    // Read at warming: the earlier label is there, the later one not until the register looks again.
    expect(await labels.verify(before.verificationCode)).toMatchObject({ status: 'valid' });
    expect(await labels.verify(after.verificationCode)).toBeUndefined();
    labels.changed();
    expect(await labels.verify(after.verificationCode)).toMatchObject({ status: 'valid' });
  });

  it('sees what the office records, once it looks again', async () => {
    const labels = register({ freshnessMs: 60_000 });
    const certificate = await issuedCertificate(t.database.db, { productId: products[3]!.id, star: 3, issuedOn: '2026-09-01' });
    expect(await labels.verify(certificate.verificationCode)).toMatchObject({ status: 'valid', producer: { name: expect.any(String) } });

    // Its producer renamed through the API: another process does not look before its time…
    const subject = (await admin.get(`/api/v1/subjects/${products[3]!.subjectId}`)).body;
    const { id: _id, communeName: _cn, provinceCode: _p, productCount: _pc, createdAt: _c, updatedAt: _u, externalCode: _e, ...input } = subject;
    expect((await admin.put(`/api/v1/subjects/${subject.id}`, { ...input, name: 'Hợp tác xã Đổi Tên' })).status).toBe(200);
    expect(await labels.verify(certificate.verificationCode)).toMatchObject({ producer: { name: subject.name } });
    // …and once it does, it reads again the labels the audit entries name: the producer's.
    labels.changed();
    expect(await labels.verify(certificate.verificationCode)).toMatchObject({ status: 'valid', producer: { name: 'Hợp tác xã Đổi Tên' } });

    // Revoked: the certificate's own entry.
    const revoke = { ground: 'd', decisionNo: '91/QĐ-UBND', decidedOn: '2027-06-20', signer: 'Nguyễn Văn A', signerTitle: 'Phó Chủ tịch' };
    expect((await admin.post(`/api/v1/certificates/${certificate.id}/revoke`, revoke)).status).toBe(200);
    labels.changed();
    expect(await labels.verify(certificate.verificationCode)).toMatchObject({ inForce: false, status: 'revoked' });
  });

  it('reads every label again past many changes, or after a while, which also finds a row written without its entry', async () => {
    const db = t.database.db;
    const labels = register({ freshnessMs: 0, maxChangedEntries: 1, fullReloadMs: 60_000 });
    const first = await issuedCertificate(db, { productId: products[0]!.id, star: 3, issuedOn: '2026-11-01' });
    expect(await labels.verify(first.verificationCode)).toMatchObject({ status: 'valid' });

    // Two entries (the decision and the certificate): past the limit, the whole register is read.
    const second = await issuedCertificate(db, { productId: products[1]!.id, star: 4, issuedOn: '2026-11-02' });
    expect(await labels.verify(second.verificationCode)).toMatchObject({ status: 'valid', certificate: { star: 4 } });

    // A certificate written without an audit entry (not how the application writes) is not named by
    // any entry; the next whole reading, due after fullReloadMs once records change, finds it.
    const [unrecorded] = await db
      .insert(certificates)
      .values({
        number: 'OCOP-82-2026-9999',
        productId: products[2]!.id,
        level: 'province',
        provinceCode: '82',
        star: 3,
        issuedOn: '2026-12-01',
        expiresOn: certificateExpiry('2026-12-01'),
        verificationCode: verificationCode((n) => randomBytes(n)),
      })
      .returning();
    expect(await labels.verify(unrecorded!.verificationCode)).toBeUndefined();
    const impatient = register({ freshnessMs: 0, fullReloadMs: 0 });
    expect(await impatient.verify(first.verificationCode)).toMatchObject({ status: 'valid' });
    await issuedCertificate(db, { productId: products[3]!.id, star: 3, issuedOn: '2026-11-03' });
    expect(await impatient.verify(unrecorded!.verificationCode)).toMatchObject({ status: 'valid', certificate: { number: 'OCOP-82-2026-9999' } });
  });

  it('is told at once of a certificate the app revokes, and of nothing written behind its back until it looks', async () => {
    const app = await createTestApp({ clock, labelFreshnessMs: 60_000 });
    try {
      const office = await app.client(DEMO.admin);
      const anonymous = await app.client();
      const [product] = (await office.get('/api/v1/products?pageSize=1&sort=name')).body.items;
      const certificate = await issuedCertificate(app.database.db, { productId: product.id, star: 3, issuedOn: '2026-10-01' });
      const check = async (code: string) => (await anonymous.get(`/api/v1/public/verify/${code}`)).body;
      expect(await check(certificate.verificationCode)).toMatchObject({ status: 'valid' }); // the register's first reading

      const later = await issuedCertificate(app.database.db, { productId: product.id, star: 4, issuedOn: '2026-10-02' });
      expect((await check(later.verificationCode)).error.code).toBe('not_found'); // not looked again yet

      const revoke = { ground: 'd', decisionNo: '92/QĐ-UBND', decidedOn: '2027-06-20', signer: 'Nguyễn Văn A', signerTitle: 'Phó Chủ tịch' };
      expect((await office.post(`/api/v1/certificates/${certificate.id}/revoke`, revoke)).status).toBe(200);
      expect(await check(certificate.verificationCode)).toMatchObject({ status: 'revoked' });
      expect(await check(later.verificationCode)).toMatchObject({ status: 'valid' }); // looking again found it too
    } finally {
      await app.close();
    }
  });

  it('counts a label’s standing from the day, so it lapses at midnight without any record changing', async () => {
    let today = new Date('2029-11-01T16:59:00Z'); // 23:59 in Việt Nam, the last day of a certificate issued 01/11/2026
    const labels = createLabelRegister(t.database.db, { clock: () => today });
    const certificate = await issuedCertificate(t.database.db, { productId: products[0]!.id, star: 3, issuedOn: '2026-11-01' });
    expect((await labels.verify(certificate.verificationCode))?.inForce).toBe(true);
    today = new Date('2029-11-01T17:00:00Z'); // 00:00 on 02/11/2029
    expect(await labels.verify(certificate.verificationCode)).toMatchObject({ inForce: false, status: 'expired' });
  });
});
