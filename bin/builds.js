// What each build reads and where it writes, and the fingerprint that tells whether a build is of the
// sources as they are now. Plain JavaScript: bin/ocop.js asks it which server to run before any
// TypeScript loader exists, and `ocop build` records it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Tests are not part of any build, so changing one never makes a build stale. */
const TEST_FILE = /\.test\.tsx?$/;

/**
 * The web app: the app, the portal's map script, the contracts and domain rules the app imports, the
 * build's configuration, and the lock file (a new library version changes the output).
 */
export const WEB_BUILD = {
  name: 'web',
  inputs: ['src/web', 'src/portal-map', 'src/contracts', 'src/domain', 'vite.config.ts', 'postcss.config.cjs', 'tsconfig.json', 'package-lock.json'],
  outDir: 'dist/web',
  /** Written last by Vite: a build without it was cut short. */
  product: '.vite/manifest.json',
};

/**
 * The server and the command line, compiled to JavaScript so that a running server carries no
 * TypeScript loader (tsx keeps esbuild as a second process and its hooks in a second V8 isolate:
 * about 85 MB). dist/server sits two folders below the package root, as src/server does, so
 * PACKAGE_ROOT comes out the same.
 */
export const SERVER_BUILD = {
  name: 'server',
  inputs: ['src/server', 'src/cli', 'src/contracts', 'src/domain', 'tsconfig.json', 'package-lock.json'],
  outDir: 'dist/server',
  product: 'main.js',
};

/** Kept beside the build, so deleting dist/ also forces a build; never served (a dot file). */
const FINGERPRINT_FILE = '.build-fingerprint';

function filesUnder(root, relative) {
  const full = path.join(root, relative);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [relative];
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !TEST_FILE.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** A SHA-256 over the path and content of every file the build reads. */
export function buildFingerprint(root, build) {
  const hash = createHash('sha256');
  for (const file of build.inputs.flatMap((input) => filesUnder(root, input)).sort()) {
    hash
      .update(file.split(path.sep).join('/'))
      .update('\0')
      .update(fs.readFileSync(path.join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** Whether the build's folder holds a complete build of the sources as they are now. */
export function buildIsCurrent(root, build, fingerprint = buildFingerprint(root, build)) {
  const stamp = path.join(root, build.outDir, FINGERPRINT_FILE);
  return fs.existsSync(stamp) && fs.existsSync(path.join(root, build.outDir, build.product)) && fs.readFileSync(stamp, 'utf8').trim() === fingerprint;
}

export function recordBuild(root, build, fingerprint) {
  fs.writeFileSync(path.join(root, build.outDir, FINGERPRINT_FILE), `${fingerprint}\n`);
}
