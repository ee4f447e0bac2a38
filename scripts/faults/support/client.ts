/**
 * An API client over real HTTP, as the web app is one: the session cookie, the CSRF token for
 * state-changing requests, and the user's own address (X-Forwarded-For, which the server trusts from
 * the runner standing as its proxy), so the per-address rate limits see separate users.
 */
let nextAddress = 1;
/** A distinct private address per simulated user (10.0.0.1, 10.0.0.2, …). */
export function newAddress(): string {
  const n = nextAddress++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export type Response = { status: number; body: any; ms: number };

export class HttpError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly res: Response,
  ) {
    super(`${method} ${path} → ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  }
}

export class Client {
  cookie: string | undefined;
  csrf: string | undefined;

  constructor(
    readonly baseUrl: string,
    readonly address: string = newAddress(),
  ) {}

  /** Sends a request; a network failure (server killed, connection refused) rejects, any HTTP status resolves. */
  async request(method: string, path: string, body?: unknown, opts: { timeoutMs?: number; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { 'x-forwarded-for': this.address, 'accept-language': 'vi', ...opts.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const started = performance.now();
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload, signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000) });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('ocop_session='));
    if (setCookie) {
      const value = setCookie.split(';')[0]!;
      this.cookie = value === 'ocop_session=' ? undefined : value;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // HTML pages (the verification page) and files stay text.
    }
    return { status: res.status, body: parsed, ms: performance.now() - started };
  }

  /** As request, but anything other than the expected status throws with the answer. */
  async expect(status: number, method: string, path: string, body?: unknown): Promise<any> {
    const res = await this.request(method, path, body);
    if (res.status !== status) throw new HttpError(method, path, res);
    return res.body;
  }

  /** Any 2xx answer's body, or throws with the answer. */
  async ok(method: string, path: string, body?: unknown): Promise<any> {
    const res = await this.request(method, `/api/v1${path}`, body);
    if (res.status < 200 || res.status > 299) throw new HttpError(method, path, res);
    return res.body;
  }

  get = (path: string) => this.expect(200, 'GET', `/api/v1${path}`);
  post = (path: string, body: unknown = {}, status = 200) => this.expect(status, 'POST', `/api/v1${path}`, body);
  put = (path: string, body: unknown, status = 200) => this.expect(status, 'PUT', `/api/v1${path}`, body);

  async login(email: string, password: string): Promise<this> {
    const body = await this.post('/auth/login', { email, password });
    this.csrf = body.csrfToken;
    return this;
  }
}

export async function signedIn(baseUrl: string, email: string, password: string): Promise<Client> {
  return new Client(baseUrl).login(email, password);
}

/** A multipart body: text fields, then one file. */
export function formWith(fields: Record<string, string>, file: { field?: string; name: string; data: Buffer; type?: string }): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append(file.field ?? 'file', new Blob([new Uint8Array(file.data)], { type: file.type ?? 'application/octet-stream' }), file.name);
  return form;
}
