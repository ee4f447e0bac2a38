import { z } from 'zod';
import { bilingual } from './messages.js';

const Choices = z.record(z.string().min(1).max(20), z.number().int().min(0).max(50));
const Case = z.enum(['a', 'b']).nullable().optional();
const Disqualified = z
  .object({ reason: z.string().trim().min(1).max(1000) })
  .nullable()
  .optional();
const VersionRef = z.string().trim().min(1).max(100).describe('Legal basis ("26/2026/QĐ-TTg") or its slug ("26-2026-qd-ttg")');
const SetRef = z.union([z.number().int().min(1), z.string().trim().min(1).max(100)]).describe('Set number (1–26) or code');

export const SheetInput = z.object({ choices: Choices, case: Case, disqualified: Disqualified });

/**
 * One member's sheet (`choices`), or a council's sheets (`members`). One object rather than a union,
 * so a mistake gets a message on its field instead of "matches no alternative".
 */
export const EvaluateBody = z
  .object({
    version: VersionRef,
    set: SetRef,
    choices: Choices.optional(),
    case: Case,
    disqualified: Disqualified,
    members: z.array(SheetInput).min(1).max(50).optional(),
    attendance: z
      .object({ councilSize: z.number().int().min(1).max(100), present: z.number().int().min(0).max(100).optional(), chairPresent: z.boolean() })
      .optional(),
  })
  .refine((b) => (b.choices === undefined) !== (b.members === undefined), {
    ...bilingual({
      vi: 'Gửi "choices" (một phiếu) hoặc "members" (các phiếu của hội đồng), không cả hai.',
      en: 'Send "choices" (one sheet) or "members" (a council’s sheets), not both.',
    }),
    path: ['choices'],
    when: () => true,
  });
export type EvaluateBody = z.infer<typeof EvaluateBody>;

const OptionRef = z.object({ index: z.number().int(), label: z.string(), points: z.number() });
const Parts = z.object({ A: z.number(), B: z.number(), C: z.number() });

export const NextStar = z.object({
  targetStar: z.number().int(),
  bandMin: z.number(),
  pointsMissing: z.number(),
  gates: z.array(
    z.object({
      star: z.number().int(),
      criterion: z.string(),
      criterionLabel: z.string(),
      required: OptionRef,
      currentPoints: z.number(),
      closingOptions: z.array(OptionRef.extend({ gain: z.number() })),
    }),
  ),
  pointGains: z.array(z.object({ criterion: z.string(), criterionLabel: z.string(), currentPoints: z.number(), best: OptionRef, gain: z.number() })),
});

export const FailedGate = z.object({
  star: z.number().int(),
  criterion: z.string(),
  criterionLabel: z.string(),
  required: OptionRef,
  /** The sheet's choice; null on a council result (see reachedBy). */
  chosen: OptionRef.nullable(),
  reachedBy: z.number().int().optional(),
  members: z.number().int().optional(),
  meanPoints: z.number().optional(),
});

export const EvaluationResult = z
  .object({
    legalBasis: z.string(),
    set: z.object({ number: z.number().int(), code: z.string(), name: z.string() }),
    /** A sheet's total, or the council's mean of totals (Art. 3.3, Decision 26/2026/QĐ-TTg). */
    total: z.number(),
    maxTotal: z.number(),
    parts: Parts,
    partDetails: z.array(z.object({ code: z.string(), label: z.string(), points: z.number(), maxPoints: z.number() })),
    bandStar: z.number().int(),
    star: z.number().int().nullable(),
    outcome: z.enum(['ranked', 'not-achieved', 'disqualified']),
    gatePolicy: z.enum(['cap', 'not-achieved']),
    certifiable: z.boolean(),
    recognisingLevel: z.enum(['province', 'ministry']).nullable(),
    failedGates: z.array(FailedGate),
    disqualified: z.boolean(),
    disqualificationReasons: z.array(z.string()),
    case: z.enum(['a', 'b']).nullable(),
    criteria: z.array(
      z.object({ code: z.string(), label: z.string(), part: z.string(), points: z.number(), maxPoints: z.number(), chosen: OptionRef.nullable() }),
    ),
    next: NextStar.nullable(),
    memberTotals: z.array(z.number()).optional(),
    spread: z.number().optional(),
    rescoreRequired: z.boolean().optional(),
    quorum: z
      .object({
        status: z.enum(['met', 'not-met', 'unknown']),
        councilSize: z.number().nullable(),
        present: z.number(),
        required: z.number().nullable(),
        chairPresent: z.boolean().nullable(),
      })
      .optional(),
    decisionReady: z.boolean().optional(),
  })
  .meta({ id: 'EvaluationResult' });
export type EvaluationResult = z.infer<typeof EvaluationResult>;

export const ScoringSettings = z
  .object({
    /** What a missed minimum does: cap the star (default) or "not achieved". */
    gatePolicy: z.enum(['cap', 'not-achieved']),
    /** Re-score when max − min of members' totals exceeds this (points). */
    spreadThreshold: z.number().min(0).max(100),
    /** Share of the council that must attend. */
    quorumRatio: z.number().gt(0).max(1),
    requireChair: z.boolean(),
    /** Fewest members who score that the province's council rules (Quy chế) allow. */
    minCouncilMembers: z.number().int().min(1).max(50).default(5),
  })
  .meta({ id: 'ScoringSettings' });
export type ScoringSettings = z.infer<typeof ScoringSettings>;
