import { z } from 'zod';
import { CERTIFICATE_STATUSES } from '../domain/certificates/validity.js';
import { DOSSIER_KINDS, DOSSIER_STATES } from '../domain/evaluation/dossier-workflow.js';
import { IsoDate, MessageSchema } from './common.js';

/** People's own first pages: a producer's products and what to do next, a council member's sheets. */

export const NextStep = z.object({
  code: z.string(),
  tone: z.enum(['act', 'warn', 'wait', 'info']),
  message: MessageSchema,
  window: z.object({ opens: IsoDate, closes: IsoDate }).optional(),
});

export const ProducerHomeProduct = z.object({
  id: z.uuid(),
  name: z.string(),
  ocopCode: z.string().nullable(),
  /** The product's current certificate (the latest not replaced), with its standing on the day. */
  certificate: z
    .object({
      id: z.uuid(),
      number: z.string(),
      star: z.number().int(),
      issuedOn: IsoDate,
      expiresOn: IsoDate,
      status: z.enum(CERTIFICATE_STATUSES),
      standing: z.enum(['valid', 'falling_due', 'expired']),
    })
    .nullable(),
  /** Its open dossier, or else its latest. */
  dossier: z
    .object({
      id: z.uuid(),
      kind: z.enum(DOSSIER_KINDS),
      state: z.enum(DOSSIER_STATES),
      missingPapers: z.array(MessageSchema),
      openQuestions: z.number().int(),
    })
    .nullable(),
  nextStep: NextStep,
});

export const ProducerHome = z.object({
  today: IsoDate,
  subject: z.object({ id: z.uuid(), name: z.string() }),
  products: z.array(ProducerHomeProduct),
});

/** `to_declare`: the member declares a conflict of interest (or none) first; the sheet opens only then. */
export const COUNCIL_SHEET_STATES = ['to_declare', 'to_fill', 'draft', 'locked', 'excused'] as const;

export const CouncilHomeSession = z.object({
  id: z.uuid(),
  title: z.string(),
  councilName: z.string(),
  position: z.enum(['chair', 'vice_chair', 'member', 'secretary']),
  mode: z.enum(['meeting', 'written']),
  heldOn: IsoDate,
  /** The day the member's sheets are due: the written opinions' deadline, or the meeting's day. */
  dueOn: IsoDate,
  status: z.enum(['open', 'closed']),
  dossiers: z.array(
    z.object({
      dossierId: z.uuid(),
      productName: z.string(),
      subjectName: z.string(),
      scoringRound: z.number().int(),
      /** The member's own sheet for the dossier's current round: to declare first, to fill, a draft, locked, or not theirs to fill. */
      sheet: z.enum(COUNCIL_SHEET_STATES),
    }),
  ),
});

export const CouncilHome = z.object({
  today: IsoDate,
  sessions: z.array(CouncilHomeSession),
});
