import { createHash, randomUUID } from 'node:crypto';
import type { ImportPreview, ImportProblem } from '../../../contracts/imports.js';
import { conflict, forbidden, invalid, notFound, type Message } from '../../../domain/errors.js';
import { vietnamDate } from '../../../domain/dates/calendar.js';
import type { SheetKey } from '../../../domain/imports/sheets.js';
import { adminProvince, type Actor } from '../../../domain/policies/index.js';
import type { Db } from '../../db/client.js';
import { readWorkbookFile, UnreadableFileError, type SheetTable } from '../../lib/workbook-reader.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { addPreviews, analyseImport, applyImport, fileProblem, firstResultYears, importBatches, planImport, previewOf } from './import-plan.js';
import { completeRecords, recordCount, withoutProblemRows, type ImportRecords } from './import-records.js';
import { presentImportJob } from './imports.presenter.js';
import { problemsWorkbook } from './problems-workbook.js';
import type { FileStorage } from '../../lib/file-storage.js';
import { importsRepository as repo, type JobRow } from './imports.repository.js';

export type UploadedFile = { name: string; data: Buffer };
export type ImportLimits = { maxBytes: number; maxRows: number };
/** How far a workbook may inflate: enough for any honest file of the size limit, not for a zip bomb. */
const INFLATE_FACTOR = 20;

/**
 * Reads uploaded files into validated records: all or nothing. Whole-file problems (not a workbook,
 * too large, too many rows) and every row's problems are returned together.
 */
export async function readImport(
  db: Db,
  provinceCode: string,
  files: UploadedFile[],
  limits: ImportLimits,
  thisYear: number,
  opts: { sheet?: SheetKey; onProgress?: (rows: number) => void; today?: string } = {},
) {
  const tables: SheetTable[] = [];
  const problems: ImportProblem[] = [];
  let rowsRead = 0;
  for (const file of files) {
    if (file.data.length > limits.maxBytes) {
      problems.push(
        fileProblem(file.name, {
          vi: `Tệp lớn hơn giới hạn ${Math.round(limits.maxBytes / 1048576)} MB.`,
          en: `The file exceeds the ${Math.round(limits.maxBytes / 1048576)} MB limit.`,
        }),
      );
      continue;
    }
    try {
      const read = await readWorkbookFile(
        file.name,
        file.data,
        { maxRows: limits.maxRows - rowsRead, maxUncompressedBytes: limits.maxBytes * INFLATE_FACTOR },
        opts.sheet,
        (n) => opts.onProgress?.(rowsRead + n),
      );
      for (const t of read.tables) rowsRead += t.rows.length;
      tables.push(...read.tables);
      if (!read.tables.length)
        problems.push(
          fileProblem(file.name, {
            vi: 'Không tìm thấy trang nào của tệp mẫu (Chủ thể, Sản phẩm, Kết quả đánh giá, Điểm bán, Hội chợ, sự kiện…) trong tệp.',
            en: 'None of the template’s sheets (Chủ thể, Sản phẩm, Kết quả đánh giá, Điểm bán, Hội chợ, sự kiện…) is in the file.',
          }),
        );
    } catch (err) {
      if (!(err instanceof UnreadableFileError)) throw err;
      problems.push(fileProblem(file.name, err.reason));
    }
  }
  // The day decides what is "in the future"; the command line, which has no clock of its own, runs now.
  const today = opts.today ?? vietnamDate(new Date());
  const analysis = await analyseImport(db, provinceCode, tables, { thisYear, today }, opts.onProgress);
  return { records: analysis.records, problems: [...problems, ...analysis.problems], rowsTotal: analysis.rowsTotal };
}

