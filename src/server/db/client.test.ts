import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type DbOrTx } from './client.js';
import { preparedRows, runPrepared } from './prepared.js';

// Port 1 on this machine: nothing listens there, so the connection is refused at once.
const NOWHERE = 'postgres://ocop:secret-password@127.0.0.1:1/ocop';

describe('opening a PostgreSQL database', () => {
  it('names the setting and the server it could not reach, in both languages, never the password', async () => {
    const refused = await openDatabase({ databaseUrl: NOWHERE }).then(
      () => undefined,
      (err: Error) => err,
    );
    expect(refused?.message).toContain('Không kết nối được PostgreSQL ở DATABASE_URL (127.0.0.1:1)');
    expect(refused?.message).toContain('Cannot reach PostgreSQL at DATABASE_URL (127.0.0.1:1)');
    expect(refused?.message).not.toContain('secret-password');
  });

  it.skipIf(!process.env.DATABASE_URL)('names the read replica when it is the one out of reach, and leaves the primary closed', async () => {
    const refused = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, readUrl: NOWHERE }).then(
      () => undefined,
      (err: Error) => err,
    );
    expect(refused?.message).toContain('Cannot reach PostgreSQL at DATABASE_READ_URL (127.0.0.1:1)');
    expect(refused?.message).not.toContain('secret-password');
  });
});

describe('statements that take the generic plan', () => {
  it.skipIf(!process.env.DATABASE_URL)('run on sessions that plan generically, and nothing else does', async () => {
    const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL! });
    try {
      const mode = (db: DbOrTx) => db.select({ mode: sql<string>`current_setting('plan_cache_mode')` }).from(sql`(values (1)) as one(n)`);
      expect(await runPrepared(database.db, mode)).toEqual([{ mode: 'force_generic_plan' }]);
      expect(await runPrepared(database.db, mode, { plan: 'per-values' })).toEqual([{ mode: 'auto' }]);
      expect(await mode(database.db)).toEqual([{ mode: 'auto' }]);
      // Inside a transaction, its own connection: what it wrote is what it reads.
      expect(await database.db.transaction((tx) => runPrepared(tx, mode))).toEqual([{ mode: 'auto' }]);
    } finally {
      await database.close();
    }
  });
});

describe('raw statements prepared by name', () => {
  // Whether the session that ran the statement holds it (its text, by the mark in it) prepared, and values as they come back.
  const probe = (mark: string) =>
    sql`select (select count(*) from pg_prepared_statements where statement like ${`%/* ${mark} */%`})::int as prepared,
      ${'2026-12-06'}::date as day, ${sql.param(['a', 'b'])}::text[] as words /* ${sql.raw(mark)} */`;

  it.skipIf(!process.env.DATABASE_URL)('are kept by the session, and read as queryRows reads them', async () => {
    const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL! });
    try {
      expect(await preparedRows(database.db, probe('named'))).toEqual([{ prepared: 1, day: '2026-12-06', words: ['a', 'b'] }]);
      expect(await queryRows(database.db, probe('unnamed'))).toEqual([{ prepared: 0, day: '2026-12-06', words: ['a', 'b'] }]);
      // Within a transaction it runs as queryRows runs it, unnamed.
      expect(await database.db.transaction((tx) => preparedRows(tx, probe('in-transaction')))).toEqual([{ prepared: 0, day: '2026-12-06', words: ['a', 'b'] }]);
    } finally {
      await database.close();
    }
  });
});
