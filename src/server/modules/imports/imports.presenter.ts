import type { ImportJob, ImportProblem } from '../../../contracts/imports.js';
import type { Message } from '../../../domain/errors.js';
import type { JobRow } from './imports.repository.js';

/** Problems listed in a job's answer; the full count is given beside them. */
export const PROBLEMS_SHOWN = 1000;

/**
 * A job as the API gives it. `live`: the progress of work running in this process; `queued`: it
 * waits for a worker to take its check or its commit (BACKGROUND_WORK=off); `interrupted`:
 * the server stopped while the job was being worked on, and it is shown as failed: a check wrote
 * nothing; a commit wrote its batches up to `committedRecords`, and committing again writes the rest.
 */
export function presentImportJob(
  row: JobRow,
  state: { live: { rowsDone: number; rowsTotal: number } | undefined; interrupted: boolean; queued: boolean },
): ImportJob {
  const { live, interrupted, queued } = state;
  const problems = row.problems as ImportProblem[];
  return {
    id: row.id,
    status: interrupted ? 'failed' : (row.status as ImportJob['status']),
    queued,
    fileNames: row.fileNames,
    markedFiles: row.markedFiles,
    rowsTotal: live?.rowsTotal ?? row.rowsTotal,
    rowsDone: live?.rowsDone ?? row.rowsDone,
    preview: (row.preview as ImportJob['preview']) ?? null,
    problems: problems.slice(0, PROBLEMS_SHOWN),
    problemCount: problems.length,
    failure: interrupted
      ? row.status === 'committing'
        ? {
            vi: `Máy chủ đã dừng khi đang ghi: đã ghi ${row.committedRecords} bản ghi, lượt nhập chưa hoàn tất. Ghi lại để ghi nốt phần còn lại.`,
            en: `The server stopped while writing: ${row.committedRecords} records are written and the import is not complete. Commit again to write the rest.`,
          }
        : {
            vi: 'Máy chủ đã dừng khi đang xử lý; không có gì được ghi. Hãy tải lên lại.',
            en: 'The server stopped while working; nothing was written. Upload again.',
          }
      : row.failure
        ? (JSON.parse(row.failure) as Message)
        : null,
    createdAt: row.createdAt.toISOString(),
    committedAt: row.committedAt?.toISOString() ?? null,
  };
}
