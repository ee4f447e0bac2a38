import type { Message } from '../errors.js';
import type { CaseKey, CriteriaSet, CriteriaVersion, MinStar, PartCode } from '../criteria/types.js';
import { adviseNextStar, optionRef } from './advice.js';
import { decideStar, starForTotal } from './bands.js';
import { compileSet, type CompiledGate } from './compiled.js';
import { ScoringInputError, type ScoringIssue } from './errors.js';
import { gateCeilingOf, readSheet, scoreChoices, type ReadSheet } from './score-sheet.js';
import type { GatePolicy, NextStarAdvice, OptionRef, ScoreSheet, SheetScore, StarDecision } from './types.js';

/**
 * Council rules. The decision fixes only that the rank follows "tổng điểm trung bình", the mean of
 * the members' totals (Art. 3.3, Decision 26/2026/QĐ-TTg); spread and quorum are left to each
 * council's rules (Quy chế). The defaults are the provincial practice documented in ocop-rules.md
 * §7.1 (Tây Ninh, Đồng Tháp): members' totals may not differ by more than 10 points, otherwise the
 * council discusses and re-scores; a meeting needs at least 3/4 of the members, the chair included.
 */
export interface CouncilSettings {
  /** Re-score when max − min of the members' totals is strictly greater than this. */
  readonly spreadThreshold: number;
  /** Share of the council that must attend, in (0, 1]. */
  readonly quorumRatio: number;
  readonly requireChair: boolean;
  readonly gatePolicy: GatePolicy;
}

export const DEFAULT_COUNCIL_SETTINGS: CouncilSettings = {
  spreadThreshold: 10,
  quorumRatio: 0.75,
  requireChair: true,
  gatePolicy: 'cap',
};

export interface CouncilAttendance {
  /** Members appointed to the council. */
  readonly councilSize: number;
  /** Members present; defaults to the number of sheets (everyone present scored). */
  readonly present?: number;
  readonly chairPresent: boolean;
}

export interface QuorumCheck {
  /** 'unknown' when no attendance was given: the sheets alone cannot show who was appointed. */
  readonly status: 'met' | 'not-met' | 'unknown';
  readonly councilSize: number | null;
  readonly present: number;
  readonly required: number | null;
  readonly chairPresent: boolean | null;
  readonly reasons: readonly Message[];
}

export interface CouncilFailedGate {
  readonly star: MinStar;
  readonly criterion: string;
  readonly criterionLabel: string;
  readonly required: OptionRef;
  /** Members whose sheet reached the marked option. */
  readonly reachedBy: number;
  /** Members the marker applies to (all, unless the marker belongs to a case). */
  readonly members: number;
  readonly meanPoints: number;
}

export interface CouncilCriterionMean {
  readonly code: string;
  readonly label: string;
  readonly part: PartCode;
  readonly meanPoints: number;
  readonly lowest: number;
  readonly highest: number;
  readonly maxPoints: number;
}

export interface CouncilResult extends StarDecision {
  readonly legalBasis: string;
  readonly set: { readonly number: number; readonly code: string; readonly name: string };
  readonly members: number;
  /** Each member's total, in the order the sheets were given. */
  readonly memberTotals: readonly number[];
  readonly memberScores: readonly SheetScore[];
  /** The council's score: the mean of the members' totals (Art. 3.3). Not rounded: bands apply to it as is. */
  readonly score: number;
  readonly parts: ReadonlyArray<{ readonly code: PartCode; readonly label: string; readonly meanPoints: number; readonly maxPoints: number }>;
  readonly criteria: readonly CouncilCriterionMean[];
  readonly spread: number;
  readonly rescoreRequired: boolean;
  readonly quorum: QuorumCheck;
  /** Quorum met and no re-scoring needed: the result can go to the chair for a decision. */
  readonly decisionReady: boolean;
  readonly gateRule: 'majority';
  readonly failedGates: readonly CouncilFailedGate[];
  /** Set when any member flagged the dossier (each flag with its member and reason). */
  readonly disqualified: { readonly reasons: ReadonlyArray<{ readonly member: number; readonly reason: string }> } | null;
  readonly next: NextStarAdvice | null;
}

