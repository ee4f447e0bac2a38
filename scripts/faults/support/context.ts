/**
 * What every scenario shares: a working folder, the PostgreSQL server, and ready-made starting
 * points — a data folder and a database on which a server has already migrated, loaded the
 * reference data and seeded the demo province — copied for each scenario so none waits for a first start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PostgresServer } from './databases.js';
import { ServerProcess, sleep } from './server.js';

/** `small`: a quarter of the national registry for the load (quicker runs while working on the scenarios). */
export type Options = { small: boolean; loadSeconds: number };

export class Context {
  private pgliteTemplate: Promise<string> | undefined;
  private postgresTemplate: Promise<string> | undefined;
  private readonly databases: string[] = [];
  private counter = 0;

  constructor(
    readonly work: string,
    readonly pg: PostgresServer,
    readonly pgAvailable: boolean,
    readonly prefix: string,
    readonly options: Options,
  ) {}

  /** A new folder under the working folder. */
  folder(name: string): string {
    const dir = path.join(this.work, `${name}-${++this.counter}`);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }

  logFile(name: string): string {
    return path.join(this.work, `${name}.log`);
  }

  /** A data folder holding a migrated, seeded PGlite database (a copy of one first started here). */
  async pgliteDataDir(name: string): Promise<string> {
    // Made once; when that fails, every scenario that needs it fails with the same reason.
    this.pgliteTemplate ??= (async () => {
      const dir = this.folder('template-pglite');
      const server = await ServerProcess.start({ dataDir: dir, logFile: this.logFile('template-pglite') });
      await server.stop();
      return dir;
    })();
    const template = await this.pgliteTemplate;
    const dir = this.folder(name);
    fs.cpSync(template, dir, { recursive: true });
    return dir;
  }

  /** A new PostgreSQL database, migrated and seeded (a copy of a template first started here), with a data folder for its files. */
  async postgresDatabase(name: string): Promise<{ url: string; name: string; dataDir: string }> {
    if (!this.pgAvailable) throw new Error(`PostgreSQL is not reachable at ${this.pg.adminUrl}`);
    this.postgresTemplate ??= (async () => {
      const template = `${this.prefix}_template`;
      const url = await this.track(template, () => this.pg.create(template));
      const server = await ServerProcess.start({ dataDir: this.folder('template-postgres'), databaseUrl: url, logFile: this.logFile('template-postgres') });
      await server.stop();
      return template;
    })();
    const template = await this.postgresTemplate;
    const db = `${this.prefix}_${name}`;
    // The template's last connections may still be closing after its server stopped.
    for (let attempt = 0; ; attempt++) {
      try {
        const url = await this.track(db, () => this.pg.create(db, template));
        return { url, name: db, dataDir: this.folder(name) };
      } catch (err) {
        if (attempt >= 50 || !/being accessed by other users/.test((err as Error).message)) throw err;
        await sleep(200);
      }
    }
  }

  /** An empty database (a restore's target). */
  async emptyDatabase(name: string): Promise<{ url: string; name: string }> {
    const db = `${this.prefix}_${name}`;
    return { url: await this.track(db, () => this.pg.create(db)), name: db };
  }

  private async track(name: string, create: () => Promise<string>): Promise<string> {
    const url = await create();
    this.databases.push(name);
    return url;
  }

  /** Drops every database this run created (the template last). */
  async cleanUp(): Promise<void> {
    for (const name of [...this.databases].reverse())
      await this.pg.drop(name).catch((err: unknown) => console.error(`could not drop ${name}: ${(err as Error).message}`));
  }
}
