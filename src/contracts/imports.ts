import { z } from 'zod';
import { SHEET_KEYS } from '../domain/imports/sheets.js';
import { MessageSchema } from './common.js';

/** The sheets of the import workbook, defined in src/domain/imports/sheets.ts. */
export const IMPORT_SHEETS = SHEET_KEYS;
export const ImportSheet = z.enum(IMPORT_SHEETS);

/** One problem of one cell (or row, when column is null): all of them are listed, not just the first. */
export const ImportProblem = z.object({
  sheet: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  message: MessageSchema,
});
export type ImportProblem = z.infer<typeof ImportProblem>;

const Counts = z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int() });
export const ImportPreview = z.object({
  subjects: Counts,
  products: Counts,
  results: Counts,
  /** The market and programme sheets (issue 13): present when the files have rows of them (for files with problems, rows without any). */
  salesPoints: Counts.optional(),
  chainListings: Counts.optional(),
  onlineListings: Counts.optional(),
  tradeEvents: Counts.optional(),
  eventParticipants: Counts.optional(),
  productIdeas: Counts.optional(),
  businessPlans: Counts.optional(),
  supportPolicies: Counts.optional(),
  supportGrants: Counts.optional(),
  communicationItems: Counts.optional(),
  trainingCourses: Counts.optional(),
  trainingAttendees: Counts.optional(),
  /** A few of the rows that would change, per sheet, to show before committing. */
  samples: z.array(
    z.object({
      sheet: ImportSheet,
      row: z.number().int(),
      code: z.string(),
      name: z.string(),
      action: z.enum(['create', 'update']),
      changes: z.array(z.string()),
    }),
  ),
  /** Producers without a commune code whose commune was found from their address: the part read and the commune. */
  communes: z.array(z.object({ row: z.number().int(), code: z.string(), text: z.string(), communeCode: z.string(), communeName: z.string() })).optional(),
  /**
   * New producers whose commune neither a code nor the address tells (only the province, or two
   * communes): imported with the commune unknown, for the office to place; `reason` says why.
   */
  unplaced: z
    .array(
      z.object({
        row: z.number().int(),
        code: z.string(),
        name: z.string(),
        address: z.string().nullable(),
        reason: z.object({ vi: z.string(), en: z.string() }),
      }),
    )
    .optional(),
  /**
   * Rows linked to a producer registered by hand (without the province's code): by tax code, or by
   * name and commune. Committing updates that producer and gives it the row's code.
   */
  matches: z
    .array(
      z.object({
        row: z.number().int(),
        code: z.string(),
        name: z.string(),
        subjectId: z.string(),
        subjectName: z.string(),
        taxCode: z.string().nullable(),
        by: z.enum(['taxCode', 'nameCommune']),
      }),
    )
    .optional(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const IMPORT_STATUSES = ['validating', 'validated', 'invalid', 'committing', 'committed', 'failed'] as const;
export const ImportJob = z
  .object({
    id: z.uuid(),
    status: z.enum(IMPORT_STATUSES),
    /** The check or the commit waits for the background worker to take it (deployments with `ocop worker`). */
    queued: z.boolean(),
    fileNames: z.array(z.string()),
    /** The files (their order in `fileNames`) that can be downloaded with their problems marked. */
    markedFiles: z.array(z.number().int()),
    rowsTotal: z.number().int(),
    rowsDone: z.number().int(),
    preview: ImportPreview.nullable(),
    problems: z.array(ImportProblem),
    problemCount: z.number().int(),
    failure: MessageSchema.nullable(),
    createdAt: z.string(),
    committedAt: z.string().nullable(),
  })
  .meta({ id: 'ImportJob' });
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportUploadQuery = z.object({ sheet: ImportSheet.optional() });
/** Which of the uploaded files to give back with its problems marked (their order in the upload). */
export const ProblemsFileQuery = z.object({ file: z.coerce.number().int().min(0).max(10).default(0) });
