import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type S3TestServer } from '../../../test/support/s3.js';
import { AppError } from '../../domain/errors.js';
import { ConfigError, loadConfig, parseStorageUrl } from '../config.js';
import { errorsPlugin, isStorageFull } from '../plugins/errors.js';
import { createFileStorage, type FileStorage } from './file-storage.js';
import { createS3Storage } from './s3-storage.js';
import { openFileStorage } from './storage.js';

/**
 * One contract, two implementations: the data folder and an S3-compatible bucket (a real s3rver on
 * the loopback). What the application and the backup rely on must hold for both.
 */

let s3: S3TestServer;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-storage-test-'));
beforeAll(async () => {
  s3 = await startS3Server('ocop-unit');
});
afterAll(async () => {
  await s3?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function keysOf(storage: FileStorage, skipped: string[] = []) {
  const out: string[] = [];
  for await (const o of storage.list((name) => skipped.push(name))) out.push(o.key);
  return out;
}

async function readAll(body: Readable) {
  const parts: Buffer[] = [];
  for await (const chunk of body) parts.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(parts);
}

async function failure(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

const implementations: [string, (name: string) => FileStorage][] = [
  ['data folder', (name) => createFileStorage(fs.mkdtempSync(path.join(tmp, `${name}-`)))],
  ['S3-compatible bucket', (name) => createS3Storage(s3.config(name))],
];

describe.each(implementations)('file storage: %s', (_label, make) => {
  let storage: FileStorage;
  beforeAll(() => {
    storage = make('contract');
  });
  afterAll(() => storage?.close());

  it('puts, gets, opens as a stream, lists and removes', async () => {
    const photo = randomBytes(200_000);
    const thumb = Buffer.from('thumbnail');
    const empty = Buffer.alloc(0);
    const k1 = storage.newKey('photos', 'jpg');
    const k2 = storage.newKey('thumbs', 'webp');
    const k3 = storage.newKey('documents', 'pdf');
    expect(k1).toMatch(/^photos\/[0-9a-f-]{36}\.jpg$/);
    await storage.put(k1, photo);
    await storage.put(k2, thumb);
    await storage.putStream(k3, Readable.from([Buffer.from('%PDF-'), Buffer.from('1.7')]), 8);

    expect((await storage.get(k1)).equals(photo)).toBe(true);
    expect((await storage.get(k3)).toString()).toBe('%PDF-1.7');
    const opened = (await storage.open(k1))!;
    expect(opened.size).toBe(photo.length);
    expect(opened.modified).toBeInstanceOf(Date);
    expect((await readAll(opened.body)).equals(photo)).toBe(true);

    expect(await keysOf(storage)).toEqual([k3, k1, k2]);
    const listed = [];
    for await (const o of storage.list()) listed.push(o);
    expect(listed.find((o) => o.key === k2)!.size).toBe(thumb.length);

    const k4 = storage.newKey('photos', 'png');
    await storage.put(k4, empty);
    expect((await storage.get(k4)).length).toBe(0);

    await storage.remove(k1);
    await storage.remove(k1); // removing what is not there is not an error
    expect(await storage.open(k1)).toBeNull();
    expect((await keysOf(storage)).sort()).toEqual([k2, k3, k4].sort());
  });

  it('answers a missing file with a 404 error, not a fault', async () => {
    const err = await failure(storage.get(storage.newKey('photos', 'jpg')));
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ kind: 'not_found', code: 'file_missing' });
    expect((err as AppError).messages.vi).toMatch(/Không tìm thấy tệp/);
  });

  it('refuses keys it did not make, before touching anything', async () => {
    for (const key of ['../secret.txt', 'photos/../../etc.txt', '/photos/a.jpg', 'photos/A.JPG', 'photos', 'a/b/c.jpg', 'photos/a.jpg.partial']) {
      await expect(storage.put(key, Buffer.from('x')), key).rejects.toThrow(/Invalid storage key/);
      await expect(storage.get(key), key).rejects.toThrow(/Invalid storage key/);
      await expect(storage.remove(key), key).rejects.toThrow(/Invalid storage key/);
      await expect(storage.open(key), key).rejects.toThrow(/Invalid storage key/);
    }
  });
});

describe('the data folder', () => {
  it('writes beside the key and renames: a failed write leaves nothing, a stray file is not listed', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'folder-'));
    const storage = createFileStorage(dir);
    const key = storage.newKey('documents', 'pdf');
    const broken = new Readable({
      read() {
        this.push(Buffer.from('half a file'));
        this.destroy(new Error('connection lost'));
      },
    });
    await expect(storage.putStream(key, broken, 1000)).rejects.toThrow(/connection lost/);
    await expect(storage.putStream(key, Readable.from([Buffer.from('short')]), 1000)).rejects.toThrow(/5 bytes written, 1000 expected/);
    expect(fs.readdirSync(path.join(dir, 'files', 'documents'))).toEqual([]);
    expect(await storage.open(key)).toBeNull();

    // What a crash mid-write would leave, and a file put there by hand: neither is the application's.
    fs.writeFileSync(path.join(dir, 'files', 'documents', `${path.basename(key)}.1234.partial`), 'partial');
    fs.writeFileSync(path.join(dir, 'files', 'notes.txt'), 'hand-made');
    await storage.put(key, Buffer.from('whole'));
    const skipped: string[] = [];
    expect(await keysOf(storage, skipped)).toEqual([key]);
    expect(skipped.sort()).toEqual([`${key}.1234.partial`, 'notes.txt']);
  });

  it('is what openFileStorage gives without STORAGE_URL', () => {
    const storage = openFileStorage(loadConfig({ DATA_DIR: tmp, NODE_ENV: 'test' }));
    expect(storage.kind).toBe('folder');
    expect(storage.location).toBe(path.join(tmp, 'files'));
  });
});

