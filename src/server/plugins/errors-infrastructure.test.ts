import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { errorsPlugin, isDatabaseUnavailable, isStorageFull } from './errors.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

/** A driver error as the ORM hands it on: its own message, the driver's error as `cause`. */
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1'), { cause });

async function answerTo(error: unknown, lang = 'vi') {
  const app = Fastify();
  await app.register(errorsPlugin, {});
  app.get('/boom', async () => {
    throw error;
  });
  const res = await app.inject({ method: 'GET', url: '/boom', headers: { 'accept-language': lang } });
  await app.close();
  return res;
}

describe('database unavailable', () => {
  it('recognises a restart, a failover and a refused connection, however wrapped', () => {
    for (const code of ['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', 'ECONNREFUSED', 'ECONNRESET'])
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(withCode('57P01', 'terminating connection due to administrator command')))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')])))).toBe(true);
  });

  it('leaves every other error alone', () => {
    for (const error of [withCode('23505'), withCode('40001'), withCode('ENOENT'), new Error('boom'), null, undefined, 'text'])
      expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('recognises what the driver really says when nothing listens', async () => {
    // Port 1 on the loopback: refused at once, as a stopped PostgreSQL server is.
    const pool = new pg.Pool({ connectionString: 'postgres://ocop@127.0.0.1:1/ocop', connectionTimeoutMillis: 2_000 });
    const error = await drizzle(pool)
      .execute(sql`select 1`)
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    await pool.end();
    expect(error).toBeDefined();
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('answers 503 with the bilingual body and Retry-After, never a 500', async () => {
    const res = await answerTo(wrapped(withCode('57P01', 'terminating connection due to administrator command')));
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toEqual({
      error: { code: 'database_unavailable', message: 'Cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau ít phút.', fields: {} },
    });
    const en = await answerTo(new Error('Connection terminated unexpectedly'), 'en');
    expect(en.json().error).toMatchObject({
      code: 'database_unavailable',
      message: 'The database is temporarily unavailable. Please try again in a few minutes.',
    });
    expect((await answerTo(withCode('23505'))).statusCode).toBe(500);
  });
});

describe('storage full', () => {
  it('recognises a full disk or quota, on a file or in the database', () => {
    for (const code of ['ENOSPC', 'EDQUOT', '53100']) expect(isStorageFull(wrapped(withCode(code))), code).toBe(true);
    for (const code of ['ENOENT', 'EACCES', '23505']) expect(isStorageFull(withCode(code)), code).toBe(false);
  });

  it('answers 507 storage_full in both languages', async () => {
    const vi = await answerTo(withCode('ENOSPC', 'ENOSPC: no space left on device, write'));
    expect(vi.statusCode).toBe(507);
    expect(vi.json().error).toEqual({
      code: 'storage_full',
      message: 'Máy chủ đã hết dung lượng lưu trữ nên chưa lưu được. Vui lòng báo quản trị viên.',
      fields: {},
    });
    const en = await answerTo(withCode('ENOSPC'), 'en');
    expect(en.json().error.message).toBe('The server is out of storage space, so nothing was saved. Please tell the administrator.');
  });
});
