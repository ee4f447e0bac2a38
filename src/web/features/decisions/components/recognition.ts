import { checkRecognisedStar } from '../../../../domain/evaluation/recognition.js';
import { isApiError } from '../../../lib/api/client.js';

export type ProvinceStar = 3 | 4;

/**
 * The stars the province may recognise for a council score (Art. 4.1): 3★ from 50, 4★ from 70 points,
 * never 5★ (the ministry's), highest first. The same rule the server applies (checkRecognisedStar).
 */
export function recognisableStars(score: number | null): ProvinceStar[] {
  return ([4, 3] as const).filter((star) => checkRecognisedStar('province', star, score).ok);
}

/** What the form proposes: the highest star the band allows, or "not recognised". */
export const proposedStar = (score: number | null): ProvinceStar | null => recognisableStars(score)[0] ?? null;

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
