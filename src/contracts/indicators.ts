import { z } from 'zod';
import { MessageSchema } from './common.js';

export const IndicatorDefinition = z
  .object({
    code: z.string(),
    group: z.string(),
    name: MessageSchema,
    definition: MessageSchema,
    unit: z.string(),
    tracked: z.boolean(),
    breakdown: z.string().nullable(),
  })
  .meta({ id: 'IndicatorDefinition' });

export const IndicatorValue = z.object({
  code: z.string(),
  /** Null when the indicator is not tracked by the platform yet. */
  value: z.number().nullable(),
  target: z.number().nullable(),
  /** Breakdown key (legal form, star, criteria set) → value. */
  breakdown: z.record(z.string(), z.number()).nullable(),
});

export const IndicatorQuery = z.object({
  year: z.coerce.number().int().min(2018).max(2100),
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
});

export const IndicatorValues = z
  .object({ year: z.number().int(), provinceCode: z.string(), communeCode: z.string().nullable(), values: z.array(IndicatorValue) })
  .meta({ id: 'IndicatorValues' });

export const DashboardQuery = z.object({ year: z.coerce.number().int().min(2018).max(2100) });

/** Everything the dashboard draws for one year, in one call. */
export const Dashboard = z
  .object({
    year: z.number().int(),
    provinceCode: z.string(),
    indicators: z.array(IndicatorValue),
    /** Products recognised in the year by criteria set and star. */
    productsBySetAndStar: z.array(
      z.object({ setNumber: z.number().int().nullable(), setName: z.string().nullable(), star: z.number().int(), products: z.number().int() }),
    ),
    /** Per commune of the province: recognised products in the year, OCOP products (valid certificates at year end), producers. */
    communes: z.array(
      z.object({
        communeCode: z.string(),
        name: z.string(),
        recognised: z.number().int(),
        certified: z.number().int(),
        subjects: z.number().int(),
        target: z.number().nullable(),
      }),
    ),
    /** Producers with a valid certificate at year end, by legal form. */
    subjectsByLegalForm: z.array(z.object({ legalForm: z.string(), subjects: z.number().int() })),
    /** Certificates falling due: per month of the next 12 months from the start of the year, by expiry month. */
    certificatesDue: z.array(z.object({ month: z.string(), certificates: z.number().int() })),
    /** Listings per sales platform; empty until the platform records listings. */
    listingsByPlatform: z.array(z.object({ platform: z.string(), listings: z.number().int() })),
  })
  .meta({ id: 'Dashboard' });
export type Dashboard = z.infer<typeof Dashboard>;

export const AnnualReportQuery = z.object({
  year: z.coerce.number().int().min(2018).max(2100),
  format: z.enum(['json', 'docx', 'xlsx']).default('json'),
});

/** The annual report's figures (part I of the province's plan). */
export const AnnualReport = z
  .object({
    year: z.number().int(),
    provinceCode: z.string(),
    provinceName: z.string(),
    evaluated: z.object({
      products: z.number().int(),
      firstTime: z.number().int(),
      upgrade: z.number().int(),
      reRating: z.number().int(),
      subjects: z.number().int(),
    }),
    subjects: z.object({ new: z.number().int(), returning: z.number().int() }),
    recognized: z.object({
      products: z.number().int(),
      subjects: z.number().int(),
      byStar: z.object({ '3': z.number().int(), '4': z.number().int(), '5': z.number().int() }),
      byLegalForm: z.record(z.string(), z.number().int()),
    }),
    scoreAtLeast90: z.number().int(),
    certificates: z.object({ valid: z.number().int(), expiring: z.number().int(), lapsed: z.number().int(), revoked: z.number().int() }),
    /** Cumulative: products holding a valid certificate at year end, by star. */
    cumulative: z.object({
      products: z.number().int(),
      subjects: z.number().int(),
      byStar: z.object({ '3': z.number().int(), '4': z.number().int(), '5': z.number().int() }),
    }),
    /** Every indicator of the catalogue with its plan target (null when the plan sets none). */
    indicators: z.array(z.object({ code: z.string(), name: MessageSchema, unit: z.string(), value: z.number().nullable(), target: z.number().nullable() })),
    byCommune: z.array(z.object({ communeCode: z.string(), name: z.string(), evaluated: z.number().int(), recognised: z.number().int() })),
  })
  .meta({ id: 'AnnualReport' });
export type AnnualReport = z.infer<typeof AnnualReport>;
