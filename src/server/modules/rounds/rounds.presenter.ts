import type { z } from 'zod';
import type { Round } from '../../../contracts/evaluation.js';
import { roundStatus } from '../../../domain/evaluation/rounds.js';
import type { RoundWithCount } from './rounds.repository.js';

/** A round as the API gives it, with its status on `today` (a round follows its dates, Art. 5). */
export const presentRound = (r: RoundWithCount, today: string): z.infer<typeof Round> => ({
  id: r.id,
  level: r.level,
  provinceCode: r.provinceCode,
  year: r.year,
  number: r.number,
  name: r.name,
  proposalDeadline: r.proposalDeadline,
  resultDeadline: r.resultDeadline,
  legalBasis: r.legalBasis,
  status: roundStatus(r, today),
  dossierCount: r.dossierCount,
});
