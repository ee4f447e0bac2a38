import { z } from 'zod';

/** `GET /indicators/national`: the year of the evaluation figures (this year in Vietnam when absent). */
export const NationalQuery = z.object({ year: z.coerce.number().int().min(2018).max(2100).optional() });

const Stars = z.object({ '3': z.number().int(), '4': z.number().int(), '5': z.number().int() });

/** Certificates on the day, by their status (certificateStatus, src/domain/certificates/validity.ts). */
const CertificateFigures = z.object({
  /** In force: valid, due for re-rating, expiring or extended (isInForce). */
  inForce: z.number().int(),
  inForceByStar: Stars,
  valid: z.number().int(),
  /** Inside the re-rating window (180 to 120 days before expiry, Art. 7.6). */
  dueForRerating: z.number().int(),
  /** After the window, up to the expiry date. */
  expiring: z.number().int(),
  /** Past expiry, held by a late re-rating still pending (Art. 12.3). */
  extended: z.number().int(),
  expired: z.number().int(),
  revoked: z.number().int(),
  superseded: z.number().int(),
});

/** The figures of one province, or the country's totals. */
const Figures = z.object({
  /** Products evaluated in the year, each once with its last result at a level able to recognise it. */
  evaluated: z.number().int(),
  evaluatedByKind: z.object({ first: z.number().int(), upgrade: z.number().int(), rerating: z.number().int() }),
  /** Of those, recognised 3★ or more, by star. */
  recognised: z.number().int(),
  recognisedByStar: Stars,
  /** Recognised in the year per criteria set number ('0': none recorded). */
  recognisedBySet: z.record(z.string(), z.number().int()),
  certificates: CertificateFigures,
  /** Producers holding at least one certificate in force on the day. */
  producersCertified: z.number().int(),
  /** Dossiers of the province's current round (currentRound), by state. */
  dossiers: z.object({ total: z.number().int(), byState: z.record(z.string(), z.number().int()) }),
});

export const NationalProvince = Figures.extend({
  provinceCode: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** The province's current round: the one whose dossiers are counted. */
  round: z.object({ id: z.string(), name: z.string(), year: z.number().int(), number: z.number().int(), resultDeadline: z.string() }).nullable(),
});

export const NationalFigures = z
  .object({
    year: z.number().int(),
    /** The day the certificates' and producers' standing is read on (Vietnam). */
    asOf: z.string(),
    provinces: z.array(NationalProvince),
    totals: Figures,
  })
  .meta({ id: 'NationalFigures' });
export type NationalFigures = z.infer<typeof NationalFigures>;
export type NationalProvince = z.infer<typeof NationalProvince>;
