import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { SERVER_BUILD, WEB_BUILD, buildFingerprint, buildIsCurrent, recordBuild, type Build } from '../../bin/builds.js';
import { PACKAGE_ROOT } from '../server/config.js';
import { lineOut, type CliIo } from './context.js';

/** The web app with Vite, in its own process (as `vite build` would run). */
async function buildWeb(root: string, io: CliIo): Promise<void> {
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
}

/**
 * The command line and server as ES modules for Node 20. Libraries stay in node_modules (not bundled);
 * code splitting keeps each command's and each report's modules apart, so a server loads the Word,
 * Excel and PDF code only when it first writes one.
 */
async function buildServer(root: string): Promise<void> {
  // Chunks are named by content: an earlier build's would stay beside the new ones.
  fs.rmSync(path.join(root, SERVER_BUILD.outDir), { recursive: true, force: true });
  try {
    await esbuild({
      absWorkingDir: root,
      entryPoints: { main: 'src/cli/main.ts' },
      outdir: SERVER_BUILD.outDir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      sourcemap: 'linked',
      logLevel: 'silent',
    });
  } catch (error) {
    throw new Error(`Dựng máy chủ thất bại / the server build failed: ${(error as Error).message}`);
  }
}

const STEPS: { build: Build; vi: string; en: string; run: (root: string, io: CliIo) => Promise<void> }[] = [
  { build: WEB_BUILD, vi: 'ứng dụng web', en: 'web app', run: buildWeb },
  { build: SERVER_BUILD, vi: 'máy chủ', en: 'server', run: (root) => buildServer(root) },
];

/**
 * `ocop build [--if-changed]`: builds the web app into dist/web and the server into dist/server.
 * `npm start` runs it with `--if-changed`, so a build whose sources did not change is not redone
 * (the web app takes about 10 s).
 */
export async function buildCommand(opts: { ifChanged?: boolean }, io: CliIo, root = PACKAGE_ROOT): Promise<void> {
  const log = lineOut(io);
  for (const step of STEPS) {
    const fingerprint = buildFingerprint(root, step.build);
    if (opts.ifChanged && buildIsCurrent(root, step.build, fingerprint)) {
      log(`Đã dựng ${step.vi}, không đổi từ lần trước. / The ${step.en} is built and unchanged.`);
      continue;
    }
    log(`Đang dựng ${step.vi}… / Building the ${step.en}…`);
    const started = Date.now();
    await step.run(root, io);
    recordBuild(root, step.build, fingerprint);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(`Đã dựng xong sau ${seconds} giây. / Built in ${seconds} s.`);
  }
}
