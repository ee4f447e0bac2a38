import { z } from 'zod';
import { MessageSchema } from './common.js';
import { Funnel } from './programme.js';

export const IndicatorDefinition = z
  .object({
    code: z.string(),
    group: z.string(),
    name: MessageSchema,
    definition: MessageSchema,
    unit: z.string(),
    /** What the breakdown's keys are (legal form, star, platform…), when the figure has one. */
    breakdown: z.string().nullable(),
  })
  .meta({ id: 'IndicatorDefinition' });

export const IndicatorValue = z.object({
  code: z.string(),
  /** Null only for a share of nothing (no producer holds a recognition at year end). */
  value: z.number().nullable(),
  target: z.number().nullable(),
  /** Breakdown key (legal form, star, criteria set, platform, kind…) → value. */
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
    /**
     * Products listed at year end per sales platform: approved, active e-commerce listings by platform
     * (ECOMMERCE_PLATFORMS), then chain listings by channel (DISTRIBUTION_CHANNELS); most first.
     */
    listingsByPlatform: z.array(z.object({ channel: z.enum(['ecommerce', 'chain']), platform: z.string(), listings: z.number().int() })),
    /** The ideas of the year and how far they went (GET /indicators/funnel for the same area). */
    funnel: Funnel,
  })
  .meta({ id: 'Dashboard' });
export type Dashboard = z.infer<typeof Dashboard>;

export const AnnualReportQuery = z.object({
  year: z.coerce.number().int().min(2018).max(2100),
  format: z.enum(['json', 'docx', 'xlsx']).default('json'),
});

/** Counts by the code of a kind (communication kind, platform, channel…). */
const Counts = z.record(z.string(), z.number().int());

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
    /** Section 2: communication items of the year (quantities by COMMUNICATION_KINDS) and training. */
    communication: z.object({ items: z.number().int(), byKind: Counts }),
    training: z.object({ courses: z.number().int(), people: z.number().int(), producers: z.number().int() }),
    /** Section 4: the funnel of the year's ideas, and the support paid against the year's policies, by area (SUPPORT_AREAS). */
    development: z.object({ funnel: Funnel.shape.total, businessPlans: z.number().int() }),
    support: z.object({
      budgetVnd: z.number().int(),
      grantedVnd: z.number().int(),
      grants: z.number().int(),
      subjects: z.number().int(),
      byArea: z.array(z.object({ area: z.string(), budgetVnd: z.number().int(), grantedVnd: z.number().int(), grants: z.number().int() })),
    }),
    /** Section 6: sales points open at year end, listings, shares of producers, and the year's trade events. */
    trade: z.object({
      salesPoints: z.object({ total: z.number().int(), outside: z.number().int(), byKind: Counts }),
      chainListings: z.object({ total: z.number().int(), byChannel: Counts }),
      ecommerceListings: z.object({ total: z.number().int(), byPlatform: Counts }),
      /** Percent of the producers holding a recognition at year end; null when none does. */
      modernChannelsShare: z.number().nullable(),
      ecommerceShare: z.number().nullable(),
      fairs: z.object({
        events: z.number().int(),
        producers: z.number().int(),
        visitors: z.number().int(),
        revenueVnd: z.number().int(),
        contracts: z.number().int(),
        byKind: Counts,
      }),
      events: z.array(
        z.object({
          name: z.string(),
          kind: z.string(),
          startsOn: z.string(),
          endsOn: z.string(),
          placement: z.string(),
          /** Where it was held, in words: the place recorded, else the commune, the other province or the country. */
          place: z.string().nullable(),
          producers: z.number().int(),
          visitors: z.number().int().nullable(),
          revenueVnd: z.number().int().nullable(),
          contracts: z.number().int().nullable(),
        }),
      ),
    }),
  })
  .meta({ id: 'AnnualReport' });
export type AnnualReport = z.infer<typeof AnnualReport>;