/**
 * Aggregates the members' sheets of one council for one product.
 *
 * Band and star follow the mean of the totals (Art. 3.3). Minimum markers are yes/no conditions on
 * evidence ("has a distribution contract and an e-shop link"), so on a council a marker counts as met
 * when a strict majority of the members' sheets reached it; a tie is not met, because the product has
 * to establish that it meets a minimum. Averaging the criterion's points against the marked option was
 * rejected: option points are not a measurement scale, and one dissenting sheet (4 members tick the
 * 3-point marked option, 1 ticks 0 → mean 2.4 < 3) would then overrule the rest, while the totals are
 * already protected against outliers by the spread rule.
 *
 * A dossier flagged by any member is reported as disqualified (not ranked): a forged dossier or a
 * missing food-safety certificate is a fact one member's finding establishes, not something averaging
 * can outvote; the council resolves it by discussion and re-submits the sheets.
 */
export function aggregateCouncil(
  version: CriteriaVersion,
  set: CriteriaSet,
  members: readonly ScoreSheet[],
  settings: Partial<CouncilSettings> = {},
  attendance?: CouncilAttendance,
): CouncilResult {
  const rules: CouncilSettings = { ...DEFAULT_COUNCIL_SETTINGS, ...settings };
  const compiled = compileSet(set);
  const issues: ScoringIssue[] = [...checkSettings(rules), ...checkAttendance(attendance, members.length)];
  if (members.length === 0) {
    issues.push({ code: 'no_members', message: { vi: 'Hội đồng chưa có phiếu đánh giá nào.', en: 'The council has no score sheets.' } });
  }
  const reads: ReadSheet[] = members.map((sheet, member) => {
    const read = readSheet(version, compiled, sheet);
    for (const issue of read.issues) {
      if (member > 0 && issue.code === 'set_not_in_version') continue; // once is enough
      issues.push({
        ...issue,
        member,
        message: { vi: `Phiếu ${member + 1}: ${issue.message.vi}`, en: `Sheet ${member + 1}: ${issue.message.en}` },
      });
    }
    return read;
  });
  if (issues.length > 0) throw new ScoringInputError(issues);

  const n = members.length;
  const memberScores = reads.map((r) =>
    scoreChoices(version, compiled, r.chosen, r.caseKey, r.disqualified, { gatePolicy: rules.gatePolicy, includeNext: false }),
  );
  const memberTotals = memberScores.map((s) => s.total);
  const score = memberTotals.reduce((a, b) => a + b, 0) / n;
  const spread = Math.max(...memberTotals) - Math.min(...memberTotals);

  const criteria: CouncilCriterionMean[] = compiled.criteria.map(({ criterion, partSlot }, slot) => {
    let sum = 0;
    let lowest = Number.POSITIVE_INFINITY;
    let highest = Number.NEGATIVE_INFINITY;
    for (const s of memberScores) {
      const p = s.criteria[slot]!.points;
      sum += p;
      lowest = Math.min(lowest, p);
      highest = Math.max(highest, p);
    }
    return {
      code: criterion.code,
      label: criterion.label,
      part: compiled.parts[partSlot]!.code,
      meanPoints: sum / n,
      lowest,
      highest,
      maxPoints: criterion.maxPoints,
    };
  });
  const means = criteria.map((c) => c.meanPoints);
  const parts = compiled.parts.map((p, i) => ({
    code: p.code,
    label: p.label,
    meanPoints: memberScores.reduce((sum, s) => sum + s.parts[i]!.points, 0) / n,
    maxPoints: p.maxPoints,
  }));

  const failed: CompiledGate[] = [];
  const failedGates: CouncilFailedGate[] = [];
  for (const gate of compiled.gates) {
    let applicable = 0;
    let reached = 0;
    memberScores.forEach((s) => {
      if (gate.case !== null && s.case !== null && s.case !== gate.case) return;
      applicable++;
      if (s.criteria[gate.criterionSlot]!.points >= gate.points) reached++;
    });
    if (applicable === 0 || reached * 2 > applicable) continue;
    failed.push(gate);
    const { criterion } = compiled.criteria[gate.criterionSlot]!;
    failedGates.push({
      star: gate.star,
      criterion: criterion.code,
      criterionLabel: criterion.label,
      required: optionRef(criterion, gate.optionIndex),
      reachedBy: reached,
      members: applicable,
      meanPoints: means[gate.criterionSlot]!,
    });
  }

  const flags = reads.flatMap((r, member) => (r.disqualified ? [{ member, reason: r.disqualified.reason }] : []));
  const decision = decideStar(version, starForTotal(score, version.starBands), gateCeilingOf(failed), rules.gatePolicy, flags.length > 0);
  const quorum = checkQuorum(rules, attendance, n);
  const rescoreRequired = spread > rules.spreadThreshold;

  return {
    legalBasis: version.legalBasis,
    set: { number: set.number, code: set.code, name: set.name },
    members: n,
    memberTotals,
    memberScores,
    score,
    parts,
    criteria,
    spread,
    rescoreRequired,
    quorum,
    decisionReady: quorum.status === 'met' && !rescoreRequired,
    ...decision,
    gateRule: 'majority',
    failedGates,
    disqualified: flags.length > 0 ? { reasons: flags } : null,
    next: adviseNextStar(compiled, version.starBands, decision, score, means, commonCase(memberScores), failed),
  };
}

