/**
 * The uploaded-files folder fills up. Uploads then fail with a clear answer (507 storage_full, in
 * Vietnamese and English) and leave nothing behind — no record without its file, no partial file —
 * while the rest of the platform keeps working, and uploads work again once space is freed, without
 * a restart. The files folder is a 1 MB tmpfs mounted for the purpose (root only; skipped otherwise).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { sql } from 'drizzle-orm';
import { Client, formWith } from './support/client.js';
import type { Context } from './support/context.js';
import { count, withDataFolder } from './support/databases.js';
import { DEMO, DEMO_PASSWORD } from './support/evaluation.js';
import type { Scenario } from './support/report.js';
import { ServerProcess } from './support/server.js';

const PAPER_BYTES = 200 * 1024;

/** A PDF of the given size (a header, a comment as padding, the trailer): what the upload accepts as a PDF. */
function pdfOf(bytes: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n%');
  const tail = Buffer.from('\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(bytes - head.length - tail.length, 'x'), tail]);
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

export async function diskFull(ctx: Context, s: Scenario): Promise<void> {
  const dataDir = await ctx.pgliteDataDir('disk');
  const files = path.join(dataDir, 'files');
  fs.mkdirSync(files, { recursive: true });
  if (fs.readdirSync(files).length) throw new Error(`${files} is not empty`);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', files], { stdio: 'pipe' });
  } catch (err) {
    s.skip(`mounting a 1 MB tmpfs needs root (${(err as Error).message.split('\n')[0]})`);
    return;
  }
  const server = await ServerProcess.start({ dataDir, logFile: ctx.logFile('disk') }).catch(async (err: unknown) => {
    execFileSync('umount', [files]);
    throw err;
  });
  try {
    const admin = await new Client(server.baseUrl).login(DEMO.admin, DEMO_PASSWORD);
    const subjectId = (await admin.get('/subjects?q=quyt%20hong')).items[0].id as string;
    const productId = (await admin.get(`/products?subjectId=${subjectId}`)).items[0].id as string;
    const upload = (i: number, lang = 'vi') =>
      admin.request(
        'POST',
        `/api/v1/subjects/${subjectId}/documents`,
        formWith({ type: 'business_registration', title: `Giấy đăng ký ${i}`, validUntil: '2035-12-31' }, { name: `giay-${i}.pdf`, data: pdfOf(PAPER_BYTES) }),
        { headers: { 'accept-language': lang } },
      );

    const accepted: string[] = [];
    let refused: { status: number; body: any } | undefined;
    for (let i = 1; i <= 20 && !refused; i++) {
      const res = await upload(i);
      if (res.status === 201) accepted.push(res.body.id);
      else refused = res;
    }
    if (!s.check(!!refused, 'twenty 200 kB uploads fitted in 1 MB')) return;
    s.check(refused!.status === 507, `a full disk answered ${refused!.status}, expected 507`);
    s.check(
      refused!.body?.error?.code === 'storage_full' && /hết dung lượng/.test(refused!.body?.error?.message ?? ''),
      `the answer was not storage_full in Vietnamese: ${JSON.stringify(refused!.body)}`,
    );
    const english = await upload(99, 'en');
    s.check(english.status === 507 && /out of storage space/.test(english.body?.error?.message ?? ''), `the English answer: ${JSON.stringify(english.body)}`);
    s.fact(
      `${accepted.length} papers of 200 kB stored, the next answered ${refused!.status} ${refused!.body?.error?.code}: "${refused!.body?.error?.message}"`,
    );

    // A photo: the image and its thumbnail are two files; neither may stay when one cannot be written.
    const photosBefore = ((await admin.get(`/products/${productId}`)).photos as unknown[]).length;
    const photo = await sharp({
      create: { width: 900, height: 900, channels: 3, background: { r: 128, g: 128, b: 128 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } },
    })
      .jpeg({ quality: 90 })
      .toBuffer();
    const photoRes = await admin.request('POST', `/api/v1/products/${productId}/photos`, formWith({}, { name: 'anh.jpg', data: photo, type: 'image/jpeg' }));
    s.check(photoRes.status === 507, `a photo on a full disk answered ${photoRes.status}`);
    const photosAfter = ((await admin.get(`/products/${productId}`)).photos as unknown[]).length;
    s.check(photosAfter === photosBefore, `the product has ${photosAfter} photos after a refused upload, had ${photosBefore}`);

    const listed = (await admin.get(`/subjects/${subjectId}/documents`)) as { id: string }[];
    const onDisk = filesUnder(files);
    s.check(listed.length === accepted.length, `${listed.length} papers listed for ${accepted.length} accepted`);
    s.check(
      onDisk.length === accepted.length,
      `${onDisk.length} files on the disk for ${accepted.length} accepted papers: ${onDisk.map((f) => path.basename(f)).join(', ')}`,
    );
    for (const id of accepted) {
      const file = await admin.request('GET', `/api/v1/documents/${id}/file`);
      s.check(
        file.status === 200 && String(file.body).length === PAPER_BYTES,
        `stored paper ${id} reads back ${file.status}, ${String(file.body).length} bytes`,
      );
    }
    s.check((await server.health()) === 200, 'the server does not answer its health check on a full disk');
    const write = await admin.request('POST', '/api/v1/subjects', { name: 'Hợp tác xã Đĩa đầy', legalForm: 'HTX', communeCode: '30226' });
    s.check(write.status === 201, `a write without a file answered ${write.status} on a full disk`);

    const removed = await admin.request('DELETE', `/api/v1/subjects/${subjectId}/documents/${accepted[0]}`);
    s.check(removed.status === 200, `removing a paper answered ${removed.status}`);
    const afterFree = await upload(100);
    s.check(afterFree.status === 201, `an upload after space was freed answered ${afterFree.status}`);
    s.fact(
      `photo refused ${photoRes.status} with no photo recorded; ${listed.length} records and ${onDisk.length} files, no partial file; ` +
        `health and writes without files unaffected; after one paper was removed the next upload was stored (${afterFree.status}), no restart`,
    );
    await server.stop();

    await withDataFolder(dataDir, async (q) => {
      const rows = await q<{ storage_key: string }>(sql`select storage_key from documents where subject_id = ${subjectId}`);
      const missing = rows.filter((r) => !fs.existsSync(path.join(files, r.storage_key)));
      const photoRows = await count(q, sql`select count(*)::int as n from product_photos where product_id = ${productId}`);
      s.check(missing.length === 0, `${missing.length} paper records whose file is missing`);
      s.check(photoRows === photosBefore, `${photoRows} photo records after the refused photo`);
      s.check(filesUnder(files).length === rows.length, `${filesUnder(files).length} files for ${rows.length} paper records`);
      s.fact(`database: ${rows.length} paper records, each with its file; no orphan record, no orphan file`);
    });
  } finally {
    await server.kill();
    execFileSync('umount', [files]);
  }
}
