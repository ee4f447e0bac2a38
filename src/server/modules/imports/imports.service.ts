import { createHash } from 'node:crypto';
import type { ImportProblem } from '../../../contracts/imports.js';
import { conflict, forbidden, invalid, notFound, type Message } from '../../../domain/errors.js';
import type { SheetKey } from '../../../domain/imports/sheets.js';
import { adminProvince, type Actor } from '../../../domain/policies/index.js';
import type { Db } from '../../db/client.js';
import { readWorkbookFile, UnreadableFileError, type SheetTable } from '../../lib/workbook-reader.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { analyseImport, applyImport, fileProblem, planImport, previewOf, type ImportRecords } from './import-plan.js';
import { presentImportJob } from './imports.presenter.js';
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
  opts: { sheet?: SheetKey; onProgress?: (rows: number) => void } = {},
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
            vi: 'Không tìm thấy sheet Chủ thể, Sản phẩm hay Kết quả đánh giá trong tệp.',
            en: 'No Chủ thể, Sản phẩm or Kết quả đánh giá sheet in the file.',
          }),
        );
    } catch (err) {
      if (!(err instanceof UnreadableFileError)) throw err;
      problems.push(fileProblem(file.name, err.reason));
    }
  }
  const analysis = await analyseImport(db, provinceCode, tables, thisYear, opts.onProgress);
  return { records: analysis.records, problems: [...problems, ...analysis.problems], rowsTotal: analysis.rowsTotal };
}

export function createImportsService(db: Db, deploymentProvince: string, limits: ImportLimits, clock: () => Date = () => new Date()) {
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
   * validating or committing was interrupted by a stopped server (its transaction rolled back).
   */
  function present(row: JobRow, wasRunning: boolean) {
    const interrupted = !wasRunning && (row.status === 'validating' || row.status === 'committing');
    return presentImportJob(row, { live: running.get(row.id), interrupted });
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
        onProgress: (n) => {
          progress.rowsDone = n;
          progress.rowsTotal = Math.max(progress.rowsTotal, n);
        },
      });
      progress.rowsTotal = rowsTotal;
      const preview = problems.length ? null : previewOf(await planImport(db, province, records));
      await repo.updateJob(db, jobId, {
        status: problems.length ? 'invalid' : 'validated',
        rowsTotal,
        rowsDone: rowsTotal,
        problems,
        preview,
        rows: problems.length ? null : records,
      });
    } catch (err) {
      await repo.updateJob(db, jobId, { status: 'failed', failure: failureText(err) });
    }
  }

  async function commitJob(job: JobRow, audit: AuditActor) {
    const progress = running.get(job.id)!;
    try {
      const preview = await db.transaction(async (tx) => {
        const result = await applyImport(tx, job.provinceCode, job.rows as ImportRecords, audit, clock().getFullYear(), (n) => (progress.rowsDone = n));
        await recordAudit(tx, audit, {
          action: 'update',
          entityType: 'import',
          entityId: job.id,
          after: { status: 'committed', fileNames: job.fileNames, ...result },
        });
        return result;
      });
      await repo.updateJob(db, job.id, { status: 'committed', preview, rowsDone: job.rowsTotal, committedAt: clock(), rows: null });
    } catch (err) {
      await repo.updateJob(db, job.id, { status: 'failed', failure: failureText(err) });
    }
  }

  function track(id: string, rowsTotal: number, work: () => Promise<void>) {
    const entry = { rowsDone: 0, rowsTotal, work: Promise.resolve() };
    running.set(id, entry);
    entry.work = work().finally(() => running.delete(id));
  }

  return {
    /** Starts checking the uploaded files; the job reports progress and, when done, the problems or the preview. */
    async upload(actor: Actor, files: UploadedFile[], sheet?: SheetKey) {
      const province = provinceOf(actor);
      if (!files.length) throw invalid('file_required', { vi: 'Chưa chọn tệp.', en: 'No file was sent.' });
      const digest = createHash('sha256');
      for (const f of files) digest.update(f.data);
      const row = await repo.insertJob(db, {
        provinceCode: province,
        fileNames: files.map((f) => f.name),
        fileDigest: digest.digest('hex'),
        status: 'validating',
        createdBy: actor.kind === 'user' ? actor.userId : null,
      });
      track(row.id, 0, () => validate(row.id, province, files, sheet));
      return present(row, true);
    },

    async commit(actor: Actor, audit: AuditActor, id: string) {
      const { row: job } = await load(actor, id);
      const province = job.provinceCode;
      if (running.has(id)) throw conflict('import_busy', { vi: 'Lượt nhập đang được xử lý.', en: 'The import is being processed.' });
      if (job.status !== 'validated')
        throw conflict('import_not_ready', {
          vi: job.status === 'committed' ? 'Lượt nhập này đã được ghi.' : 'Chỉ ghi được lượt nhập đã kiểm tra xong và không có lỗi.',
          en: job.status === 'committed' ? 'This import was already committed.' : 'Only a checked import without problems can be committed.',
        });
      await repo.updateJob(db, id, { status: 'committing', rowsDone: 0 });
      track(id, job.rowsTotal, () => commitJob(job, audit));
      return present((await repo.findJob(db, id, province))!, true);
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

    /** Waits for a job's background work (tests and the command line). */
    settled: async (id: string) => {
      await running.get(id)?.work;
    },
  };
}
export type ImportsService = ReturnType<typeof createImportsService>;
