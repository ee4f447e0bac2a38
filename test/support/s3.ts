import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { PACKAGE_ROOT, type S3StorageConfig } from '../../src/server/config.js';

/**
 * A real S3-compatible server (s3rver) on a free port of the loopback, storing in a temporary
 * folder, for the tests of object storage. It runs in a child process started with
 * `--openssl-legacy-provider`: s3rver encrypts ListObjectsV2 continuation tokens with DES, which
 * OpenSSL 3 keeps only in its legacy provider. The child exits with the test process (its standard
 * input closes).
 */
export type S3TestServer = {
  endpoint: string;
  bucket: string;
  /** The credentials s3rver accepts (its built-in account). */
  accessKeyId: string;
  secretAccessKey: string;
  /** `s3://bucket[/prefix]?endpoint=…&forcePathStyle=true`, credentials left to the environment. */
  storageUrl(prefix?: string): string;
  /** The environment a configuration with STORAGE_URL reads (the URL and the AWS variables). */
  env(prefix?: string): Record<string, string>;
  config(prefix?: string): S3StorageConfig;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
};

const CHILD = `
const S3rver = require('s3rver');
const [directory, bucket] = process.argv.slice(1);
const server = new S3rver({ port: 0, address: '127.0.0.1', directory, silent: true, configureBuckets: [{ name: bucket }] });
server.run().then(({ port }) => process.stdout.write(JSON.stringify({ port }) + '\\n'), (err) => { console.error(err); process.exit(1); });
process.stdin.resume();
process.stdin.on('end', () => server.close().finally(() => process.exit(0)));
`;

export async function startS3Server(bucket = 'ocop-test'): Promise<S3TestServer> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-s3-'));
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', CHILD, directory, bucket], {
    cwd: PACKAGE_ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`s3rver exited (${code}) before listening`)));
    setTimeout(() => reject(new Error('s3rver did not start within 20 s')), 20_000).unref();
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const accessKeyId = 'S3RVER';
  const secretAccessKey = 'S3RVER';
  const storageUrl = (prefix = '') =>
    `s3://${bucket}${prefix ? `/${prefix}` : ''}?endpoint=${encodeURIComponent(endpoint)}&forcePathStyle=true&region=us-east-1`;
  return {
    endpoint,
    bucket,
    accessKeyId,
    secretAccessKey,
    storageUrl,
    env: (prefix) => ({ STORAGE_URL: storageUrl(prefix), AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey }),
    config: (prefix = '') => ({
      kind: 's3',
      bucket,
      prefix: prefix ? `${prefix}/` : '',
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId, secretAccessKey },
    }),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin!.end();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
