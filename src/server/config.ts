import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Root of the installed package: reference data (`data/criteria`, `data/admin-units`) and the built web
 * app live here. Two folders up both from this source (src/server) and from the compiled server's
 * modules (dist/server, see bin/builds.js).
 */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A tile URL template: http(s), a host that may start with a `{s}` subdomain, then a path. */
const TILE_TEMPLATE = /^https?:\/\/(\{s\}\.)?[A-Za-z0-9.-]+(:\d+)?\/\S*$/;

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * A streaming replica of DATABASE_URL for public read traffic (catalogue, label checks, open
   * data, the national dashboard); writes and signed-in pages stay on the primary (docs/deploy.md).
   */
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** The owner role's URL when the application connects as a least-privilege role: migrations run over it (docs/database-roles.md). */
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PROVINCE_CODE: z
    .string()
    .regex(/^\d{2}$/, 'must be a 2-digit province code (Decision 19/2025/QĐ-TTg)')
    .default('82'),
  ADMIN_EMAIL: z
    .string()
    .email()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ADMIN_PASSWORD: z
    .string()
    .min(10, 'must be at least 10 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Public origin, e.g. https://ocop.dongthap.gov.vn; https makes session cookies Secure. */
  PUBLIC_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * Which proxies in front of the server may set X-Forwarded-For/-Host/-Proto: a hop count (`1`)
   * or a comma-separated list of addresses and CIDR ranges (`127.0.0.1,10.0.0.0/8`, `loopback`).
   * Empty trusts no one, so a client cannot choose the address the rate limits and audit log see.
   */
  TRUST_PROXY: z
    .string()
    .default('')
    .refine((v) => !/^(true|\*)$/i.test(v.trim()), 'trusting every proxy lets any client forge its address: give a hop count or addresses'),
  /** Absolute session lifetime and the idle time that ends it sooner (ASVS 3.3.2 at level 2: 12 hours, 30 minutes). */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60 * 90)
    .default(30),
  /** Verification requests (page and JSON) per minute per client address; 0 turns the limit off (benchmarks). */
  VERIFY_RATE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(60),
  /** Whom the public portal tells to report a label that may be fake. */
  OFFICE_NAME: z.string().trim().min(1).max(300).default('Văn phòng Điều phối nông thôn mới tỉnh (cơ quan thường trực Chương trình OCOP)'),
  OFFICE_PHONE: z
    .string()
    .trim()
    .max(40)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * An optional background of map tiles for the public map (`https://tile.openstreetmap.org/{z}/{x}/{y}.png`);
   * without it the map draws the communes on a plain background and loads nothing from elsewhere.
   */
  MAP_TILE_URL: z
    .string()
    .trim()
    .max(500)
    .regex(TILE_TEMPLATE, 'must be an http(s) URL (its host may start with {s}.), e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png')
    .refine((v) => ['{z}', '{x}', '{y}'].every((p) => v.includes(p)), 'must contain {z}, {x} and {y}')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** The credit the tile provider's terms ask for, shown as text in the map's corner. */
  MAP_TILE_ATTRIBUTION: z.string().trim().max(300).default(''),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  UPLOAD_MAX_MB: z.coerce.number().positive().max(100).default(8),
  /** Workbook imports: largest file accepted, and most data rows over all files of one import. */
  IMPORT_MAX_MB: z.coerce.number().positive().max(500).default(20),
  IMPORT_MAX_ROWS: z.coerce.number().int().min(10).max(2_000_000).default(200_000),
  /** smtp://user:pass@host:587 — without it, e-mails wait in the outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().default('OCOP <no-reply@ocop.local>'),
  /**
   * Who runs the background work (sending the e-mail outbox, re-rating reminders, clearing expired
   * rate-limit counters): `inline`, each `ocop serve` process, as a single server does; `off`, no web
   * process — one or more `ocop worker` processes do it (several processes on PostgreSQL,
   * docs/multi-process.md). The worker runs it whatever this says.
   */
  BACKGROUND_WORK: z.enum(['inline', 'off']).default('inline'),
  /** How often the background work sends the e-mail outbox. */
  OUTBOX_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where the built web app is served from (a second build side by side, e.g. while reviewing a change). */
  WEB_DIST_DIR: z.string().optional(),
  /** Uploaded files in S3-compatible object storage (`s3://bucket?endpoint=…`) instead of DATA_DIR/files; parsed by parseStorageUrl. */
  STORAGE_URL: z.string().trim().default(''),
  NODE_ENV: z.string().default('production'),
});

