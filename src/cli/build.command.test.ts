import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SERVER_BUILD, WEB_BUILD, buildFingerprint, buildIsCurrent, recordBuild, type Build } from '../../bin/builds.js';
import { PACKAGE_ROOT } from '../server/config.js';
import { buildCommand } from './build.command.js';

const isCurrent = (root: string, build: Build) => buildIsCurrent(root, build);
const record = (root: string, build: Build) => recordBuild(root, build, buildFingerprint(root, build));

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
  write('dist/server/main.js', 'export {};');
  return { root, write };
}

describe('ocop build --if-changed', () => {
  let root: string;
  let write: (file: string, text: string) => void;
  beforeEach(() => ({ root, write } = packageRoot()));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('knows a build of the current sources, and sees a change to what the build reads', () => {
    expect(isCurrent(root, WEB_BUILD)).toBe(false);
    record(root, WEB_BUILD);
    expect(isCurrent(root, WEB_BUILD)).toBe(true);

    // The server and the tests are not part of the web app.
    write('src/server/app.ts', 'export const server = 2;');
    write('src/web/main.test.tsx', 'export const test = 1;');
    expect(isCurrent(root, WEB_BUILD)).toBe(true);

    write('src/domain/rules.ts', 'export const rule = 2;');
    expect(isCurrent(root, WEB_BUILD)).toBe(false);
    record(root, WEB_BUILD);
    write('src/web/new-page.tsx', 'export const page = 1;');
    expect(isCurrent(root, WEB_BUILD)).toBe(false);
    record(root, WEB_BUILD);
    write('package-lock.json', '{"lockfileVersion":3}');
    expect(isCurrent(root, WEB_BUILD)).toBe(false);
  });

  it('the server build follows the server, the domain and the contracts, not the web app or the tests', () => {
    record(root, SERVER_BUILD);
    expect(isCurrent(root, SERVER_BUILD)).toBe(true);
    write('src/web/main.tsx', 'export const app = 2;');
    write('src/server/app.test.ts', 'export const test = 1;');
    expect(isCurrent(root, SERVER_BUILD)).toBe(true);
    write('src/server/app.ts', 'export const server = 2;');
    expect(isCurrent(root, SERVER_BUILD)).toBe(false);
    record(root, SERVER_BUILD);
    write('src/domain/rules.ts', 'export const rule = 2;');
    expect(isCurrent(root, SERVER_BUILD)).toBe(false);
  });

  it('a build without its product (deleted, or cut short) is not current', () => {
    record(root, WEB_BUILD);
    record(root, SERVER_BUILD);
    fs.rmSync(path.join(root, 'dist/web/.vite'), { recursive: true });
    fs.rmSync(path.join(root, 'dist/server/main.js'));
    expect(isCurrent(root, WEB_BUILD)).toBe(false);
    expect(isCurrent(root, SERVER_BUILD)).toBe(false);
  });

  it('does not build an unchanged app, and says so', async () => {
    record(root, WEB_BUILD);
    record(root, SERVER_BUILD);
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
    expect(out.join('')).toContain('The server is built and unchanged');
    write('src/web/main.tsx', 'export const app = 2;');
    await expect(buildCommand({ ifChanged: true }, io, root)).rejects.toThrow(/web build failed/);
  });
});

describe('bin/ocop.js', () => {
  /** A package with the real launcher and two stand-in command lines that say which one ran. */
  function launcherRoot() {
    const { root, write } = packageRoot();
    fs.cpSync(path.join(PACKAGE_ROOT, 'bin'), path.join(root, 'bin'), { recursive: true });
    fs.symlinkSync(path.join(PACKAGE_ROOT, 'node_modules'), path.join(root, 'node_modules'));
    write('package.json', '{ "type": "module" }');
    write('src/cli/main.ts', "export async function run(args: string[]): Promise<number> { console.log('sources', args.join(' ')); return 0; }");
    write('dist/server/main.js', "export async function run(args) { console.log('compiled', args.join(' ')); return 0; }");
    const launch = (env: Record<string, string> = {}) =>
      execFileSync(process.execPath, [path.join(root, 'bin/ocop.js'), 'serve'], { env: { ...process.env, ...env }, encoding: 'utf8' }).trim();
    return { root, write, launch };
  }

  it('runs the compiled server only while it is a build of the sources as they are', () => {
    const { root, write, launch } = launcherRoot();
    try {
      expect(launch()).toBe('sources serve');
      record(root, SERVER_BUILD);
      expect(launch()).toBe('compiled serve');
      expect(launch({ OCOP_FROM_SOURCES: '1' })).toBe('sources serve');
      write('src/server/app.ts', 'export const server = 3;');
      expect(launch()).toBe('sources serve');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
