import { z } from 'zod';
import { invalid, type AppError } from '../../../domain/errors.js';

/**
 * The backup archive: a gzip-compressed tar file (`tar tzf` lists it, `tar xzf` unpacks it) with
 *
 *   tables/<table>.jsonl   one line per row, `to_jsonb(row)` as PostgreSQL prints it
 *   files/<key>            the uploaded files, byte for byte, under their storage keys
 *   manifest.json          written last: versions, migration level, row counts, SHA-256 per entry
 *
 * Rows never pass through JavaScript numbers (a bigint above 2^53 would lose digits): lines are
 * copied as text from `to_jsonb(t)::text` and handed back to `jsonb_populate_recordset`.
 */
export const FORMAT = 'ocop-backup';
export const FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';
export const tableEntry = (table: string) => `tables/${encodeURIComponent(table)}.jsonl`;
export const fileEntry = (key: string) => `files/${key}`;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const ManifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.number().int().positive(),
  appVersion: z.string(),
  createdAt: z.string(),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), serverVersion: z.string() }),
  migration: z.object({ tag: z.string().nullable(), when: z.number(), hash: z.string() }),
  /** In the order they were written: each table after the tables it references. */
  tables: z.array(
    z.object({
      name: z.string().min(1),
      entry: z.string(),
      rows: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
      sha256: Sha256,
      primaryKey: z.array(z.string()),
      columns: z.array(z.object({ name: z.string(), type: z.string(), generated: z.boolean() })),
    }),
  ),
  /** Sequence states (`last_value` as text: it is a bigint). */
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string().regex(/^-?\d+$/), isCalled: z.boolean() })),
  files: z.array(z.object({ path: z.string().min(1), entry: z.string(), bytes: z.number().int().nonnegative(), sha256: Sha256 })),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** Errors about the archive itself: the operator's to fix, printed without a stack trace. */
export const archiveError = (code: string, vi: string, en: string): AppError => invalid(code, { vi, en });
export const corrupt = (file: string, detail: string) =>
  archiveError(
    'backup_corrupt',
    `Tệp sao lưu ${file} bị hỏng hoặc không phải tệp sao lưu OCOP (${detail}). Cơ sở dữ liệu không bị thay đổi.`,
    `${file} is damaged or is not an OCOP backup (${detail}). The database was not changed.`,
  );

/** A relative path inside the archive, checked so that unpacking cannot write outside its folder. */
export function isSafeRelativePath(name: string): boolean {
  if (!name || name.length > 1024 || name.startsWith('/') || name.includes('\\') || name.includes('\0')) return false;
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

// ---------------------------------------------------------------------------------------------
// tar (POSIX ustar, with a pax header for names longer than ustar allows)

const BLOCK = 512;

function writeString(block: Buffer, offset: number, length: number, value: string) {
  block.write(value, offset, Math.min(length, Buffer.byteLength(value)), 'utf8');
}

function writeOctal(block: Buffer, offset: number, length: number, value: number) {
  const digits = Math.floor(value).toString(8);
  if (digits.length <= length - 1) {
    writeString(block, offset, length, digits.padStart(length - 1, '0') + '\0');
    return;
  }
  // GNU base-256 for sizes above 8 GiB: high bit set, big-endian binary.
  block[offset] = 0x80;
  let v = BigInt(Math.floor(value));
  for (let i = offset + length - 1; i > offset; i--) {
    block[i] = Number(v & 0xffn);
    v >>= 8n;
  }
}

function headerBlock(name: string, size: number, mtime: Date, type: '0' | 'x', prefix = ''): Buffer {
  const block = Buffer.alloc(BLOCK, 0);
  writeString(block, 0, 100, name);
  writeOctal(block, 100, 8, 0o644);
  writeOctal(block, 108, 8, 0);
  writeOctal(block, 116, 8, 0);
  writeOctal(block, 124, 12, size);
  writeOctal(block, 136, 12, Math.floor(mtime.getTime() / 1000));
  block.fill(0x20, 148, 156); // checksum counted as spaces
  writeString(block, 156, 1, type);
  writeString(block, 257, 6, 'ustar\0');
  writeString(block, 263, 2, '00');
  writeString(block, 345, 155, prefix);
  let sum = 0;
  for (const byte of block) sum += byte;
  writeString(block, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return block;
}

function splitUstarName(name: string): { name: string; prefix: string } | null {
  if (Buffer.byteLength(name) <= 100) return { name, prefix: '' };
  for (let i = name.indexOf('/'); i !== -1; i = name.indexOf('/', i + 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100) return { name: rest, prefix };
  }
  return null;
}

/** The header(s) of one regular file entry. */
export function tarHeader(name: string, size: number, mtime: Date): Buffer {
  const split = splitUstarName(name);
  if (split) return headerBlock(split.name, size, mtime, '0', split.prefix);
  // pax extended header carrying the full path; "<length> path=<name>\n", the length counting itself.
  const body = ` path=${name}\n`;
  let length = Buffer.byteLength(body) + 1;
  while (String(length).length + Buffer.byteLength(body) !== length) length = String(length).length + Buffer.byteLength(body);
  const record = Buffer.from(`${length}${body}`, 'utf8');
  return Buffer.concat([
    headerBlock('PaxHeader', record.length, mtime, 'x'),
    record,
    tarPadding(record.length),
    headerBlock(name.slice(-100), size, mtime, '0'),
  ]);
}

export const tarPadding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK, 0);
export const tarEnd = () => Buffer.alloc(BLOCK * 2, 0);

export type TarEntryHeader = { name: string; size: number; mtime: Date };
export type TarEntrySink = { data(chunk: Buffer): void; end(): void };

export class TarFormatError extends Error {}

function readString(block: Buffer, offset: number, length: number): string {
  const slice = block.subarray(offset, offset + length);
  const nul = slice.indexOf(0);
  return slice.subarray(0, nul === -1 ? length : nul).toString('utf8');
}

function readNumber(block: Buffer, offset: number, length: number): number {
  if (block[offset]! & 0x80) {
    let v = 0n;
    for (let i = offset + 1; i < offset + length; i++) v = (v << 8n) | BigInt(block[i]!);
    return Number(v);
  }
  const text = readString(block, offset, length).trim();
  if (!/^[0-7]*$/.test(text)) throw new TarFormatError('bad number field in a tar header');
  return text ? parseInt(text, 8) : 0;
}

function parsePax(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    const length = Number(data.subarray(offset, space).toString('ascii'));
    if (space === -1 || !Number.isInteger(length) || length <= 0) throw new TarFormatError('bad pax header');
    const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    offset += length;
  }
  return out;
}

