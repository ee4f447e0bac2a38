import { z } from 'zod';

export const CriteriaVersionSummary = z
  .object({
    legalBasis: z.string(),
    slug: z.string(),
    title: z.string(),
    effectiveFrom: z.string(),
    partMaxima: z.object({ A: z.number(), B: z.number(), C: z.number() }),
    inForce: z.boolean(),
    source: z.enum(['builtin', 'import']),
    /** `sector` is Vietnamese, `sectorEn` its English twin (empty when the file gives none). */
    sets: z.array(
      z.object({ number: z.number().int(), code: z.string(), name: z.string(), sector: z.string(), sectorEn: z.string(), productGroup: z.string() }),
    ),
  })
  .meta({ id: 'CriteriaVersionSummary' });

const OptionSchema = z.object({ label: z.string(), points: z.number(), minStar: z.number().int().nullable(), case: z.enum(['a', 'b']).nullable() });
type Node =
  | {
      kind: 'criterion';
      code: string;
      label: string;
      maxPoints: number;
      requirementNote: string | null;
      optionsNote: string | null;
      optionsNoteEn: string | null;
      options: z.infer<typeof OptionSchema>[];
    }
  | { kind: 'group'; code: string; label: string; maxPoints: number; requirementNote: string | null; children: Node[] };
const NodeSchema: z.ZodType<Node> = z.lazy(() =>
  z.union([
    z.object({
      kind: z.literal('criterion'),
      code: z.string(),
      label: z.string(),
      maxPoints: z.number(),
      requirementNote: z.string().nullable(),
      optionsNote: z.string().nullable(),
      optionsNoteEn: z.string().nullable(),
      options: z.array(OptionSchema),
    }),
    z.object({
      kind: z.literal('group'),
      code: z.string(),
      label: z.string(),
      maxPoints: z.number(),
      requirementNote: z.string().nullable(),
      children: z.array(NodeSchema),
    }),
  ]),
);

/** One criteria set in full, with its version's header: everything a sheet needs to score in the browser. */
export const CriteriaSetDetail = z
  .object({
    version: z.object({
      legalBasis: z.string(),
      slug: z.string(),
      title: z.string(),
      effectiveFrom: z.string(),
      partMaxima: z.object({ A: z.number(), B: z.number(), C: z.number() }),
      starBands: z.array(z.object({ star: z.number().int(), min: z.number(), max: z.number(), maxInclusive: z.boolean() })),
      certifiedStars: z.array(z.number().int()),
      notes: z.array(z.string()),
    }),
    set: z.object({
      number: z.number().int(),
      code: z.string(),
      name: z.string(),
      sector: z.string(),
      sectorEn: z.string(),
      productGroup: z.string(),
      leadMinistry: z.string(),
      leadMinistryEn: z.string(),
      disqualifiers: z.array(z.string()),
      parts: z.array(z.object({ code: z.enum(['A', 'B', 'C']), label: z.string(), maxPoints: z.number(), items: z.array(NodeSchema) })),
    }),
  })
  .meta({ id: 'CriteriaSetDetail' });
export type CriteriaSetDetail = z.infer<typeof CriteriaSetDetail>;

export const CriteriaSetParams = z.object({ version: z.string().min(1).max(100), set: z.string().min(1).max(100) });
