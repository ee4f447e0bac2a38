import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../server/config.js';
import { lineOut, type CliIo } from './context.js';

/**
 * What the web app's build reads: the app, the portal's map script, the contracts and domain rules
 * the app imports, the build's configuration, and the lock file (a new library version changes the
 * output). A change anywhere else (the server, the tests) leaves the built app as it is.
 */
const WEB_BUILD_INPUTS = [
  'src/web',
  'src/portal-map',
  'src/contracts',
  'src/domain',
  'vite.config.ts',
  'postcss.config.cjs',
  'tsconfig.json',
  'package-lock.json',
];
/** Kept beside the build, so deleting dist/ also forces a build; never served (a dot file). */
const FINGERPRINT_FILE = 'dist/web/.build-fingerprint';
const MANIFEST_FILE = 'dist/web/.vite/manifest.json';

function filesUnder(root: string, relative: string): string[] {
  const full = path.join(root, relative);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [relative];
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** A SHA-256 over the path and content of every file the build reads. */
export function webBuildFingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const file of WEB_BUILD_INPUTS.flatMap((input) => filesUnder(root, input)).sort()) {
    hash
      .update(file.split(path.sep).join('/'))
      .update('\0')
      .update(fs.readFileSync(path.join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** Whether dist/web holds a build of the sources as they are now. */
export function webBuildIsCurrent(root: string, fingerprint = webBuildFingerprint(root)): boolean {
  const stamp = path.join(root, FINGERPRINT_FILE);
  return fs.existsSync(stamp) && fs.existsSync(path.join(root, MANIFEST_FILE)) && fs.readFileSync(stamp, 'utf8').trim() === fingerprint;
}

export function recordWebBuild(root: string, fingerprint: string): void {
  fs.writeFileSync(path.join(root, FINGERPRINT_FILE), `${fingerprint}\n`);
}

/**
 * `ocop build [--if-changed]`: builds the web app into dist/web. `npm start` runs it with
 * `--if-changed`, so an unchanged app is not rebuilt on every start (about 10 s saved).
 */
export async function buildCommand(opts: { ifChanged?: boolean }, io: CliIo, root = PACKAGE_ROOT): Promise<void> {
  const log = lineOut(io);
  const fingerprint = webBuildFingerprint(root);
  if (opts.ifChanged && webBuildIsCurrent(root, fingerprint)) {
    log('Ứng dụng web đã được dựng, không đổi từ lần trước. / The web app is built and unchanged.');
    return;
  }
  log(opts.ifChanged ? 'Mã nguồn web đã đổi: đang dựng lại… / The web sources changed: rebuilding…' : 'Đang dựng ứng dụng web… / Building the web app…');
  const started = Date.now();
  const vite = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  vite.stdout.on('data', (chunk: Buffer) => io.out(chunk));
  vite.stderr.on('data', (chunk: Buffer) => io.err(chunk.toString()));
  const status = await new Promise<number | null>((resolve, reject) => {
    vite.once('error', reject);
    vite.once('exit', resolve);
  });
  if (status !== 0) throw new Error(`Dựng ứng dụng web thất bại / the web build failed (vite exited with ${status})`);
  recordWebBuild(root, fingerprint);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(`Đã dựng xong sau ${seconds} giây. / Built in ${seconds} s.`);
}
