import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { DEMO, createTestApp, type Client, type TestApp } from '../../../test/support/app.js';
import { multipart, multipartFiles } from '../../../test/support/multipart.js';

// Hostile files and injection (ASVS V5, V12): what an attacker uploads or types is refused, stored
// inertly, or shown as text — never run, never escaping the data folder, never a 500. Size limits,
// zip bombs, formula cells and CSV defusing have their own tests beside the code (products,
// imports, table-export); this file adds the cases those do not cover.

let t: TestApp;
let producer: Client;
let admin: Client;
let assessmentId: string;
let productId: string;

beforeAll(async () => {
  t = await createTestApp();
  producer = await t.client(DEMO.producer);
  admin = await t.client(DEMO.admin);
  productId = (await producer.get('/api/v1/products?q=hat%20sen%20say')).body.items[0].id;
  assessmentId = (await producer.post(`/api/v1/products/${productId}/self-assessments`, {})).body.id;
});
afterAll(() => t.close());

const SVG_WITH_SCRIPT = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script></svg>');
const HTML_AS_PDF = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');

const uploadEvidence = (name: string, data: Buffer) => {
  const body = multipart({ criterionCode: '1.5' }, { name, data });
  return producer.request('POST', `/api/v1/self-assessments/${assessmentId}/evidence`, body.payload, { headers: body.headers });
};
const uploadPhoto = (name: string, data: Buffer, contentType = 'image/svg+xml') => {
  const body = multipart({}, { name, data, contentType });
  return producer.request('POST', `/api/v1/products/${productId}/photos`, body.payload, { headers: body.headers });
};

