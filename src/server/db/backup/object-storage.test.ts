import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type Client, type TestApp } from '../../../../test/support/app.js';
import { freshDatabase } from '../../../../test/support/database.js';
import { multipart } from '../../../../test/support/multipart.js';
import { startS3Server, type S3TestServer } from '../../../../test/support/s3.js';
import { AppError } from '../../../domain/errors.js';
import { loadConfig } from '../../config.js';
import { createFileStorage, type FileStorage } from '../../lib/file-storage.js';
import { createS3Storage } from '../../lib/s3-storage.js';
import { createBackup } from './backup.js';
import { checkTarget, readBackup, restoreBackup } from './restore.js';

/**
 * The application on S3-compatible object storage (STORAGE_URL, a real s3rver on the loopback):
 * uploads land in the bucket and are served from it, a missing object is a 404, and a backup holds
 * every object and puts them back — into the bucket, and across to the data folder and back.
 */

let s3: S3TestServer;
let t: TestApp;
let producer: Client;
let bucket: FileStorage;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-object-storage-test-'));

beforeAll(async () => {
  s3 = await startS3Server('ocop-api');
  // The configuration read as the server reads it: STORAGE_URL and the AWS variables.
  const configured = loadConfig({ NODE_ENV: 'test', ...s3.env('app') });
  expect(configured.storage).toMatchObject({ kind: 's3', bucket: 'ocop-api', prefix: 'app/', endpoint: s3.endpoint, forcePathStyle: true });
  t = await createTestApp({ config: { storage: configured.storage } });
  producer = await t.client(DEMO.producer);
  bucket = createS3Storage(s3.config('app'));
}, 60_000);

afterAll(async () => {
  await t?.close();
  await bucket?.close();
  await s3?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function contents(storage: FileStorage): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for await (const o of storage.list())
    out[o.key] = createHash('sha256')
      .update(await storage.get(o.key))
      .digest('hex');
  return out;
}

async function empty(storage: FileStorage) {
  const keys: string[] = [];
  for await (const o of storage.list()) keys.push(o.key);
  for (const key of keys) await storage.remove(key);
}

async function restoreInto(storage: FileStorage, archive: string, force = true) {
  const backup = await readBackup(archive, t.config.dataDir);
  try {
    return await restoreBackup({ database: t.database, dataDir: t.config.dataDir, backup, storage, force });
  } finally {
    backup.discard();
  }
}

describe('object storage (STORAGE_URL)', () => {
  let photo: { id: string; url: string; thumbUrl: string };
  let png: Buffer;
  let uploaded: Record<string, string>;
  let archive: string;

  it('stores an uploaded product photo in the bucket and serves it back from there', async () => {
    const me = (await producer.get('/api/v1/auth/me')).body.user;
    const product = (await producer.post('/api/v1/products', { subjectId: me.subjectId, name: 'Trà sen ướp', criteriaSetNumber: 12 })).body;
    png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#e76f51' } })
      .png()
      .toBuffer();
    const { payload, headers } = multipart({}, { name: 'anh.png', data: png });
    const res = await producer.request('POST', `/api/v1/products/${product.id}/photos`, payload, { headers });
    expect(res.status).toBe(201);
    photo = res.body.photos[0];

    const full = await producer.get(photo.url);
    expect(full.status).toBe(200);
    expect(full.headers['content-type']).toBe('image/png');
    expect(full.raw.equals(png)).toBe(true);
    const thumb = await producer.get(photo.thumbUrl);
    expect(thumb.status).toBe(200);
    expect((await sharp(thumb.raw).metadata()).format).toBe('webp');

    // The image and its thumbnail are in the bucket, under the prefix; nothing in the data folder.
    uploaded = await contents(bucket);
    expect(Object.keys(uploaded)).toEqual([expect.stringMatching(/^photos\/[0-9a-f-]{36}\.png$/), expect.stringMatching(/^thumbs\/[0-9a-f-]{36}\.webp$/)]);
    expect(uploaded[Object.keys(uploaded)[0]!]).toBe(createHash('sha256').update(png).digest('hex'));
    expect(fs.existsSync(path.join(t.config.dataDir, 'files'))).toBe(false);
  });

  it('backs up every object, and restores them into an emptied bucket', async () => {
    archive = path.join(tmp, 'ocop.tar.gz');
    const log: string[] = [];
    const result = await createBackup({ database: t.database, dataDir: t.config.dataDir, out: archive, storage: bucket, log: (m) => log.push(m) });
    expect(result.files).toBe(2);
    expect(log.some((l) => /files\s+2 \(/.test(l))).toBe(true);

    await empty(bucket);
    expect(await contents(bucket)).toEqual({});
    const restored = await restoreInto(bucket, archive);
    expect(restored.files).toBe(2);
    expect(await contents(bucket)).toEqual(uploaded);
    const full = await producer.get(photo.url);
    expect(full.status).toBe(200);
    expect(full.raw.equals(png)).toBe(true);
  });

  it('removes objects the backup does not hold, and refuses a bucket in use without --force', async () => {
    const stray = bucket.newKey('documents', 'pdf');
    await bucket.put(stray, Buffer.from('added after the backup'));
    await restoreInto(bucket, archive);
    expect(await contents(bucket)).toEqual(uploaded);

    // A database without the operator's data, but a bucket holding files: refused, naming the bucket.
    const database = await freshDatabase();
    try {
      const err = await checkTarget(database, t.config.dataDir, false, bucket).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('restore_target_not_empty');
      expect((err as AppError).messages.en).toContain('2 tệp / files (s3://ocop-api/app/)');
    } finally {
      await database.close();
    }
  });

  it('restores a bucket backup into the data folder, and a data folder backup into a bucket', async () => {
    const folder = createFileStorage(fs.mkdtempSync(path.join(tmp, 'folder-')));
    await restoreInto(folder, archive);
    expect(await contents(folder)).toEqual(uploaded);

    const fromFolder = path.join(tmp, 'from-folder.tar.gz');
    await createBackup({ database: t.database, dataDir: t.config.dataDir, out: fromFolder, storage: folder });
    const other = createS3Storage(s3.config('other'));
    try {
      await restoreInto(other, fromFolder);
      expect(await contents(other)).toEqual(uploaded);
    } finally {
      await other.close();
    }
  });

  it('answers a photo whose object is gone with a clean 404, not a 500', async () => {
    const [photoKey] = Object.keys(uploaded);
    await bucket.remove(photoKey!);
    const res = await producer.get(photo.url);
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'file_missing', message: expect.stringMatching(/^Không tìm thấy tệp đã lưu/) });
    producer.lang = 'en';
    const en = await producer.get(photo.url);
    expect(en.body.error.message).toMatch(/^The stored file was not found/);
    producer.lang = 'vi';
    // The thumbnail, still there, is served.
    expect((await producer.get(photo.thumbUrl)).status).toBe(200);
  });
});
