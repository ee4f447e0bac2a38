import { Readable } from 'node:stream';
import { AppError } from '../../domain/errors.js';
import type { S3StorageConfig } from '../config.js';
import { checkKey, fileMissing, isStorageKey, newStorageKey, type FileStorage, type OpenedObject } from './file-storage.js';
import { loadS3Client } from './on-first-use.js';

/** What S3-compatible servers answer when a bucket or the disk under it is full; mapped to the 507 the data folder gives. */
const FULL = new Set(['XMinioStorageFull', 'XMinioAdminBucketQuotaExceeded', 'QuotaExceeded', 'InsufficientStorage']);

type S3Failure = { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
const isMissing = (err: unknown) => {
  const e = err as S3Failure;
  if (e?.name === 'NoSuchBucket' || e?.Code === 'NoSuchBucket') return false; // the configuration's fault, not the file's
  return e?.name === 'NoSuchKey' || e?.Code === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
};

/**
 * A full bucket reads as a full disk (`storage_full`, 507): nothing was stored, the administrator
 * must act. A storage that cannot be reached, or answers with a server error, is `storage_unavailable`
 * (503): the request may succeed later; without this the socket's ECONNREFUSED would read as the
 * database's.
 */
function translate(err: unknown): unknown {
  const e = err as S3Failure & { code?: string };
  const status = e?.$metadata?.httpStatusCode;
  if (FULL.has(e?.name ?? '') || FULL.has(e?.Code ?? '') || status === 507)
    return Object.assign(new Error(`object storage is full: ${(err as Error).message}`), { code: 'EDQUOT', cause: err });
  if (status === undefined ? typeof e?.code === 'string' || e?.name === 'TimeoutError' : status >= 500)
    return Object.assign(new Error(`object storage unavailable: ${(err as Error).message}`), { code: 'storage_unavailable', cause: err });
  return err;
}

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, Ceph, …), under the same keys as in the data
 * folder with the configured prefix before them. A PUT is atomic (an object appears whole or not
 * at all), so there is no partial file to clean up; listing pages through ListObjectsV2.
 *
 * Checksums are sent and checked only where S3 requires them: the SDK's default (a CRC32 trailer on
 * every upload) is not understood by many S3-compatible servers.
 */
export function createS3Storage(config: S3StorageConfig, options: { pageSize?: number } = {}): FileStorage {
  const { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, ListObjectsV2Command, PutObjectCommand, S3Client } = loadS3Client();
  const client = new S3Client({
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    // An unreachable storage fails the request in seconds, and one that stops answering within a
    // minute of silence, instead of holding it open; a large file taking long but flowing is not cut.
    requestHandler: { connectionTimeout: 5_000, socketTimeout: 60_000 },
  });
  const Bucket = config.bucket;
  const objectKey = (key: string) => config.prefix + checkKey(key);

  async function fetch(key: string) {
    try {
      return await client.send(new GetObjectCommand({ Bucket, Key: objectKey(key) }));
    } catch (err) {
      if (isMissing(err)) return null;
      throw translate(err);
    }
  }

  async function upload(key: string, Body: Buffer | Readable, ContentLength: number) {
    try {
      await client.send(new PutObjectCommand({ Bucket, Key: objectKey(key), Body, ContentLength }));
    } catch (err) {
      throw translate(err);
    }
  }

  return {
    kind: 's3',
    location: `s3://${config.bucket}/${config.prefix}`,
    newKey: newStorageKey,
    put: (key, data) => upload(key, data, data.length),
    putStream: (key, body, size) => upload(key, body, size),
    async get(key) {
      const found = await fetch(key);
      if (!found?.Body) throw fileMissing();
      return Buffer.from(await found.Body.transformToByteArray());
    },
    async open(key): Promise<OpenedObject | null> {
      const found = await fetch(key);
      if (!found?.Body) return null;
      // On Node the SDK answers with the HTTP response itself, a Readable.
      if (!(found.Body instanceof Readable)) throw new Error(`${key}: unexpected response body from the object storage`);
      return { body: found.Body, size: found.ContentLength ?? 0, modified: found.LastModified ?? new Date() };
    },
    async remove(key) {
      // Deleting a key that is not there succeeds on S3, as `rm --force` does in the folder.
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) })).catch((err: unknown) => Promise.reject(translate(err)));
    },
    async *list(skipped = () => {}) {
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({
            Bucket,
            Prefix: config.prefix || undefined,
            ContinuationToken,
            ...(options.pageSize ? { MaxKeys: options.pageSize } : {}),
          }),
        );
        for (const o of page.Contents ?? []) {
          const name = o.Key!.slice(config.prefix.length);
          if (isStorageKey(name)) yield { key: name, size: o.Size ?? 0, modified: o.LastModified ?? new Date(0) };
          else skipped(name);
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
    async check() {
      const where = `s3://${config.bucket}${config.endpoint ? ` (${config.endpoint})` : ''}`;
      const fail = (vi: string, en: string) => new AppError('invalid', 'storage_unusable', { vi: `STORAGE_URL: ${vi}`, en: `STORAGE_URL: ${en}` });
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch (err) {
        const status = (err as S3Failure).$metadata?.httpStatusCode;
        if (status === 404) throw fail(`không có bucket ${where}; hãy tạo trước.`, `there is no bucket ${where}; create it first.`);
        if (status === 401 || status === 403)
          throw fail(
            `máy chủ lưu trữ từ chối khoá truy cập cho ${where} (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY).`,
            `the storage refused the credentials for ${where} (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY).`,
          );
        const reason = (err as Error).message || (err as Error).name;
        throw fail(`không truy cập được ${where}: ${reason}`, `cannot reach ${where}: ${reason}`);
      }
    },
    async close() {
      client.destroy();
    },
  };
}