/** Every file under the data folder, so a test can see that nothing landed outside its own tree. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).flatMap((d) => (d.isFile() ? [path.join(d.parentPath, d.name)] : []));
}

describe('hostile uploads', () => {
  it('refuses an SVG with scripts as a photo or as evidence, whatever it is called', async () => {
    for (const name of ['logo.svg', 'anh.png', 'anh.jpg']) {
      const photo = await uploadPhoto(name, SVG_WITH_SCRIPT);
      expect(photo.status, name).toBe(400);
    }
    for (const name of ['so-do.svg', 'giay-phep.pdf']) {
      const evidence = await uploadEvidence(name, SVG_WITH_SCRIPT);
      expect(evidence.status, name).toBe(400);
      expect(evidence.body.error.code).toBe('unsupported_document');
    }
  });

  it('refuses HTML behind a .pdf name (checked by magic bytes)', async () => {
    const res = await uploadEvidence('hop-dong.pdf', HTML_AS_PDF);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('unsupported_document');
  });

  it('stores a file named with path traversal and header-breaking characters inside the data folder, and serves it with a safe name', async () => {
    const before = new Set(filesUnder(t.config.dataDir));
    const name = '../../../../etc/passwd\r\nSet-Cookie: x=1;.pdf';
    const res = await uploadEvidence(name, Buffer.from('%PDF-1.4\n%hostile\n'));
    expect(res.status).toBe(201);
    const stored = res.body.evidence.find((e: { kind: string; filename: string }) => e.kind === 'file');
    const added = filesUnder(t.config.dataDir).filter((f) => !before.has(f));
    expect(added.length).toBeGreaterThan(0);
    for (const f of added) {
      expect(path.resolve(f).startsWith(path.resolve(t.config.dataDir) + path.sep)).toBe(true);
      expect(path.basename(f)).not.toContain('passwd');
    }
    const download = await producer.get(stored.url);
    expect(download.status).toBe(200);
    const disposition = String(download.headers['content-disposition']);
    expect(disposition).not.toMatch(/[\r\n]/);
    expect(download.headers['set-cookie']).toBeUndefined();
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses an XLSX whose XML declares entities (billion laughs) without expanding them', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">' +
      '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">' +
      '<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">' +
      '<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>';
    const workbook = zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
      'xl/workbook.xml': strToU8(
        `${laughs}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="&lol9;" sheetId="1"/></sheets></workbook>`,
      ),
    });
    const started = Date.now();
    const body = multipartFiles([{ name: 'cuoi.xlsx', data: Buffer.from(workbook) }]);
    const res = await admin.request('POST', '/api/v1/imports', body.payload, { headers: body.headers });
    expect(res.status).toBeLessThan(500);
    // Either refused at once, or read as a job that ends invalid; the entities are never expanded.
    let job = res.body;
    for (let i = 0; i < 50 && job.status && !['invalid', 'ready', 'failed', 'committed'].includes(job.status); i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await admin.get(`/api/v1/imports/${job.id}`)).body;
    }
    expect(JSON.stringify(job)).not.toContain('lollollol');
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(process.memoryUsage().rss).toBeLessThan(2_000_000_000);
  });
});

describe('injection through search and filters', () => {
  it('treats SQL and LIKE metacharacters as text: no error, no widened result', async () => {
    const probes = ["' OR 1=1 --", '%', '_', '\\', "'; drop table products; --", '%%%%', '\\%', '"', ')', "x' union select * from users --", '* ', '(((', 'ʼ'];
    for (const q of probes) {
      const res = await producer.get(`/api/v1/products?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(res.body.items.length, q).toBe(0);
    }
    for (const code of ["29905' or '1'='1", '2990%']) {
      const res = await admin.get(`/api/v1/products?communeCode=${encodeURIComponent(code)}`);
      expect(res.status, code).toBe(400);
    }
    expect((await admin.get('/api/v1/products')).body.total).toBeGreaterThan(0);
  });

  it('refuses paging beyond sense instead of scanning or failing', async () => {
    for (const q of ['page=-1', 'page=0', 'pageSize=100000', 'page=1e309', 'pageSize=abc', 'page=99999999999999999999']) {
      const res = await admin.get(`/api/v1/products?${q}`);
      expect(res.status, q).toBe(400);
    }
  });

  it('keeps header injection out of responses', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'accept-language': 'vi\r\nX-Injected: 1' } });
    expect(res.headers['x-injected']).toBeUndefined();
  });
});

describe('stored text is returned as data', () => {
  it('keeps a script payload as inert text in JSON, served as JSON', async () => {
    const payload = '<img src=x onerror=alert(1)><script>alert(1)</script>';
    const current = (await producer.get(`/api/v1/products/${productId}`)).body;
    const res = await producer.put(`/api/v1/products/${productId}`, { name: current.name, criteriaSetNumber: current.criteriaSetNumber, description: payload });
    expect(res.status).toBe(200);
    const read = await producer.get(`/api/v1/products/${productId}`);
    expect(read.headers['content-type']).toMatch(/^application\/json/);
    expect(read.body.description).toBe(payload);
  });
});

describe('response headers and logs', () => {
  it('sends the security headers on API answers and pages', async () => {
    const common = (res: { headers: Record<string, unknown> }, url: string) => {
      expect(String(res.headers['content-security-policy']), url).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['cross-origin-resource-policy'], url).toBe('same-origin');
      expect(res.headers['x-powered-by'], url).toBeUndefined();
    };
    for (const url of ['/v/khong-co-ma-nay-1234', '/san-pham', '/dang-nhap', '/api/docs']) {
      const res = await t.app.inject({ method: 'GET', url });
      common(res, url);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("object-src 'none'");
      expect(res.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      // Only retired clients read these (IE8, Flash, the XSS auditor browsers removed): left off.
      for (const retired of ['x-xss-protection', 'x-download-options', 'x-permitted-cross-domain-policies']) expect(res.headers[retired], url).toBeUndefined();
    }
    // An API answer (JSON, a download, an uploaded file) loads nothing and runs nothing: the strictest policy.
    for (const url of ['/api/v1/health', '/api/v1/public/verify/khong-co-ma-nay-1234', '/api/v1/khong-co-duong-nay']) {
      const res = await t.app.inject({ method: 'GET', url });
      common(res, url);
      expect(String(res.headers['content-security-policy']).split(';'), url).toContain("default-src 'none'");
      expect(res.headers['x-frame-options'], url).toBe('DENY');
    }
  });

  it('never writes a password, a session token or a CSRF token to the log', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logged = await buildApp({ config: { ...t.config, logLevel: 'trace' }, database: t.database, logger: true, logStream: stream });
    try {
      const res = await logged.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: DEMO.admin, password: DEMO.password } });
      expect(res.statusCode).toBe(200);
      const token = res.cookies.find((c) => c.name === 'ocop_session')!.value;
      const csrf = res.json().csrfToken as string;
      await logged.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `ocop_session=${token}` } });
      const log = lines.join('');
      expect(log.length).toBeGreaterThan(0);
      for (const secret of [DEMO.password, token, csrf]) expect(log).not.toContain(secret);
    } finally {
      await logged.close();
    }
  });
});