describe('the S3-compatible bucket', () => {
  it('keeps its objects under the prefix, pages through long listings, skips what is not a key', async () => {
    const a = createS3Storage(s3.config('paging/a'), { pageSize: 2 });
    const b = createS3Storage(s3.config('paging/b'));
    const whole = createS3Storage(s3.config('paging'), { pageSize: 3 });
    try {
      const keys = [];
      for (let i = 0; i < 5; i++) {
        const key = a.newKey('photos', 'jpg');
        keys.push(key);
        await a.put(key, Buffer.from(`photo ${i}`));
      }
      const other = b.newKey('documents', 'pdf');
      await b.put(other, Buffer.from('other'));
      expect(await keysOf(a)).toEqual(keys.sort()); // three pages of two
      expect(await keysOf(b)).toEqual([other]);
      // Seen from the parent prefix, `a/photos/…` is no key of this storage.
      const skipped: string[] = [];
      expect(await keysOf(whole, skipped)).toEqual([]);
      expect(skipped.length).toBe(6);
      await expect(a.get(other)).rejects.toMatchObject({ code: 'file_missing' });
    } finally {
      await Promise.all([a.close(), b.close(), whole.close()]);
    }
  });

  it('is what openFileStorage gives with STORAGE_URL, credentials from the environment', async () => {
    const config = loadConfig({ DATA_DIR: tmp, NODE_ENV: 'test', ...s3.env('configured') });
    expect(config.storage).toEqual(s3.config('configured'));
    const storage = openFileStorage(config);
    try {
      expect(storage.kind).toBe('s3');
      expect(storage.location).toBe('s3://ocop-unit/configured/');
      const key = storage.newKey('photos', 'jpg');
      await storage.put(key, Buffer.from('through the configuration'));
      expect((await storage.get(key)).toString()).toBe('through the configuration');
    } finally {
      await storage.close();
    }
  });

  it('checks at start that the bucket is there and the credentials are taken', async () => {
    const good = createS3Storage(s3.config());
    const missing = createS3Storage({ ...s3.config(), bucket: 'no-such-bucket' });
    const dead = createS3Storage({ ...s3.config(), endpoint: 'http://127.0.0.1:9' });
    try {
      await good.check();
      await expect(missing.check()).rejects.toMatchObject({
        code: 'storage_unusable',
        messages: {
          vi: expect.stringMatching(/^STORAGE_URL: không có bucket s3:\/\/no-such-bucket/),
          en: expect.stringMatching(/there is no bucket s3:\/\/no-such-bucket/),
        },
      });
      await expect(dead.check()).rejects.toMatchObject({
        code: 'storage_unusable',
        messages: { en: expect.stringMatching(/^STORAGE_URL: cannot reach s3:\/\/ocop-unit/) },
      });
    } finally {
      await Promise.all([good.close(), missing.close(), dead.close()]);
    }
  });

  it('reports an unreachable storage as a 503 storage_unavailable, without hanging', async () => {
    // Port 9 on the loopback: nothing listens, the connection is refused at once.
    const storage = createS3Storage({ ...s3.config(), endpoint: 'http://127.0.0.1:9' });
    try {
      const started = Date.now();
      const err = await failure(storage.get(storage.newKey('photos', 'jpg')));
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(err).toMatchObject({ code: 'storage_unavailable' });
      await expect(storage.put(storage.newKey('photos', 'jpg'), Buffer.from('x'))).rejects.toMatchObject({ code: 'storage_unavailable' });

      // What a request that met it answers: not the database's 503, not a 500.
      const app = Fastify();
      await app.register(errorsPlugin, {});
      app.get('/photo', async () => {
        throw err;
      });
      const res = await app.inject({ method: 'GET', url: '/photo', headers: { 'accept-language': 'en' } });
      await app.close();
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json().error).toMatchObject({ code: 'storage_unavailable', message: expect.stringMatching(/^The file storage is temporarily unavailable/) });
    } finally {
      await storage.close();
    }
  });
});