export type ImportsOptions = {
  /** Records written per transaction of a commit. */
  batchSize?: number;
  /** Called when a batch's transaction has committed (a test stops a commit here to resume it). */
  afterBatch?: (batch: { index: number; committedRecords: number }) => void | Promise<void>;
  /** Where the workbooks of an import with problems are kept, to give them back with their problems marked. */
  storage?: FileStorage;
  /**
   * The database has one process (PGlite): a job no one works on in this process is interrupted,
   * whatever its lease says. On PostgreSQL other processes may be working on it while their lease runs.
   */
  singleProcess?: boolean;
  /** How long a job's lease lasts past each renewal (tests shorten it). */
  leaseMs?: number;
  /**
   * The checks and commits are left to a worker (web processes with BACKGROUND_WORK=off, PostgreSQL):
   * an upload's files go to `storage` and the job waits, as a commit does, until a worker's
   * `runQueued` takes it. A web process then never reads a workbook nor holds its rows.
   */
  queueForWorker?: boolean;
};

/** An uploaded workbook kept for its problems file: the job's id and the file's place in the upload. */
const keptFile = (jobId: string, index: number) => `imports/${jobId}-${index}.xlsx`;
/** An uploaded file waiting in storage for a worker's check (a workbook or a CSV file alike). */
const queuedFile = (jobId: string, index: number) => `imports/${jobId}-${index}.upload`;
/** A workbook (zip) rather than a CSV file. */
const isWorkbook = (data: Buffer) => data.length > 4 && data.readUInt32LE(0) === 0x04034b50;

/**
 * A batch is short enough for the requests waiting behind it (PGlite has a single connection) and
 * long enough that its fixed cost (the lock, the look-ups of its codes) stays small.
 */
const BATCH_SIZE = 500;
/**
 * A job may be committed once checked, and again when its commit failed or was interrupted (a job
 * `committing` that no one in this process works on): its rows are kept until it is committed.
 */
const COMMITTABLE: readonly string[] = ['validated', 'failed', 'committing'];
/**
 * The lease of a job being worked on: renewed every LEASE_MS / 6 while the work runs, so a job whose
 * lease has run out was abandoned by a process that stopped (several processes on PostgreSQL).
 */
const LEASE_MS = 60_000;
const NOTHING: ImportPreview = {
  subjects: { create: 0, update: 0, unchanged: 0 },
  products: { create: 0, update: 0, unchanged: 0 },
  results: { create: 0, update: 0, unchanged: 0 },
  samples: [],
};

/**
 * Upload, check, commit. A commit writes its records in batches, each one transaction that also
 * records in the job how far it got, with a pause between batches so that other requests reach the
 * database. What a reader sees meanwhile: the job `committing` with its progress, and the records of
 * the batches already written (producers first, then products, then results), each whole and with
 * its audit entry; the import itself is recorded as committed (status, audit entry of the import)
 * only in the transaction after the last batch. A commit that fails or is interrupted can be run
 * again: it starts after the last batch written, and since every batch plans against the database
 * under the province's import lock, nothing is ever written twice.
 */
