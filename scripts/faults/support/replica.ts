/**
 * A PostgreSQL primary and its streaming replica, made for one scenario: `initdb` a new cluster on a
 * free port, `pg_basebackup -R` a standby from it, start both, and stop and delete them afterwards.
 * They are new clusters beside the machine's own server (whose access rules need not allow
 * replication connections), run as the `postgres` system user with the server binaries the
 * machine's packages installed.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort, sleep } from './server.js';

const run = promisify(execFile);

/** The newest installed server's binaries (Debian's layout), or null. */
function serverBinaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin/pg_basebackup')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0]!, 'bin') : null;
}

/** Why a replica cannot be made here, or null when it can. */
export function replicaUnavailable(): string | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'making a replica needs root (to run the server as the postgres user)';
  if (!serverBinaries()) return 'no PostgreSQL server binaries (initdb, pg_basebackup) are installed';
  return null;
}

export class StreamingReplica {
  private constructor(
    private readonly dir: string,
    private readonly bin: string,
    readonly primaryPort: number,
    readonly replicaPort: number,
  ) {}

  urlOfPrimary = (database: string) => `postgres://postgres@127.0.0.1:${this.primaryPort}/${database}`;
  urlOfReplica = (database: string) => `postgres://postgres@127.0.0.1:${this.replicaPort}/${database}`;

  static async start(): Promise<StreamingReplica> {
    const bin = serverBinaries()!;
    // Its own folder under the system's temporary folder: the postgres user must be able to reach it.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-replica-'));
    const replica = new StreamingReplica(dir, bin, await freePort(), await freePort());
    await run('chown', ['postgres:', dir]);
    const primary = path.join(dir, 'primary');
    await replica.asPostgres('initdb', ['-D', primary, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
    // initdb's trust rules cover replication connections from this machine; the settings below
    // are what a primary with one standby needs, and no more.
    fs.appendFileSync(
      path.join(primary, 'postgresql.conf'),
      [
        `port = ${replica.primaryPort}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        'wal_level = replica',
        'max_wal_senders = 4',
        'fsync = off',
        'shared_buffers = 32MB',
        '',
      ].join('\n'),
    );
    await replica.pgCtl(primary, 'start');
    const standby = path.join(dir, 'replica');
    await replica.asPostgres('pg_basebackup', ['-h', '127.0.0.1', '-p', String(replica.primaryPort), '-U', 'postgres', '-D', standby, '-R', '-X', 'stream']);
    fs.appendFileSync(path.join(standby, 'postgresql.conf'), `port = ${replica.replicaPort}\n`);
    await replica.pgCtl(standby, 'start');
    return replica;
  }

  private asPostgres(tool: string, args: string[]) {
    return run('runuser', ['-u', 'postgres', '--', path.join(this.bin, tool), ...args], { cwd: this.dir });
  }

  private pgCtl(dataDir: string, action: 'start' | 'stop') {
    const args = action === 'start' ? ['-D', dataDir, '-l', `${dataDir}.log`, '-w', 'start'] : ['-D', dataDir, '-m', 'immediate', '-w', 'stop'];
    return this.asPostgres('pg_ctl', args);
  }

  private async query(port: number, text: string, database = 'postgres') {
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/${database}`, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      return await client.query(text);
    } finally {
      await client.end();
    }
  }

  async createDatabase(name: string): Promise<void> {
    await this.query(this.primaryPort, `create database "${name}"`);
    await this.caughtUp();
  }

  /** Whether the standby is in recovery (a replica) and streaming from the primary. */
  async streaming(): Promise<boolean> {
    const standby = await this.query(this.replicaPort, 'select pg_is_in_recovery() as r');
    const senders = await this.query(this.primaryPort, "select count(*)::int as n from pg_stat_replication where state = 'streaming'");
    return standby.rows[0].r === true && senders.rows[0].n > 0;
  }

  /** Waits until the replica has replayed everything the primary wrote so far. */
  async caughtUp(timeoutMs = 30_000): Promise<void> {
    const target = (await this.query(this.primaryPort, 'select pg_current_wal_lsn()::text as lsn')).rows[0].lsn as string;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const behind = await this.query(this.replicaPort, `select pg_wal_lsn_diff('${target}', pg_last_wal_replay_lsn()) > 0 as behind`);
      if (behind.rows[0].behind === false) return;
      await sleep(100);
    }
    throw new Error(`The replica did not catch up with the primary within ${timeoutMs / 1000} s`);
  }

  /** Stops applying what the primary sends (it keeps receiving it), as a replica falling behind does. */
  pauseReplay = () => this.query(this.replicaPort, 'select pg_wal_replay_pause()');
  resumeReplay = () => this.query(this.replicaPort, 'select pg_wal_replay_resume()');

  /** Runs a query on the replica (read-only: a write there fails). */
  onReplica = (database: string, text: string) => this.query(this.replicaPort, text, database);

  async stop(): Promise<void> {
    for (const cluster of ['replica', 'primary']) {
      await this.pgCtl(path.join(this.dir, cluster), 'stop').catch(() => undefined);
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
