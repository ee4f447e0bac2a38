import { z } from 'zod';
import { EvaluationResult } from './scoring.js';

export const SELF_ASSESSMENT_STATUSES = ['draft', 'completed'] as const;

export const Evidence = z.object({
  id: z.uuid(),
  criterionCode: z.string(),
  kind: z.enum(['file', 'link']),
  /** The link itself, or the download address of the file. */
  url: z.string(),
  filename: z.string().nullable(),
  mimeType: z.string().nullable(),
  bytes: z.number().int().nullable(),
  createdAt: z.string(),
});

export const DraftProgressSchema = z.object({
  answered: z.number().int(),
  of: z.number().int(),
  missing: z.array(z.string()),
  total: z.number(),
  maxTotal: z.number(),
  parts: z.array(z.object({ code: z.string(), points: z.number(), maxPoints: z.number() })),
  groups: z.array(z.object({ code: z.string(), points: z.number(), maxPoints: z.number() })),
  bandStar: z.number().int(),
  case: z.enum(['a', 'b']).nullable(),
});

export const SelfAssessmentSummary = z
  .object({
    id: z.uuid(),
    productId: z.uuid(),
    legalBasis: z.string(),
    versionSlug: z.string(),
    setNumber: z.number().int(),
    setName: z.string(),
    status: z.enum(SELF_ASSESSMENT_STATUSES),
    total: z.number().nullable(),
    star: z.number().int().nullable(),
    completedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SelfAssessmentSummary' });

export const SelfAssessment = SelfAssessmentSummary.extend({
  productName: z.string(),
  ocopCode: z.string().nullable(),
  subjectName: z.string(),
  case: z.enum(['a', 'b']).nullable(),
  choices: z.record(z.string(), z.number().int()),
  notes: z.record(z.string(), z.string()),
  generalNote: z.string().nullable(),
  evidence: z.array(Evidence),
  progress: DraftProgressSchema,
  /** The engine's full result once every criterion is answered. */
  result: EvaluationResult.nullable(),
  canEdit: z.boolean(),
}).meta({ id: 'SelfAssessment' });
export type SelfAssessment = z.infer<typeof SelfAssessment>;

export const SelfAssessmentCreateBody = z.object({
  /** Defaults to the product's criteria set. */
  setNumber: z.number().int().min(1).max(99).optional(),
  /** Defaults to the version in force. */
  version: z.string().max(100).optional(),
});

export const SelfAssessmentUpdateBody = z.object({
  choices: z.record(z.string().min(1).max(20), z.number().int().min(0).max(50)),
  case: z.enum(['a', 'b']).nullable().optional(),
  notes: z.record(z.string().min(1).max(20), z.string().max(2000)).default({}),
  generalNote: z.string().trim().max(5000).nullable().optional(),
});

export const EvidenceLinkBody = z.object({
  criterionCode: z.string().min(1).max(20),
  url: z.url({ protocol: /^https?$/ }).max(2000),
});

export const SelfAssessmentParams = z.object({ id: z.uuid() });
export const EvidenceParams = z.object({ id: z.uuid(), evidenceId: z.uuid() });
