/**
 * A small closed-loop load generator: N connections (keep-alive), each sending one request after
 * another for a fixed time, the kind drawn by weight. Records each answer's status and latency per
 * kind. Plain node:http, so the generator itself costs little of the shared cores.
 */
import http from 'node:http';

export type Request = { method: string; path: string; headers?: Record<string, string>; body?: unknown };
export type Kind = { name: string; weight: number; next: () => Request };
export type KindStats = { name: string; latencies: number[]; statuses: Map<number, number>; failures: string[] };

export const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);

function send(agent: http.Agent, base: URL, r: Request): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = r.body === undefined ? undefined : Buffer.from(JSON.stringify(r.body));
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        method: r.method,
        path: r.path,
        agent,
        timeout: 30_000,
        headers: { ...r.headers, ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}) },
      },
      (res) => {
        res.resume(); // read to the end so the connection is reused
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout after 30 s')));
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs `connections` loops for `seconds`. */
export async function drive(baseUrl: string, kinds: Kind[], connections: number, seconds: number): Promise<Map<string, KindStats>> {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const stats = new Map(kinds.map((k) => [k.name, { name: k.name, latencies: [] as number[], statuses: new Map<number, number>(), failures: [] as string[] }]));
  const total = kinds.reduce((n, k) => n + k.weight, 0);
  const draw = () => {
    let x = Math.random() * total;
    for (const k of kinds) if ((x -= k.weight) < 0) return k;
    return kinds.at(-1)!;
  };
  const deadline = performance.now() + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const kind = draw();
      const s = stats.get(kind.name)!;
      const started = performance.now();
      try {
        const status = await send(agent, base, kind.next());
        s.latencies.push(performance.now() - started);
        s.statuses.set(status, (s.statuses.get(status) ?? 0) + 1);
      } catch (err) {
        s.statuses.set(0, (s.statuses.get(0) ?? 0) + 1);
        if (s.failures.length < 5) s.failures.push((err as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  agent.destroy();
  return stats;
}