export type AppConfig = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseOwnerUrl: string | undefined;
  databaseReadUrl: string | undefined;
  provinceCode: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  publicUrl: string | undefined;
  trustProxy: false | number | string[];
  secureCookies: boolean;
  sessionTtlHours: number;
  sessionIdleMinutes: number;
  verifyRateLimit: number;
  officeName: string;
  officePhone: string | undefined;
  /** The public map's optional tile layer (MAP_TILE_URL, MAP_TILE_ATTRIBUTION). */
  mapTiles: { url: string; attribution: string } | undefined;
  loginMaxFailures: number;
  loginLockMinutes: number;
  uploadMaxBytes: number;
  importMaxBytes: number;
  importMaxRows: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** `inline`: `ocop serve` runs the background work itself; `off`: it leaves it to `ocop worker` (BACKGROUND_WORK). */
  backgroundWork: 'inline' | 'off';
  outboxIntervalMs: number;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  webDistDir: string;
  referenceDataDir: string;
  /** Where uploaded files live: the data folder, or S3-compatible object storage (STORAGE_URL). */
  storage: StorageConfig;
};

/** An S3-compatible bucket (STORAGE_URL): objects are stored under `prefix` + their key. */
export type S3StorageConfig = {
  kind: 's3';
  bucket: string;
  /** Empty, or a path ending in `/` (`s3://bucket/ocop/` keeps the files under `ocop/`). */
  prefix: string;
  /** The server's origin for S3-compatible services (MinIO, Ceph, …); absent for AWS itself. */
  endpoint: string | undefined;
  region: string;
  forcePathStyle: boolean;
  /** From the URL or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY; absent: the AWS SDK's own chain (profiles, instance roles). */
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
};
export type StorageConfig = { kind: 'folder' } | S3StorageConfig;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ / Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment once, failing fast with every problem listed (not just the first). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const storage = parseStorageUrl(e.STORAGE_URL, env);
  if ('problems' in storage) throw new ConfigError(storage.problems.map((p) => `STORAGE_URL: ${p}`));
  // Links printed on certificates and sent by e-mail must not depend on request headers, so a
  // production server names its public origin (ASVS 5.1 / host header injection).
  if (env.NODE_ENV === 'production' && !e.PUBLIC_URL) {
    throw new ConfigError(['PUBLIC_URL: bắt buộc khi NODE_ENV=production / required when NODE_ENV=production (e.g. https://ocop.example.gov.vn)']);
  }
  // The embedded database is one process: no worker can open its folder beside the server, so nothing would send the outbox.
  if (e.BACKGROUND_WORK === 'off' && !e.DATABASE_URL) {
    throw new ConfigError([
      'BACKGROUND_WORK: "off" cần DATABASE_URL (PostgreSQL); CSDL nhúng chỉ cho một tiến trình nên không chạy được `ocop worker` bên cạnh / ' +
        '"off" needs DATABASE_URL (PostgreSQL): the embedded database allows one process, so no `ocop worker` can run beside the server',
    ]);
  }
  if (e.DATABASE_READ_URL && !e.DATABASE_URL) {
    throw new ConfigError([
      'DATABASE_READ_URL: cần DATABASE_URL (bản sao chỉ đọc của máy chủ PostgreSQL chính) / needs DATABASE_URL (a read replica of the primary PostgreSQL server)',
    ]);
  }
  const config: AppConfig = {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseOwnerUrl: e.DATABASE_OWNER_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    provinceCode: e.PROVINCE_CODE,
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    secureCookies: e.PUBLIC_URL?.startsWith('https://') ?? false,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    verifyRateLimit: e.VERIFY_RATE_LIMIT,
    officeName: e.OFFICE_NAME,
    officePhone: e.OFFICE_PHONE,
    mapTiles: e.MAP_TILE_URL ? { url: e.MAP_TILE_URL, attribution: e.MAP_TILE_ATTRIBUTION } : undefined,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    importMaxBytes: Math.round(e.IMPORT_MAX_MB * 1024 * 1024),
    importMaxRows: e.IMPORT_MAX_ROWS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    backgroundWork: e.BACKGROUND_WORK,
    outboxIntervalMs: e.OUTBOX_INTERVAL_SECONDS * 1000,
    logLevel: e.LOG_LEVEL,
    webDistDir: e.WEB_DIST_DIR ? path.resolve(e.WEB_DIST_DIR) : path.join(PACKAGE_ROOT, 'dist/web'),
    referenceDataDir: path.join(PACKAGE_ROOT, 'data'),
    storage,
  };
  return { ...config, ...overrides };
}

const S3_PARAMS = new Set(['endpoint', 'region', 'forcePathStyle']);
/** S3's bucket naming rules: 3–63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * STORAGE_URL: empty for the data folder; `s3://[key:secret@]bucket[/prefix]?endpoint=http://host:9000&region=…&forcePathStyle=true`
 * for an S3-compatible bucket. Credentials in the URL are percent-encoded; without them
 * AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) are used when set. Every
 * problem is listed, in Vietnamese and English.
 */
