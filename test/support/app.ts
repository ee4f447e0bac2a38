import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig, type AppConfig } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/client.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/seed/demo.js';
import { freshDatabase } from './database.js';

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  config: AppConfig;
  /** A signed-in client (cookie and CSRF token kept), or an anonymous one without arguments. */
  client(email?: string, password?: string): Promise<Client>;
  close(): Promise<void>;
};

export type Response = { status: number; body: any; headers: Record<string, unknown>; raw: Buffer };

export class Client {
  cookie: string | undefined;
  csrf: string | undefined;
  lang: 'vi' | 'en' = 'vi';
  constructor(private readonly app: FastifyInstance) {}

  async request(method: InjectOptions['method'], url: string, payload?: unknown, extra: Partial<InjectOptions> = {}): Promise<Response> {
    const headers: Record<string, string> = { 'accept-language': this.lang, ...(extra.headers as Record<string, string>) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] ??= this.csrf;
    const res = await this.app.inject({ ...extra, method, url, headers, ...(payload !== undefined ? { payload: payload as InjectOptions['payload'] } : {}) });
    const setCookie = res.cookies.find((c) => c.name === 'ocop_session');
    if (setCookie) this.cookie = setCookie.value ? `ocop_session=${setCookie.value}` : undefined;
    let body: unknown = undefined;
    try {
      body = res.json();
    } catch {
      body = res.body;
    }
    return { status: res.statusCode, body, headers: res.headers, raw: res.rawPayload };
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  put = (url: string, body: unknown) => this.request('PUT', url, body);
  delete = (url: string) => this.request('DELETE', url);

  async login(email: string, password: string) {
    const res = await this.post('/api/v1/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.csrf = res.body.csrfToken;
    return res;
  }
}

export const DEMO = {
  admin: 'admin@ocop.demo',
  officer: 'canbo.sadec@ocop.demo',
  council: 'hoidong@ocop.demo',
  producer: 'htx.sen@ocop.demo',
  password: DEMO_PASSWORD,
} as const;

/** The application on a fresh database with the demo province seeded (one account per role). */
export async function createTestApp(
  opts: { demo?: boolean; config?: Partial<AppConfig>; clock?: () => Date; labelFreshnessMs?: number } = {},
): Promise<TestApp> {
  const database = await freshDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-files-'));
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, opts.config);
  if (opts.demo !== false) await seedDemo(database.db);
  // Tests write certificates straight to the database (test/support/certificates.ts), as another
  // process would: the label register looks at the audit log at every check instead of every 2 s.
  const app = await buildApp({ config, database, labelFreshnessMs: opts.labelFreshnessMs ?? 0, ...(opts.clock ? { clock: opts.clock } : {}) });
  await app.ready();
  return {
    app,
    database,
    config,
    async client(email?: string, password: string = DEMO_PASSWORD) {
      const c = new Client(app);
      if (email) await c.login(email, password);
      return c;
    },
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