export function createImportsService(
  db: Db,
  deploymentProvince: string,
  limits: ImportLimits,
  clock: () => Date = () => new Date(),
  options: ImportsOptions = {},
) {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const leaseMs = options.leaseMs ?? LEASE_MS;
  /** Jobs being worked on in this process, with their progress (a transaction's progress cannot be read from another connection). */
  const running = new Map<string, { rowsDone: number; rowsTotal: number; work: Promise<void> }>();

  function provinceOf(actor: Actor) {
    const province = adminProvince(actor, deploymentProvince);
    if (!province) throw forbidden();
    return province;
  }

  /**
   * `wasRunning`: whether the job was in progress here before its row was read. Work writes its final
   * status before it leaves `running`, so a job that was not running then and whose row still says
   * validating or committing was interrupted by a stopped server (its transaction rolled back) —
   * unless another process holds its lease and is working on it (PostgreSQL).
   */
  function present(row: JobRow, wasRunning: boolean) {
    const queued = row.queuedAt !== null;
    const elsewhere = !options.singleProcess && row.leaseUntil !== null && row.leaseUntil.getTime() > Date.now();
    const interrupted = !wasRunning && !elsewhere && !queued && (row.status === 'validating' || row.status === 'committing');
    return presentImportJob(row, { live: running.get(row.id), interrupted, queued });
  }

  async function load(actor: Actor, id: string) {
    const province = provinceOf(actor);
    const wasRunning = running.has(id);
    const row = await repo.findJob(db, id, province);
    if (!row) throw notFound({ vi: 'lượt nhập dữ liệu', en: 'import' });
    return { row, wasRunning };
  }

  const failureText = (err: unknown) =>
    JSON.stringify({ vi: `Lỗi khi xử lý: ${(err as Error).message}`, en: `Processing failed: ${(err as Error).message}` } satisfies Message);

  async function validate(jobId: string, province: string, files: UploadedFile[], sheet: SheetKey | undefined) {
    const progress = running.get(jobId)!;
    try {
      const { records, problems, rowsTotal } = await readImport(db, province, files, limits, clock().getFullYear(), {
        ...(sheet ? { sheet } : {}),
        today: vietnamDate(clock()),
        onProgress: (n) => {
          progress.rowsDone = n;
          progress.rowsTotal = Math.max(progress.rowsTotal, n);
        },
      });
      progress.rowsTotal = rowsTotal;
      // A workbook with problems is kept, to be given back with its problems marked (problemsFile).
      const markedFiles: number[] = [];
      if (problems.length && options.storage)
        for (const [index, file] of files.entries())
          if (isWorkbook(file.data)) {
            await options.storage.put(keptFile(jobId, index), file.data);
            markedFiles.push(index);
          }
      // With problems the file is not written, but the rows without any are previewed: the office sees what the rest would do.
      const preview = previewOf(await planImport(db, province, problems.length ? withoutProblemRows(records, problems) : records));
      await repo.updateJob(db, jobId, {
        status: problems.length ? 'invalid' : 'validated',
        rowsTotal,
        rowsDone: rowsTotal,
        problems,
        markedFiles,
        preview,
        rows: problems.length ? null : records,
      });
    } catch (err) {
      await repo.updateJob(db, jobId, { status: 'failed', failure: failureText(err) });
    }
  }

  async function commitJob(job: JobRow, audit: AuditActor) {
    const progress = running.get(job.id)!;
    const records = completeRecords(job.rows as Partial<ImportRecords>);
    const firstYears = firstResultYears(records);
    const thisYear = clock().getFullYear();
    let tally = job.commitTally as ImportPreview | null;
    let committed = job.committedRecords;
    try {
      for (const [index, batch] of importBatches(records, batchSize, job.committedRecords).entries()) {
        tally = await db.transaction(async (tx) => {
          const done = await applyImport(tx, job.provinceCode, batch.records, audit, thisYear, undefined, { firstYears });
          const sum = addPreviews(tally, done);
          await repo.updateJob(tx, job.id, { committedRecords: batch.end, commitTally: sum, rowsDone: batch.end });
          return sum;
        });
        committed = progress.rowsDone = batch.end;
        await options.afterBatch?.({ index, committedRecords: batch.end });
        // Requests queued for the database meanwhile go before the next batch.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const preview = tally ?? NOTHING;
      const finished = await db.transaction(async (tx) => {
        // Only one run marks the job committed, should two processes have resumed it.
        const finished = await repo.finishCommit(tx, job.id, { preview, rowsDone: job.rowsTotal, committedAt: clock() });
        if (finished)
          await recordAudit(tx, audit, {
            action: 'update',
            entityType: 'import',
            entityId: job.id,
            after: { status: 'committed', fileNames: job.fileNames, ...preview },
          });
        return finished;
      });
      if (finished) await repo.refreshStatistics(db);
    } catch (err) {
      const total = recordCount(records);
      const failure: Message = {
        vi: `Lỗi khi ghi: ${(err as Error).message}. Đã ghi ${committed}/${total} bản ghi; ghi lại để ghi nốt phần còn lại.`,
        en: `Writing failed: ${(err as Error).message}. ${committed} of ${total} records are written; commit again to write the rest.`,
      };
      await repo.updateJob(db, job.id, { status: 'failed', failure: JSON.stringify(failure) });
    }
  }

  /** A queued job's uploaded files, or null when they are gone (the job is then failed, to be uploaded again). */
  async function readQueuedFiles(job: JobRow): Promise<UploadedFile[] | null> {
    try {
      return await Promise.all(job.fileNames.map(async (name, index) => ({ name, data: await options.storage!.get(queuedFile(job.id, index)) })));
    } catch (err) {
      await repo.updateJob(db, job.id, { status: 'failed', failure: failureText(err) });
      return null;
    }
  }

  /**
   * Runs a job's work in this process: its progress in `running`, and its lease renewed until the
   * work ends — with a check's progress, which other processes read from the row (a commit's batches
   * write their own).
   */
  function track(id: string, rowsTotal: number, work: () => Promise<void>, rowsDone = 0, reportProgress = false) {
    const entry = { rowsDone, rowsTotal, work: Promise.resolve() };
    running.set(id, entry);
    const renew = setInterval(
      () =>
        void repo.renewLease(db, id, leaseMs, reportProgress ? { rowsDone: entry.rowsDone, rowsTotal: entry.rowsTotal } : {}).catch(() => {
          // A missed renewal is made good by the next; the work itself reports its own failures.
        }),
      Math.max(50, Math.floor(leaseMs / 6)),
    );
    renew.unref();
    entry.work = work().finally(() => {
      clearInterval(renew);
      running.delete(id);
    });
  }

  return {
    /** Starts checking the uploaded files; the job reports progress and, when done, the problems or the preview. */
    async upload(actor: Actor, files: UploadedFile[], sheet?: SheetKey) {
      const province = provinceOf(actor);
      if (!files.length) throw invalid('file_required', { vi: 'Chưa chọn tệp.', en: 'No file was sent.' });
      const digest = createHash('sha256');
      for (const f of files) digest.update(f.data);
      const row = await repo.insertJob(db, {
        id: randomUUID(),
        provinceCode: province,
        fileNames: files.map((f) => f.name),
        fileDigest: digest.digest('hex'),
        status: 'validating',
        sheet: sheet ?? null,
        createdBy: actor.kind === 'user' ? actor.userId : null,
        leaseUntil: new Date(Date.now() + leaseMs),
      });
      if (!options.queueForWorker) {
        track(row.id, 0, () => validate(row.id, province, files, sheet), 0, true);
        return present(row, true);
      }
      // The job waits for a worker only once its files are all stored: a worker never finds one without them.
      try {
        for (const [index, file] of files.entries()) await options.storage!.put(queuedFile(row.id, index), file.data);
        const queued = { queuedAt: new Date(), leaseUntil: null };
        await repo.updateJob(db, row.id, queued);
        return present({ ...row, ...queued }, false);
      } catch (err) {
        await repo.updateJob(db, row.id, { status: 'failed', failure: failureText(err), leaseUntil: null });
        throw err;
      }
    },

    /** Starts writing a checked import, or resumes one whose commit failed or was interrupted. */
    async commit(actor: Actor, audit: AuditActor, id: string) {
      const { row: job } = await load(actor, id);
      const busy = () => conflict('import_busy', { vi: 'Lượt nhập đang được xử lý.', en: 'The import is being processed.' });
      if (running.has(id)) throw busy();
      const notReady = (status: string) =>
        conflict('import_not_ready', {
          vi: status === 'committed' ? 'Lượt nhập này đã được ghi.' : 'Chỉ ghi được lượt nhập đã kiểm tra xong và không có lỗi.',
          en: status === 'committed' ? 'This import was already committed.' : 'Only a checked import without problems can be committed.',
        });
      if (!COMMITTABLE.includes(job.status) || job.rows === null) throw notReady(job.status);
      // At most one process claims it: a job being committed elsewhere (its lease running) is not claimable.
      const claimed = await repo.claimCommit(db, id, COMMITTABLE, {
        leaseMs,
        takeOverRunning: !!options.singleProcess,
        ...(options.queueForWorker ? { queueFor: { commitActor: audit } } : {}),
      });
      if (!claimed) {
        const now = await repo.findJob(db, id, job.provinceCode);
        throw now?.status === 'committing' ? busy() : notReady(now?.status ?? 'committed');
      }
      if (options.queueForWorker) return present(claimed, false);
      // Another request of this process may have claimed it while this one waited for the database.
      if (running.has(id)) throw busy();
      track(id, recordCount(completeRecords(claimed.rows as Partial<ImportRecords>)), () => commitJob(claimed, audit), claimed.committedRecords);
      return present(claimed, true);
    },

    get: async (actor: Actor, id: string) => {
      const { row, wasRunning } = await load(actor, id);
      return present(row, wasRunning);
    },

    async list(actor: Actor) {
      const province = provinceOf(actor);
      const wasRunning = new Set(running.keys());
      // The stored rows and problem lists can be large: the list leaves them out.
      const found = await repo.recentJobs(db, province, 20);
      return found.map(({ problemCount, ...r }) => ({ ...present({ ...r, rows: null, problems: [] }, wasRunning.has(r.id)), problemCount }));
    },

    /**
     * The `index`-th uploaded workbook of a job with problems, with a column listing each row's
     * problems and the cells at fault marked (problems-workbook.ts).
     */
    async problemsFile(actor: Actor, id: string, index: number) {
      const { row } = await load(actor, id);
      const problems = row.problems as ImportProblem[];
      const name = row.fileNames[index];
      const data =
        name !== undefined && row.markedFiles.includes(index) && options.storage ? await options.storage.get(keptFile(id, index)).catch(() => null) : null;
      if (!data)
        throw conflict('import_no_problems_file', {
          vi: 'Không có tệp lỗi cho lượt nhập này: chỉ tệp Excel (.xlsx) có lỗi mới được trả lại kèm đánh dấu.',
          en: 'There is no problems file for this import: only an Excel workbook (.xlsx) with problems is given back marked.',
        });
      return { name: name!.replace(/\.xlsx$/i, '') + '-loi.xlsx', data: await problemsWorkbook(data, problems) };
    },

    /**
     * A worker's turn: takes the jobs waiting for a worker one at a time, oldest first, and works
     * each to its end (a check from the files in storage, or a commit under its asker's name).
     * Returns how many it took. Workers running at once each take different jobs.
     */
    async runQueued() {
      let taken = 0;
      for (let job = await repo.claimQueued(db, leaseMs); job; job = await repo.claimQueued(db, leaseMs)) {
        taken++;
        if (job.status === 'committing') {
          const claimed = job;
          track(
            claimed.id,
            recordCount(completeRecords(claimed.rows as Partial<ImportRecords>)),
            () => commitJob(claimed, claimed.commitActor as AuditActor),
            claimed.committedRecords,
          );
        } else if (job.status === 'validating') {
          const files = await readQueuedFiles(job);
          if (files) track(job.id, 0, () => validate(job.id, job.provinceCode, files, (job.sheet as SheetKey | null) ?? undefined), 0, true);
        }
        await running.get(job.id)?.work;
        if (job.status === 'validating') for (const index of job.fileNames.keys()) await options.storage!.remove(queuedFile(job.id, index));
      }
      return taken;
    },

    /** Waits for a job's background work (tests and the command line). */
    settled: async (id: string) => {
      await running.get(id)?.work;
    },
  };
}
export type ImportsService = ReturnType<typeof createImportsService>;