export function parseStorageUrl(value: string, env: NodeJS.ProcessEnv = {}): StorageConfig | { problems: string[] } {
  if (!value) return { kind: 'folder' };
  const example = 's3://bucket?endpoint=http://127.0.0.1:9000&region=us-east-1&forcePathStyle=true';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problems: [`không phải địa chỉ hợp lệ, ví dụ ${example} / not a valid URL, e.g. ${example}`] };
  }
  if (url.protocol !== 's3:') return { problems: [`phải bắt đầu bằng s3:// / must start with s3:// (e.g. ${example})`] };
  const problems: string[] = [];
  const bucket = url.hostname;
  if (!BUCKET.test(bucket) || bucket.includes('..'))
    problems.push(
      `tên bucket "${bucket}" không hợp lệ (3–63 ký tự: chữ thường, số, dấu chấm, gạch nối) / bucket name "${bucket}" is invalid (3–63 lowercase letters, digits, dots, hyphens)`,
    );
  if (url.port) problems.push('cổng đặt trong tham số endpoint, không sau tên bucket / give the port in the endpoint parameter, not after the bucket');
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      problems.push('mã hoá phần trăm sai (%..) / malformed percent-encoding (%..)');
      return '';
    }
  };
  const path = decode(url.pathname).replace(/^\/+|\/+$/g, '');
  if (path && !/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(path))
    problems.push(`tiền tố "${path}" chỉ gồm chữ, số, . _ - và / / the prefix "${path}" may hold only letters, digits, . _ - and /`);
  for (const name of new Set(url.searchParams.keys()))
    if (!S3_PARAMS.has(name))
      problems.push(
        `tham số không biết "${name}" (chỉ endpoint, region, forcePathStyle) / unknown parameter "${name}" (only endpoint, region, forcePathStyle)`,
      );

  const endpoint = url.searchParams.get('endpoint') ?? undefined;
  if (endpoint !== undefined) {
    let ok = false;
    try {
      const e = new URL(endpoint);
      ok = (e.protocol === 'http:' || e.protocol === 'https:') && !e.username && !e.password && (e.pathname === '/' || e.pathname === '') && !e.search;
    } catch {
      ok = false;
    }
    if (!ok)
      problems.push('endpoint phải là địa chỉ gốc http(s), ví dụ http://127.0.0.1:9000 / endpoint must be an http(s) origin, e.g. http://127.0.0.1:9000');
  }
  const region = url.searchParams.get('region') ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
  if (!/^[a-z0-9-]{2,40}$/.test(region)) problems.push(`vùng "${region}" không hợp lệ (ví dụ us-east-1) / region "${region}" is invalid (e.g. us-east-1)`);
  const style = url.searchParams.get('forcePathStyle');
  if (style !== null && style !== 'true' && style !== 'false')
    problems.push(`forcePathStyle phải là true hoặc false / forcePathStyle must be true or false (not "${style}")`);

  let credentials: S3StorageConfig['credentials'];
  const user = decode(url.username);
  const secret = decode(url.password);
  if (user || secret) {
    if (!user || !secret)
      problems.push('cần cả khoá truy cập lẫn khoá bí mật (s3://KHOA:BIMAT@bucket) / give both the access key and the secret key (s3://KEY:SECRET@bucket)');
    else credentials = { accessKeyId: user, secretAccessKey: secret };
  } else if (env.AWS_ACCESS_KEY_ID || env.AWS_SECRET_ACCESS_KEY) {
    if (!env.AWS_ACCESS_KEY_ID || !env.AWS_SECRET_ACCESS_KEY)
      problems.push('AWS_ACCESS_KEY_ID và AWS_SECRET_ACCESS_KEY phải đặt cùng nhau / AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together');
    else
      credentials = {
        accessKeyId: env.AWS_ACCESS_KEY_ID,
        secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
        ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
      };
  }
  if (problems.length) return { problems };
  return {
    kind: 's3',
    bucket,
    prefix: path ? `${path}/` : '',
    endpoint: endpoint?.replace(/\/+$/, ''),
    region,
    // Path-style addressing (http://host/bucket/key) is what most S3-compatible servers expect.
    forcePathStyle: style === null ? endpoint !== undefined : style === 'true',
    credentials,
  };
}

function parseTrustProxy(value: string): false | number | string[] {
  const v = value.trim();
  if (!v || /^(false|0|none)$/i.test(v)) return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
}

/**
 * The origin for links the server writes (certificate QR codes, e-mails): PUBLIC_URL, or else the
 * configured host and port. Never the request's Host or X-Forwarded-Host, which a client chooses.
 */
export function publicOrigin(config: Pick<AppConfig, 'publicUrl' | 'host' | 'port'>): string {
  if (config.publicUrl) return config.publicUrl;
  const host = ['0.0.0.0', '::', ''].includes(config.host) ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${config.port}`;
}

/**
 * Where a tile URL template loads images from, as a Content-Security-Policy source: its origin,
 * with a `{s}` subdomain (a, b, c…) as a wildcard.
 */
export function tileSource(template: string): string {
  const origin = /^https?:\/\/[^/]+/.exec(template)?.[0] ?? '';
  return origin.replace('{s}.', '*.');
}
