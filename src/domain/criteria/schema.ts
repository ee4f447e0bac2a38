import { z } from 'zod';
import type { CriteriaSet, CriteriaVersion, CriterionNode, CriterionOption, MinStar, Star } from './types.js';

/**
 * The shape of a criteria file in `data/criteria/*.json` (snake_case, `sections`, `is_scorable`), as
 * first written from the 26/2026 transcript. The schema checks structure only; arithmetic (sums to
 * the maxima, 100 in all) and marker values are checked in `validate.ts` so that every problem can be
 * reported with a readable path instead of stopping at the first type error.
 */

export const CriterionOptionFileSchema = z.object({
  label: z.string().min(1),
  points: z.number().finite(),
  /** Checked against {3, 4, 5} in validate.ts so a wrong marker is reported with its criterion. */
  min_star: z.number().nullable(),
  case: z.enum(['a', 'b']).optional(),
});

export interface CriterionFile {
  code: string;
  label: string;
  max_score: number;
  requirement_note?: string | null | undefined;
  options_note?: string | null | undefined;
  options_note_en?: string | null | undefined;
  is_scorable: boolean;
  options: z.infer<typeof CriterionOptionFileSchema>[];
  children: CriterionFile[];
}

export const CriterionFileSchema: z.ZodType<CriterionFile> = z.object({
  code: z.string().min(1),
  label: z.string().min(1),
  max_score: z.number().finite(),
  requirement_note: z.string().nullish(),
  options_note: z.string().nullish(),
  options_note_en: z.string().nullish(),
  is_scorable: z.boolean(),
  options: z.array(CriterionOptionFileSchema),
  get children() {
    return z.array(CriterionFileSchema);
  },
});

export const SectionFileSchema = z.object({
  code: z.enum(['A', 'B', 'C']),
  label: z.string().min(1),
  max_score: z.number().finite(),
  criteria: z.array(CriterionFileSchema),
});

export const CriteriaSetFileSchema = z.object({
  number: z.number().int().positive(),
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9, hyphens)'),
  name: z.string().min(1),
  sector: z.string(),
  sector_en: z.string().optional(),
  group: z.string(),
  leadMinistry: z.string(),
  leadMinistry_en: z.string().optional(),
  disqualifiers: z.array(z.string()),
  sections: z.array(SectionFileSchema),
});

const StarSchema = z.number().int().min(1).max(5);

export const StarBandFileSchema = z.object({
  star: StarSchema,
  min: z.number().finite(),
  max: z.number().finite(),
  maxInclusive: z.boolean().optional(),
});

export const CriteriaVersionFileSchema = z.object({
  legalBasis: z.string().min(1),
  title: z.string().min(1),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date (YYYY-MM-DD)'),
  partMaxima: z.object({ A: z.number().finite(), B: z.number().finite(), C: z.number().finite() }),
  starBands: z.array(StarBandFileSchema).min(1),
  certifiedStars: z.array(StarSchema),
  notes: z.array(z.string()).default([]),
  sets: z.array(CriteriaSetFileSchema).min(1),
});

export type CriteriaVersionFile = z.infer<typeof CriteriaVersionFileSchema>;
export type CriteriaSetFile = z.infer<typeof CriteriaSetFileSchema>;

/** Empty or whitespace-only notes carry no information; the domain uses null for "no note". */
function note(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

function toOption(o: z.infer<typeof CriterionOptionFileSchema>): CriterionOption {
  return {
    label: o.label.trim(),
    points: o.points,
    // The value is range-checked in validate.ts; the cast only narrows the type for the domain.
    minStar: o.min_star === null ? null : (o.min_star as MinStar),
    case: o.case ?? null,
  };
}

/**
 * The file marks leaves with `is_scorable`; the domain distinguishes them by `kind`. A node that is
 * scorable keeps its options (and validate.ts flags stray children); otherwise it is a group.
 */
function toNode(c: CriterionFile): CriterionNode {
  if (c.is_scorable) {
    return {
      kind: 'criterion',
      code: c.code.trim(),
      label: c.label.trim(),
      maxPoints: c.max_score,
      requirementNote: note(c.requirement_note),
      optionsNote: note(c.options_note),
      optionsNoteEn: note(c.options_note_en),
      options: c.options.map(toOption),
    };
  }
  return {
    kind: 'group',
    code: c.code.trim(),
    label: c.label.trim(),
    maxPoints: c.max_score,
    requirementNote: note(c.requirement_note),
    children: c.children.map(toNode),
  };
}

function toSet(s: CriteriaSetFile): CriteriaSet {
  return {
    number: s.number,
    code: s.code,
    name: s.name.trim(),
    sector: s.sector.trim(),
    sectorEn: s.sector_en?.trim() ?? '',
    productGroup: s.group.trim(),
    leadMinistry: s.leadMinistry.trim(),
    leadMinistryEn: s.leadMinistry_en?.trim() ?? '',
    disqualifiers: s.disqualifiers.map((d) => d.trim()).filter((d) => d.length > 0),
    parts: s.sections.map((p) => ({
      code: p.code,
      label: p.label.trim(),
      maxPoints: p.max_score,
      items: p.criteria.map(toNode),
    })),
  };
}

/** Converts a structurally valid file into the domain shape (no arithmetic checks here). */
export function toCriteriaVersion(file: CriteriaVersionFile): CriteriaVersion {
  return {
    legalBasis: file.legalBasis.trim(),
    title: file.title.trim(),
    effectiveFrom: file.effectiveFrom,
    partMaxima: { A: file.partMaxima.A, B: file.partMaxima.B, C: file.partMaxima.C },
    starBands: file.starBands.map((b) => ({
      star: b.star as Star,
      min: b.min,
      max: b.max,
      maxInclusive: b.maxInclusive ?? false,
    })),
    certifiedStars: file.certifiedStars.map((s) => s as Star),
    notes: file.notes,
    sets: file.sets.map(toSet),
  };
}
