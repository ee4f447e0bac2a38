import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, PGLITE_EXTENSIONS, type Database } from '../../src/server/db/client.js';
import { withDatabase } from '../global-setup.js';

/** A fresh database for one test file: a clone of the migrated template (PGlite or PostgreSQL). */
export async function freshDatabase(): Promise<Database> {
  const pgTemplate = inject('pgTemplate');
  const url = process.env.DATABASE_URL;
  if (pgTemplate && url) {
    const name = `ocop_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${pgTemplate}`);
        break;
      } catch (err) {
        // Two files cloning the same template at once can collide; wait and retry.
        if (attempt > 20) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    const database = await openDatabase({ databaseUrl: withDatabase(url, name) });
    return {
      ...database,
      close: async () => {
        await database.close();
        // The pool may still be closing its sockets; force only as a last resort.
        for (let attempt = 0; ; attempt++) {
          try {
            await admin.query(`drop database if exists ${name}${attempt > 20 ? ' with (force)' : ''}`);
            break;
          } catch {
            await new Promise((r) => setTimeout(r, 50));
          }
        }
        await admin.end();
      },
    };
  }
  const dump = fs.readFileSync(inject('pgliteTemplate'));
  const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS, loadDataDir: new Blob([dump]) });
  return openDatabase({ pglite: client });
}
