import type { EvaluationResult } from '../../../contracts/scoring.js';
import type { PartCode } from '../../../domain/criteria/index.js';
import type { CouncilResult, NextStarAdvice, SheetScore } from '../../../domain/scoring/index.js';

const partsOf = (parts: ReadonlyArray<{ code: PartCode; points?: number; meanPoints?: number }>) =>
  Object.fromEntries(parts.map((p) => [p.code, p.points ?? p.meanPoints ?? 0])) as EvaluationResult['parts'];

function presentNext(next: NextStarAdvice | null): EvaluationResult['next'] {
  if (!next) return null;
  return {
    ...next,
    gates: next.gates.map((g) => ({ ...g, closingOptions: [...g.closingOptions] })),
    pointGains: [...next.pointGains],
  };
}

/** One sheet's score as the API and the `ocop score` command present it. */
export function presentSheetScore(s: SheetScore): EvaluationResult {
  return {
    legalBasis: s.legalBasis,
    set: s.set,
    total: s.total,
    maxTotal: s.maxTotal,
    parts: partsOf(s.parts),
    partDetails: s.parts.map((p) => ({ code: p.code, label: p.label, points: p.points, maxPoints: p.maxPoints })),
    bandStar: s.bandStar,
    star: s.star,
    outcome: s.outcome,
    gatePolicy: s.gatePolicy,
    certifiable: s.certifiable,
    recognisingLevel: s.recognisingLevel,
    failedGates: s.failedGates.map((g) => ({ star: g.star, criterion: g.criterion, criterionLabel: g.criterionLabel, required: g.required, chosen: g.chosen })),
    disqualified: s.disqualified !== null,
    disqualificationReasons: s.disqualified ? [s.disqualified.reason] : [],
    case: s.case,
    criteria: s.criteria.map((c) => ({ code: c.code, label: c.label, part: c.part, points: c.points, maxPoints: c.maxPoints, chosen: c.chosen })),
    next: presentNext(s.next),
  };
}

/** A council's aggregated result: the mean of the members' totals and the decision on it. */
export function presentCouncilResult(r: CouncilResult): EvaluationResult {
  return {
    legalBasis: r.legalBasis,
    set: r.set,
    total: r.score,
    maxTotal: r.parts.reduce((n, p) => n + p.maxPoints, 0),
    parts: partsOf(r.parts),
    partDetails: r.parts.map((p) => ({ code: p.code, label: p.label, points: p.meanPoints, maxPoints: p.maxPoints })),
    bandStar: r.bandStar,
    star: r.star,
    outcome: r.outcome,
    gatePolicy: r.gatePolicy,
    certifiable: r.certifiable,
    recognisingLevel: r.recognisingLevel,
    failedGates: r.failedGates.map((g) => ({
      star: g.star,
      criterion: g.criterion,
      criterionLabel: g.criterionLabel,
      required: g.required,
      chosen: null,
      reachedBy: g.reachedBy,
      members: g.members,
      meanPoints: g.meanPoints,
    })),
    disqualified: r.disqualified !== null,
    disqualificationReasons: r.disqualified?.reasons.map((d) => d.reason) ?? [],
    case: null,
    criteria: r.criteria.map((c) => ({ code: c.code, label: c.label, part: c.part, points: c.meanPoints, maxPoints: c.maxPoints, chosen: null })),
    next: presentNext(r.next),
    memberTotals: [...r.memberTotals],
    spread: r.spread,
    rescoreRequired: r.rescoreRequired,
    quorum: {
      status: r.quorum.status,
      councilSize: r.quorum.councilSize,
      present: r.quorum.present,
      required: r.quorum.required,
      chairPresent: r.quorum.chairPresent,
    },
    decisionReady: r.decisionReady,
  };
}
