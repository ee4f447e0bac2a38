/**
 * A steady stream of registry writes as the office makes them: producers created in one commune,
 * a product for every third. Each answer is recorded, so a check can later ask the database for
 * exactly what the server confirmed.
 */
import { Client } from './client.js';

/** A write the server confirmed: when it was sent and when its 201 came back. */
export type Confirmed = { kind: 'subject' | 'product'; id: string; sentAt: number; at: number };

/** Communes of the demo province that hold no demo producer, for writes that a check can count alone. */
export async function spareCommunes(admin: Client, province = '82'): Promise<string[]> {
  const communes = (await admin.get(`/provinces/${province}/communes`)) as { code: string }[];
  const used = new Set<string>();
  for (let page = 1; ; page++) {
    const list = await admin.get(`/subjects?pageSize=200&page=${page}`);
    for (const s of list.items as { communeCode: string }[]) used.add(s.communeCode);
    if (page * 200 >= list.total) break;
  }
  return communes.map((c) => c.code).filter((c) => !used.has(c));
}

export class Writers {
  readonly confirmed: Confirmed[] = [];
  /** Answers other than 201, by status (0: no answer — connection refused or cut). */
  readonly refused = new Map<number, number>();
  attempts = 0;
  private running = false;
  private loops: Promise<void>[] = [];
  private n = 0;

  constructor(
    private readonly client: Client,
    readonly communeCode: string,
    readonly label: string,
    private readonly concurrency: number,
    /** Stop a loop at the first request without an answer (the server was killed). */
    private readonly stopOnNetworkError = true,
  ) {}

  start(): void {
    this.running = true;
    this.loops = Array.from({ length: this.concurrency }, () => this.loop());
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  get subjects(): Confirmed[] {
    return this.confirmed.filter((c) => c.kind === 'subject');
  }

  get products(): Confirmed[] {
    return this.confirmed.filter((c) => c.kind === 'product');
  }

  confirmedBefore(at: number): Confirmed[] {
    return this.confirmed.filter((c) => c.at <= at);
  }

  private note(status: number) {
    this.refused.set(status, (this.refused.get(status) ?? 0) + 1);
  }

  private async write(kind: Confirmed['kind'], path: string, body: unknown): Promise<string | null> {
    this.attempts++;
    const sentAt = Date.now();
    try {
      const res = await this.client.request('POST', `/api/v1${path}`, body, { timeoutMs: 30_000 });
      if (res.status === 201) {
        const id = (res.body as { id: string }).id;
        this.confirmed.push({ kind, id, sentAt, at: Date.now() });
        return id;
      }
      this.note(res.status);
      return null;
    } catch {
      this.note(0);
      if (this.stopOnNetworkError) this.running = false;
      return null;
    }
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const n = ++this.n;
      const subjectId = await this.write('subject', '/subjects', { name: `Hợp tác xã ${this.label} ${n}`, legalForm: 'HTX', communeCode: this.communeCode });
      if (!subjectId || n % 3 !== 0 || !this.running) continue;
      await this.write('product', '/products', { subjectId, name: `Sản phẩm ${this.label} ${n}`, criteriaSetNumber: 1 });
    }
  }
}
