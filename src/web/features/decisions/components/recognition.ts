import { goesToMinistry } from '../../../../domain/evaluation/dossier-workflow.js';
import { checkRecognisedStar } from '../../../../domain/evaluation/recognition.js';
import { isApiError } from '../../../lib/api/client.js';

/**
 * The three decisions a dossier may wait for: the province's 3–4★ recognition, the province's
 * approval of a 90-point result for the ministry (Art. 7.3e), and the ministry's 5★ (Art. 7.4).
 */
export type DecisionMode = 'recognition' | 'approval' | 'ministry';
export const DECISION_MODES: readonly DecisionMode[] = ['recognition', 'approval', 'ministry'];
export type RecognisedStar = 3 | 4 | 5;

/** What a decision reads of a dossier: its state, both councils' results and any star already recognised. */
export type DecidableDossier = {
  state: string;
  councilScore: number | null;
  councilStar: number | null;
  centralScore: number | null;
  centralStar: number | null;
  decidedStar: number | null;
  availableActions: readonly string[];
};

/** A council's result: its mean score and the star its sheets earned after the minimum-star gates. */
export type CouncilOutcome = { score: number | null; star: number | null };

/** The step each decision takes on a dossier (the server lists it in `availableActions` when the user may take it). */
const STEP: Record<DecisionMode, string> = { recognition: 'decide', approval: 'approve', ministry: 'ministry_decide' };

export const levelOf = (mode: DecisionMode): 'province' | 'ministry' => (mode === 'ministry' ? 'ministry' : 'province');
export const kindOf = (mode: DecisionMode): 'recognition' | 'approval' => (mode === 'approval' ? 'approval' : 'recognition');

/**
 * The decision the dossier waits for: the ministry's for a result of its central council; for a
 * provincial result, the approval at 90 points with the 5★ minimums met (goesToMinistry), else a
 * recognition; after a ministry that did not give 5★, the province's recognition on the central result.
 */
export function modeOf(d: DecidableDossier): DecisionMode | null {
  const mode: DecisionMode | null =
    d.state === 'central_scored'
      ? 'ministry'
      : d.state === 'scored'
        ? goesToMinistry(d.councilScore, d.councilStar)
          ? 'approval'
          : 'recognition'
        : d.state === 'ministry_decided' && d.decidedStar !== 5
          ? 'recognition'
          : null;
  return mode && d.availableActions.includes(STEP[mode]) ? mode : null;
}

/** Whether the decision rests on the central council's result (the ministry's, and the province's after it). */
export const restsOnCentral = (d: Pick<DecidableDossier, 'state'>) => d.state === 'central_scored' || d.state === 'ministry_decided';

/** The council result a decision on the dossier rests on. */
export const outcomeOf = (d: DecidableDossier): CouncilOutcome =>
  restsOnCentral(d) ? { score: d.centralScore, star: d.centralStar } : { score: d.councilScore, star: d.councilStar };

/**
 * The stars a decision may recognise (Art. 4.1), highest first — the server's rule
 * (checkRecognisedStar): the province 3★ from 50 and 4★ from 70 points, the ministry 5★ from 90;
 * never above the council's star after its minimum-star gates. An approval gives no star.
 */
export function recognisableStars(mode: DecisionMode, outcome: CouncilOutcome): RecognisedStar[] {
  if (mode === 'approval') return [];
  const stars: readonly RecognisedStar[] = mode === 'ministry' ? [5] : [4, 3];
  return stars.filter((star) => checkRecognisedStar(levelOf(mode), star, outcome.score, outcome.star).ok);
}

/** What the form proposes: the highest star allowed, or "not recognised" (null, as for an approval). */
export const proposedStar = (mode: DecisionMode, outcome: CouncilOutcome): RecognisedStar | null => recognisableStars(mode, outcome)[0] ?? null;

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
