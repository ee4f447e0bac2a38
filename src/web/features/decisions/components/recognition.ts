import { checkRecognisedStar } from '../../../../domain/evaluation/recognition.js';
import { isApiError } from '../../../lib/api/client.js';

export type ProvinceStar = 3 | 4;

/** What the council gave a dossier: its mean score and, when scored here, the star after the minimum-star gates. */
export type CouncilOutcome = { councilScore: number | null; councilStar: number | null };

/**
 * The stars the province may recognise (Art. 4.1): 3★ from 50, 4★ from 70 points, never above the
 * council's star, never 5★ (the ministry's), highest first — the server's rule (checkRecognisedStar).
 */
export function recognisableStars(d: CouncilOutcome): ProvinceStar[] {
  return ([4, 3] as const).filter((star) => checkRecognisedStar('province', star, d.councilScore, d.councilStar).ok);
}

/** What the form proposes: the highest star allowed, or "not recognised". */
export const proposedStar = (d: CouncilOutcome): ProvinceStar | null => recognisableStars(d)[0] ?? null;

const ITEM_FIELD = /^items\.(\d+)\.(star|dossierId)$/u;

/** The server's messages per item (`items.N.star`), keyed by the dossier of the N-th item sent. */
export function itemErrors(error: unknown, sent: readonly { dossierId: string }[]): Record<string, string> {
  if (!isApiError(error)) return {};
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fields)) {
    const match = ITEM_FIELD.exec(field);
    const dossierId = match ? sent[Number(match[1])]?.dossierId : undefined;
    if (dossierId) out[dossierId] ??= message;
  }
  return out;
}
