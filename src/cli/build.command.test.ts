import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCommand, recordWebBuild, webBuildFingerprint, webBuildIsCurrent } from './build.command.js';

/** A package root with the inputs of a web build and a built app, made in a temporary folder. */
function packageRoot() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-build-'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  write('src/web/main.tsx', 'export const app = 1;');
  write('src/domain/rules.ts', 'export const rule = 1;');
  write('src/server/app.ts', 'export const server = 1;');
  write('package-lock.json', '{}');
  write('dist/web/.vite/manifest.json', '{}');
  return { root, write };
}

describe('ocop build --if-changed', () => {
  let root: string;
  let write: (file: string, text: string) => void;
  beforeEach(() => ({ root, write } = packageRoot()));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('knows a build of the current sources, and sees a change to what the build reads', () => {
    expect(webBuildIsCurrent(root)).toBe(false);
    recordWebBuild(root, webBuildFingerprint(root));
    expect(webBuildIsCurrent(root)).toBe(true);

    // The server and the tests are not part of the web app.
    write('src/server/app.ts', 'export const server = 2;');
    expect(webBuildIsCurrent(root)).toBe(true);

    write('src/domain/rules.ts', 'export const rule = 2;');
    expect(webBuildIsCurrent(root)).toBe(false);
    recordWebBuild(root, webBuildFingerprint(root));
    write('src/web/new-page.tsx', 'export const page = 1;');
    expect(webBuildIsCurrent(root)).toBe(false);
    recordWebBuild(root, webBuildFingerprint(root));
    write('package-lock.json', '{"lockfileVersion":3}');
    expect(webBuildIsCurrent(root)).toBe(false);
  });

  it('a build without its manifest (deleted, or cut short) is not current', () => {
    recordWebBuild(root, webBuildFingerprint(root));
    fs.rmSync(path.join(root, 'dist/web/.vite'), { recursive: true });
    expect(webBuildIsCurrent(root)).toBe(false);
  });

  it('does not build an unchanged app, and says so', async () => {
    recordWebBuild(root, webBuildFingerprint(root));
    const out: string[] = [];
    const io = {
      env: {},
      out: (c: string | Uint8Array) => void out.push(String(c)),
      err: (c: string) => void out.push(c),
      isTTY: false,
      stdin: (async function* () {})(),
    };
    // The temporary root has no vite: reaching the build would fail the command.
    await buildCommand({ ifChanged: true }, io, root);
    expect(out.join('')).toContain('The web app is built and unchanged');
    write('src/web/main.tsx', 'export const app = 2;');
    await expect(buildCommand({ ifChanged: true }, io, root)).rejects.toThrow(/web build failed/);
  });
});