/** The case all members answered in, or null when they differ (then every option is offered as advice). */
function commonCase(scores: readonly SheetScore[]): CaseKey | null {
  const first = scores[0]?.case ?? null;
  return scores.every((s) => s.case === first) ? first : null;
}

function checkQuorum(rules: CouncilSettings, attendance: CouncilAttendance | undefined, sheets: number): QuorumCheck {
  if (!attendance) {
    return { status: 'unknown', councilSize: null, present: sheets, required: null, chairPresent: null, reasons: [] };
  }
  const present = attendance.present ?? sheets;
  // ≥ 75 % of the council: the smallest whole number of members not below the ratio.
  const required = Math.ceil(rules.quorumRatio * attendance.councilSize - 1e-9);
  const reasons: Message[] = [];
  if (present < required) {
    reasons.push({
      vi: `Có mặt ${present}/${attendance.councilSize} thành viên, cần ít nhất ${required}.`,
      en: `${present} of ${attendance.councilSize} members present, at least ${required} required.`,
    });
  }
  if (rules.requireChair && !attendance.chairPresent) {
    reasons.push({ vi: 'Chủ tịch hội đồng vắng mặt.', en: 'The council chair is absent.' });
  }
  return {
    status: reasons.length === 0 ? 'met' : 'not-met',
    councilSize: attendance.councilSize,
    present,
    required,
    chairPresent: attendance.chairPresent,
    reasons,
  };
}

function checkSettings(rules: CouncilSettings): ScoringIssue[] {
  const issues: ScoringIssue[] = [];
  if (!Number.isFinite(rules.spreadThreshold) || rules.spreadThreshold < 0) {
    issues.push({ code: 'invalid_settings', message: { vi: 'Ngưỡng chênh lệch điểm phải ≥ 0.', en: 'spreadThreshold must be a number ≥ 0.' } });
  }
  if (!(rules.quorumRatio > 0 && rules.quorumRatio <= 1)) {
    issues.push({ code: 'invalid_settings', message: { vi: 'Tỷ lệ túc số phải trong khoảng (0, 1].', en: 'quorumRatio must be in (0, 1].' } });
  }
  if (rules.gatePolicy !== 'cap' && rules.gatePolicy !== 'not-achieved') {
    issues.push({ code: 'invalid_settings', message: { vi: 'Chính sách yêu cầu tối thiểu không hợp lệ.', en: "gatePolicy must be 'cap' or 'not-achieved'." } });
  }
  return issues;
}

function checkAttendance(attendance: CouncilAttendance | undefined, sheets: number): ScoringIssue[] {
  if (!attendance) return [];
  const issues: ScoringIssue[] = [];
  const { councilSize } = attendance;
  const present = attendance.present ?? sheets;
  if (!Number.isInteger(councilSize) || councilSize < 1) {
    issues.push({ code: 'invalid_attendance', message: { vi: 'Số thành viên hội đồng phải là số nguyên ≥ 1.', en: 'councilSize must be an integer ≥ 1.' } });
  } else if (!Number.isInteger(present) || present < sheets || present > councilSize) {
    issues.push({
      code: 'invalid_attendance',
      message: {
        vi: `Số thành viên có mặt (${present}) phải từ ${sheets} (số phiếu) đến ${councilSize}.`,
        en: `present (${present}) must be between the number of sheets (${sheets}) and councilSize (${councilSize}).`,
      },
    });
  }
  return issues;
}
