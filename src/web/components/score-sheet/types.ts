import type { z } from 'zod';
import type { EvaluationResult } from '../../../contracts/scoring.js';
import type { DraftProgressSchema } from '../../../contracts/self-assessments.js';

/** The server's running score of a sheet being filled in (a self-assessment or a council member's sheet). */
export type SheetProgress = z.infer<typeof DraftProgressSchema>;
/** The engine's verdict on a fully answered sheet, or a council's result. */
export type SheetResult = z.infer<typeof EvaluationResult>;
