import type { ImportJob, ImportProblem } from '../../../contracts/imports.js';
import type { Message } from '../../../domain/errors.js';
import type { JobRow } from './imports.repository.js';

/** Problems listed in a job's answer; the full count is given beside them. */
export const PROBLEMS_SHOWN = 1000;

/**
 * A job as the API gives it. `live`: the progress of work running in this process (a transaction's
 * progress cannot be read from another connection); `interrupted`: the server stopped while the job
 * was being worked on, so nothing was written and it is shown as failed.
 */
export function presentImportJob(row: JobRow, state: { live: { rowsDone: number; rowsTotal: number } | undefined; interrupted: boolean }): ImportJob {
  const { live, interrupted } = state;
  const problems = row.problems as ImportProblem[];
  return {
    id: row.id,
    status: interrupted ? 'failed' : (row.status as ImportJob['status']),
    fileNames: row.fileNames,
    rowsTotal: live?.rowsTotal ?? row.rowsTotal,
    rowsDone: live?.rowsDone ?? row.rowsDone,
    preview: (row.preview as ImportJob['preview']) ?? null,
    problems: problems.slice(0, PROBLEMS_SHOWN),
    problemCount: problems.length,
    failure: interrupted
      ? {
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