/**
 * Reads a tar stream, calling `open` for each regular file and streaming its bytes to the returned
 * sink. Understands ustar, pax (`x`, `g`) and GNU long names (`L`), so an archive repacked with
 * the usual tools still reads; directories are skipped; anything else is refused.
 */
export async function readTar(source: AsyncIterable<Buffer> | Iterable<Buffer>, open: (header: TarEntryHeader) => TarEntrySink): Promise<void> {
  type State =
    { kind: 'header' } | { kind: 'data'; remaining: number; padding: number; sink: TarEntrySink } | { kind: 'skip'; remaining: number } | { kind: 'end' };
  let state: State = { kind: 'header' };
  const header = Buffer.alloc(BLOCK);
  let headerFill = 0;
  let longName: string | undefined;
  let zeroBlocks = 0;

  const collect = (limit: number, done: (data: Buffer) => void): TarEntrySink => {
    const parts: Buffer[] = [];
    let length = 0;
    return {
      data(chunk) {
        length += chunk.length;
        if (length > limit) throw new TarFormatError('oversized extended header');
        parts.push(Buffer.from(chunk));
      },
      end: () => done(Buffer.concat(parts)),
    };
  };

  const startEntry = (size: number, sink: TarEntrySink): State => {
    const padding = (BLOCK - (size % BLOCK)) % BLOCK;
    if (size === 0) {
      sink.end();
      return padding ? { kind: 'skip', remaining: padding } : { kind: 'header' };
    }
    return { kind: 'data', remaining: size, padding, sink };
  };

  const onHeader = (): State => {
    if (header.every((b) => b === 0)) {
      zeroBlocks++;
      return zeroBlocks >= 2 ? { kind: 'end' } : { kind: 'header' };
    }
    if (zeroBlocks) throw new TarFormatError('data after an end-of-archive block');
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
    if (readNumber(header, 148, 8) !== sum) throw new TarFormatError('tar header checksum mismatch');
    if (!readString(header, 257, 6).startsWith('ustar')) throw new TarFormatError('not a ustar archive');
    const type = String.fromCharCode(header[156]!);
    const size = readNumber(header, 124, 12);
    const prefix = readString(header, 345, 155);
    const plainName = prefix ? `${prefix}/${readString(header, 0, 100)}` : readString(header, 0, 100);
    if (type === 'x' || type === 'L') {
      return startEntry(
        size,
        collect(1 << 20, (data) => {
          longName = type === 'x' ? (parsePax(data).path ?? longName) : data.toString('utf8').replace(/\0+$/, '');
        }),
      );
    }
    if (type === 'g')
      return startEntry(
        size,
        collect(1 << 20, () => {}),
      );
    const name = longName ?? plainName;
    longName = undefined;
    if (type === '5') return size ? { kind: 'skip', remaining: size + ((BLOCK - (size % BLOCK)) % BLOCK) } : { kind: 'header' };
    if (type !== '0' && type !== '\0') throw new TarFormatError(`unsupported entry type "${type}" for ${name}`);
    return startEntry(size, open({ name: name.replace(/^\.\//, ''), size, mtime: new Date(readNumber(header, 136, 12) * 1000) }));
  };

  for await (const input of source) {
    const chunk = Buffer.isBuffer(input) ? input : Buffer.from(input);
    let offset = 0;
    while (offset < chunk.length) {
      if (state.kind === 'end') break; // the zero padding tar implementations write after the end marker
      if (state.kind === 'header') {
        const n = Math.min(BLOCK - headerFill, chunk.length - offset);
        chunk.copy(header, headerFill, offset, offset + n);
        headerFill += n;
        offset += n;
        if (headerFill === BLOCK) {
          headerFill = 0;
          state = onHeader();
        }
      } else if (state.kind === 'data') {
        const n = Math.min(state.remaining, chunk.length - offset);
        state.sink.data(chunk.subarray(offset, offset + n));
        state.remaining -= n;
        offset += n;
        if (state.remaining === 0) {
          state.sink.end();
          state = state.padding ? { kind: 'skip', remaining: state.padding } : { kind: 'header' };
        }
      } else {
        const n = Math.min(state.remaining, chunk.length - offset);
        state.remaining -= n;
        offset += n;
        if (state.remaining === 0) state = { kind: 'header' };
      }
    }
  }
  if (state.kind === 'data' || state.kind === 'skip' || headerFill !== 0) throw new TarFormatError('the archive ends in the middle of an entry');
  // A missing end-of-archive marker is tolerated (as GNU tar does); the manifest check catches truncation.
}

/** "1 234 567": digits grouped by thin spaces would not survive every terminal; plain spaces do. */
export const groupDigits = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}