describe('a full bucket', () => {
  it('is answered as a full disk: 507 storage_full', async () => {
    // A server answering every request as MinIO does when its disks are full.
    const full = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(507, { 'content-type': 'application/xml' });
        res.end(
          '<?xml version="1.0" encoding="UTF-8"?><Error><Code>XMinioStorageFull</Code><Message>Storage backend has reached its minimum free drive threshold.</Message></Error>',
        );
      });
    });
    await new Promise<void>((resolve) => full.listen(0, '127.0.0.1', resolve));
    const storage = createS3Storage({ ...s3.config(), endpoint: `http://127.0.0.1:${(full.address() as AddressInfo).port}` });
    try {
      const err = await failure(storage.put(storage.newKey('photos', 'jpg'), Buffer.from('x')));
      expect(isStorageFull(err)).toBe(true);
    } finally {
      await storage.close();
      await new Promise((resolve) => full.close(resolve));
    }
  });
});

describe('STORAGE_URL', () => {
  const problems = (url: string, env: Record<string, string> = {}) => {
    const parsed = parseStorageUrl(url, env);
    return 'problems' in parsed ? parsed.problems.join('\n') : '';
  };

  it('reads the bucket, prefix, endpoint, region, path style and credentials', () => {
    expect(parseStorageUrl('')).toEqual({ kind: 'folder' });
    expect(parseStorageUrl('s3://ocop-files/tinh-82/?endpoint=http://minio:9000/&region=ap-southeast-1&forcePathStyle=true', {})).toEqual({
      kind: 's3',
      bucket: 'ocop-files',
      prefix: 'tinh-82/',
      endpoint: 'http://minio:9000',
      region: 'ap-southeast-1',
      forcePathStyle: true,
      credentials: undefined,
    });
    // Credentials in the URL (percent-encoded) win over the environment's.
    expect(parseStorageUrl('s3://AKIA1:se%2Fcr%2Bet@ocop-files', { AWS_ACCESS_KEY_ID: 'env', AWS_SECRET_ACCESS_KEY: 'env' })).toMatchObject({
      prefix: '',
      endpoint: undefined,
      forcePathStyle: false,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIA1', secretAccessKey: 'se/cr+et' },
    });
    expect(
      parseStorageUrl('s3://ocop-files', { AWS_ACCESS_KEY_ID: 'K', AWS_SECRET_ACCESS_KEY: 'S', AWS_SESSION_TOKEN: 'T', AWS_REGION: 'eu-west-1' }),
    ).toMatchObject({
      region: 'eu-west-1',
      credentials: { accessKeyId: 'K', secretAccessKey: 'S', sessionToken: 'T' },
    });
  });

  it('refuses a bad value with a clear message in Vietnamese and English', () => {
    expect(problems('http://ocop-files')).toMatch(/phải bắt đầu bằng s3:\/\/ \/ must start with s3:\/\//);
    expect(problems('ocop-files')).toMatch(/không phải địa chỉ hợp lệ.*\/ not a valid URL/);
    expect(problems('s3://Ocop_Files')).toMatch(/tên bucket .* không hợp lệ .* \/ bucket name .* is invalid/);
    expect(problems('s3://ocop-files?endpoint=minio:9000')).toMatch(/endpoint phải là .* \/ endpoint must be an http\(s\) origin/);
    expect(problems('s3://ocop-files?endpoint=http://minio:9000/path')).toMatch(/endpoint must be an http\(s\) origin/);
    expect(problems('s3://ocop-files?forcePathStyle=yes')).toMatch(/forcePathStyle must be true or false/);
    expect(problems('s3://ocop-files?forcepathstyle=true')).toMatch(/tham số không biết "forcepathstyle" .* \/ unknown parameter "forcepathstyle"/);
    expect(problems('s3://ocop-files?region=US%20East')).toMatch(/region "US East" is invalid/);
    expect(problems('s3://ocop-files:9000')).toMatch(/give the port in the endpoint parameter/);
    expect(problems('s3://onlykey@ocop-files')).toMatch(/give both the access key and the secret key/);
    expect(problems('s3://ocop-files', { AWS_ACCESS_KEY_ID: 'K' })).toMatch(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together/);
    expect(problems('s3://ocop-files/a%zz')).toMatch(/malformed percent-encoding/);
  });

  it('stops the configuration with every problem, never echoing a secret', () => {
    const err = (() => {
      try {
        loadConfig({ NODE_ENV: 'test', STORAGE_URL: 's3://KEY:top-secret@Bad_Bucket?forcePathStyle=maybe' });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    const message = (err as ConfigError).message;
    expect(message).toMatch(/^Cấu hình không hợp lệ \/ Invalid configuration:/);
    expect(message).toMatch(/STORAGE_URL: tên bucket/);
    expect(message).toMatch(/STORAGE_URL: forcePathStyle/);
    expect(message).not.toMatch(/top-secret/);
  });
});
