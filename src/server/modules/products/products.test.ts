import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuedCertificate } from '../../../../test/support/certificates.js';
import { DEMO, createTestApp, type Client, type TestApp } from '../../../../test/support/app.js';
import { multipart } from '../../../../test/support/multipart.js';
import { MAX_KEPT_MATCHES, productsRepository } from './products.repository.js';

let t: TestApp;
let admin: Client;
let producer: Client;
let producerSubjectId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.client(DEMO.admin);
  producer = await t.client(DEMO.producer);
  producerSubjectId = (await producer.get('/api/v1/auth/me')).body.user.subjectId;
});
afterAll(() => t.close());

const year = new Date().getFullYear();

async function upload(c: Client, productId: string, data: Buffer, filename = 'photo.png') {
  const { payload, headers } = multipart({}, { name: filename, data });
  return c.request('POST', `/api/v1/products/${productId}/photos`, payload, { headers });
}

describe('products', () => {
  it('registers a product with the next OCOP code of its commune (26/2026 format)', async () => {
    const res = await producer.post('/api/v1/products', {
      subjectId: producerSubjectId,
      name: 'Bột sen  nguyên chất',
      criteriaSetNumber: 7,
      barcode: '8934563138165',
      netContent: '250 g',
      certifications: [{ kind: 'vietgap', number: 'VG-123', expiresOn: '2027-12-31' }],
      ipTitles: [{ kind: 'trademark', number: '4-0345678-000' }],
    });
    expect(res.status).toBe(201);
    // The demo seed gave this commune (Tháp Mười, 30037) serials 001–004 this year.
    expect(res.body.ocopCode).toBe(`82-30037-005-${year}`);
    expect(res.body).toMatchObject({ name: 'Bột sen nguyên chất', criteriaSetName: 'Chế biến từ rau, củ, quả, hạt', subjectName: 'Hợp tác xã Sen Tháp Mười' });
    expect(res.body.certifications[0]).toMatchObject({ kind: 'vietgap', number: 'VG-123', expiresOn: '2027-12-31' });
  });

  it('checks the barcode’s check digit and the criteria set', async () => {
    const res = await producer.post('/api/v1/products', { subjectId: producerSubjectId, name: 'X', barcode: '8934563138166', criteriaSetNumber: 27 });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['barcode', 'criteriaSetNumber']);
  });

  it('finds products by unaccented search and by OCOP code, in the caller’s scope only', async () => {
    const hits = await admin.get(`/api/v1/products?q=${encodeURIComponent('hat sen')}`);
    expect(hits.body.items.map((p: { name: string }) => p.name)).toContain('Hạt sen sấy');
    const reordered = await admin.get(`/api/v1/products?q=${encodeURIComponent('tom banh phong')}`);
    expect(reordered.body.items.map((p: { name: string }) => p.name)).toEqual(['Bánh phồng tôm đặc biệt']);
    const typo = await admin.get(`/api/v1/products?q=${encodeURIComponent('mat ongg hoa tram')}`);
    expect(typo.body.items[0].name).toBe('Mật ong hoa tràm');
    const byCode = await admin.get(`/api/v1/products?q=82-30037-001-${year}`);
    expect(byCode.body.items).toHaveLength(1);
    const own = await producer.get('/api/v1/products?pageSize=100');
    expect(own.body.items.every((p: { subjectId: string }) => p.subjectId === producerSubjectId)).toBe(true);
    const officer = await t.client(DEMO.officer);
    const scoped = await officer.get('/api/v1/products?pageSize=100');
    expect(scoped.body.items.every((p: { communeCode: string }) => ['29905', '30226'].includes(p.communeCode))).toBe(true);
    expect((await officer.get(`/api/v1/products?q=hat%20sen`)).body.total).toBe(0);
  });

  it('pages through each list in its order, each page showing its own products whole', async () => {
    const officer = await t.client(DEMO.officer);
    // The province's list by name, a commune officer's (the producer's commune decides), a search by rank.
    for (const [c, query] of [
      [admin, ''],
      [officer, ''],
      [admin, '&q=sen'],
      [admin, '&status=active'],
    ] as const) {
      const whole = (await c.get(`/api/v1/products?pageSize=100${query}`)).body;
      expect(whole.items.length, query).toBeGreaterThanOrEqual(3);
      const paged = [];
      for (let page = 1; paged.length < whole.total; page++) {
        const { items } = (await c.get(`/api/v1/products?pageSize=2&page=${page}${query}`)).body;
        expect(items.length).toBeGreaterThan(0);
        paged.push(...items);
      }
      expect(paged, query).toEqual(whole.items);
    }
  });

  it('gives the same pages whether a list is kept whole as ids or, too long to keep, paged in the database', async () => {
    const scope = { kind: 'province', provinceCode: '82' } as const;
    for (const filters of [{}, { q: 'sen' }, { status: 'active' }]) {
      const pages = async (maxKept: number) => {
        const out = [];
        for (let offset = 0; offset < 12; offset += 3)
          out.push(await productsRepository.list(t.database.db, scope, filters, { limit: 3, offset }, undefined, maxKept));
        return out.map((p) => ({ total: p.total, ids: p.items.map((i) => i.id) }));
      };
      const kept = await pages(MAX_KEPT_MATCHES);
      expect(kept[0]!.ids.length, JSON.stringify(filters)).toBeGreaterThan(0);
      expect(await pages(1), JSON.stringify(filters)).toEqual(kept);
    }
  });

  it('keeps a total only until the records change: a new product counts at once, in each scope and search', async () => {
    const total = async (c: Client, query = '') => (await c.get(`/api/v1/products?pageSize=1${query}`)).body.total as number;
    const [all, own, searched, fuzzy] = [
      await total(admin),
      await total(producer),
      await total(admin, '&q=keo%20dua%20sap'),
      await total(admin, '&q=keo%20duaa%20sap'),
    ];
    expect(await total(admin)).toBe(all);
    expect((await producer.post('/api/v1/products', { subjectId: producerSubjectId, name: 'Kẹo dừa sáp', criteriaSetNumber: 6 })).status).toBe(201);
    expect([await total(admin), await total(producer), await total(admin, '&q=keo%20dua%20sap'), await total(admin, '&q=keo%20duaa%20sap')]).toEqual([
      all + 1,
      own + 1,
      searched + 1,
      fuzzy + 1,
    ]);
  });

  it('does not let a producer register for, open or edit another subject’s product', async () => {
    const other = (await admin.get('/api/v1/subjects?q=sa%20giang')).body.items[0];
    const otherProduct = (await admin.get(`/api/v1/products?subjectId=${other.id}`)).body.items[0];
    const create = await producer.post('/api/v1/products', { subjectId: other.id, name: 'Giả mạo' });
    expect(create.status).toBe(400);
    expect(create.body.error.code).toBe('unknown_subject');
    expect((await producer.get(`/api/v1/products/${otherProduct.id}`)).status).toBe(404);
    expect((await producer.put(`/api/v1/products/${otherProduct.id}`, { name: 'x' })).status).toBe(404);
    expect((await producer.delete(`/api/v1/products/${otherProduct.id}`)).status).toBe(403);
    expect((await (await t.client(DEMO.council)).get(`/api/v1/products/${otherProduct.id}`)).status).toBe(403);
    expect((await (await t.client()).get(`/api/v1/products/${otherProduct.id}`)).status).toBe(401);
  });

  it('updates a product and keeps before/after in its history', async () => {
    const p = (await producer.post('/api/v1/products', { subjectId: producerSubjectId, name: 'Mứt sen', criteriaSetNumber: 7 })).body;
    const res = await producer.put(`/api/v1/products/${p.id}`, { name: 'Mứt sen trần', criteriaSetNumber: 7, packaging: 'Hộp giấy' });
    expect(res.status).toBe(200);
    expect(res.body.ocopCode).toBe(p.ocopCode); // the code never changes
    const history = (await admin.get(`/api/v1/products/${p.id}/history`)).body.items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['update', 'create']);
    expect(history[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'name', before: 'Mứt sen', after: 'Mứt sen trần' },
        { field: 'packaging', before: null, after: 'Hộp giấy' },
      ]),
    );
  });

  it('stores photos checked by content, with thumbnails, and removes them', async () => {
    const p = (await producer.post('/api/v1/products', { subjectId: producerSubjectId, name: 'Trà sen ướp', criteriaSetNumber: 12 })).body;
    const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2a9d8f' } })
      .png()
      .toBuffer();
    const res = await upload(producer, p.id, png, 'anh.png');
    expect(res.status).toBe(201);
    const photo = res.body.photos[0];
    expect(photo).toMatchObject({ mimeType: 'image/png', width: 1200, height: 800 });
    const full = await producer.get(photo.url);
    expect(full.status).toBe(200);
    expect(full.headers['content-type']).toBe('image/png');
    const thumb = await producer.get(photo.thumbUrl);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect((await sharp(thumb.raw).metadata()).width).toBe(400);

    // A text file renamed .jpg is refused, whatever its name says.
    const fake = await upload(producer, p.id, Buffer.from('not an image at all'), 'photo.jpg');
    expect(fake.status).toBe(400);
    expect(fake.body.error.code).toBe('unsupported_image');
    // Another producer cannot see the photo.
    const other = await t.client();
    expect((await other.get(photo.url)).status).toBe(401);

    // A second photo: the list's row and the product's page show both, in the order they were added.
    const second = await upload(
      producer,
      p.id,
      await sharp({ create: { width: 640, height: 480, channels: 3, background: '#e9c46a' } })
        .jpeg()
        .toBuffer(),
      'b.jpg',
    );
    expect(second.body.photos.map((ph: { width: number }) => ph.width)).toEqual([1200, 640]);
    const listed = (await producer.get(`/api/v1/products?q=${encodeURIComponent('Trà sen ướp')}`)).body.items.find((i: { id: string }) => i.id === p.id);
    expect(listed.photos).toEqual(second.body.photos);
    expect((await producer.get(`/api/v1/products/${p.id}`)).body.photos).toEqual(second.body.photos);
    expect((await producer.delete(`/api/v1/products/${p.id}/photos/${second.body.photos[1].id}`)).status).toBe(200);

    const removed = await producer.delete(`/api/v1/products/${p.id}/photos/${photo.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.photos).toEqual([]);
    expect((await producer.get(photo.url)).status).toBe(404);
    const history = (await admin.get(`/api/v1/products/${p.id}/history`)).body.items;
    expect(history[0].changes).toEqual([{ field: 'photos', before: 1, after: 0 }]);
  });

  it('refuses a photo over the size limit with 413', async () => {
    const small = await createTestApp({ config: { uploadMaxBytes: 100_000 } });
    try {
      const c = await small.client(DEMO.producer);
      const sid = (await c.get('/api/v1/auth/me')).body.user.subjectId;
      const p = (await c.post('/api/v1/products', { subjectId: sid, name: 'Ảnh lớn' })).body;
      const big = await sharp({ create: { width: 2000, height: 2000, channels: 3, background: '#123456' } })
        .png({ compressionLevel: 0 })
        .toBuffer();
      const res = await upload(c, p.id, big);
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('file_too_large');
    } finally {
      await small.close();
    }
  });

  it('lets officers delete products of their communes, and records it', async () => {
    const officer = await t.client(DEMO.officer);
    const target = (await officer.get('/api/v1/products?q=nem')).body.items[0];
    expect((await officer.delete(`/api/v1/products/${target.id}`)).status).toBe(200);
    expect((await officer.get(`/api/v1/products/${target.id}`)).status).toBe(404);
  });

  it('keeps a certified product: it cannot be deleted, only marked discontinued', async () => {
    const officer = await t.client(DEMO.officer);
    const target = (await officer.get('/api/v1/products?q=quyt%20hong')).body.items[0];
    await issuedCertificate(t.database.db, { productId: target.id, star: 4, issuedOn: '2026-03-10' });
    const res = await officer.delete(`/api/v1/products/${target.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('product_certified');
    const kept = (await officer.get(`/api/v1/products/${target.id}`)).body;
    expect(kept.ocop).toMatchObject({ star: 4, issuedOn: '2026-03-10', expiresOn: '2029-03-10', inForce: true });
    const fourStars = (await officer.get('/api/v1/products?star=4')).body.items.map((p: { id: string }) => p.id);
    expect(fourStars).toEqual([target.id]);
    expect((await officer.get('/api/v1/products?star=3')).body.items).toEqual([]);
  });
});
