import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { PACKAGE_ROOT } from '../src/server/config.js';
import { openDatabase, PGLITE_EXTENSIONS } from '../src/server/db/client.js';
import { applyMigrations } from '../src/server/db/migrate.js';
import { loadReferenceData } from '../src/server/seed/reference.js';
import pg from 'pg';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a gzip dump of a migrated database with reference data, loaded per test file. */
    pgliteTemplate: string;
    /** PostgreSQL: a migrated template database, cloned per test file. */
    pgTemplate: string;
  }
}

/**
 * Migrating and loading 3,321 communes takes seconds; doing it once and cloning the result per
 * test file keeps each file's database fresh and the suite fast (ADR 0004).
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `ocop_tmpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const tmplUrl = withDatabase(url, name);
    const database = await openDatabase({ databaseUrl: tmplUrl });
    await applyMigrations(database);
    await loadReferenceData(database.db, path.join(PACKAGE_ROOT, 'data'));
    await database.close();
    project.provide('pgTemplate', name);
    project.provide('pgliteTemplate', '');
    return async () => {
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    };
  }
  const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const database = await openDatabase({ pglite: client });
  await applyMigrations(database);
  await loadReferenceData(database.db, path.join(PACKAGE_ROOT, 'data'));
  const dump = await client.dumpDataDir('gzip');
  await client.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-test-')), 'template.tar.gz');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplate', '');
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
