import type { EvaluateBody, ScoringSettings } from '../../../contracts/scoring.js';
import { findSet, type CriteriaSet, type CriteriaVersion } from '../../../domain/criteria/index.js';
import { invalid } from '../../../domain/errors.js';
import { aggregateCouncil, scoreSheet, type ScoreSheet } from '../../../domain/scoring/index.js';
import { presentCouncilResult, presentSheetScore } from './scoring.presenter.js';

type SheetInput = { choices: Record<string, number>; case?: 'a' | 'b' | null | undefined; disqualified?: { reason: string } | null | undefined };

const toSheet = (s: SheetInput): ScoreSheet => ({
  choices: s.choices,
  ...(s.case ? { case: s.case } : {}),
  ...(s.disqualified ? { disqualified: s.disqualified } : {}),
});

/** Resolves a version and set named by a caller, with errors that say what exists. */
export function resolveSet(versions: readonly CriteriaVersion[], versionRef: string, setRef: string | number, slugOf: (basis: string) => string) {
  const version = versions.find((v) => v.legalBasis === versionRef || slugOf(v.legalBasis) === slugOf(versionRef));
  if (!version) {
    const known = versions.map((v) => v.legalBasis).join(', ');
    const m = { vi: `Không có bộ tiêu chí "${versionRef}" (hiện có: ${known}).`, en: `No criteria version "${versionRef}" (available: ${known}).` };
    throw invalid('unknown_criteria_version', m, { version: m });
  }
  const set = findSet(version, setRef);
  if (!set) {
    const m = { vi: `${version.legalBasis} không có bộ sản phẩm "${setRef}".`, en: `${version.legalBasis} has no set "${setRef}".` };
    throw invalid('unknown_criteria_set', m, { set: m });
  }
  return { version, set };
}

/** Stateless evaluation: one sheet, or a council's sheets aggregated (Art. 3, Decision 26/2026/QĐ-TTg). */
export function evaluate(version: CriteriaVersion, set: CriteriaSet, body: EvaluateBody, settings: ScoringSettings) {
  if (body.members) {
    return presentCouncilResult(aggregateCouncil(version, set, body.members.map(toSheet), settings, body.attendance));
  }
  return presentSheetScore(scoreSheet(version, set, toSheet({ ...body, choices: body.choices ?? {} }), { gatePolicy: settings.gatePolicy }));
}
