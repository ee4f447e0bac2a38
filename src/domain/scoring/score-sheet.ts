import type { CaseKey, CriteriaSet, CriteriaVersion, Star } from '../criteria/types.js';
import { adviseNextStar, optionRef } from './advice.js';
import { decideStar, starForTotal } from './bands.js';
import { compileSet, type CompiledGate, type CompiledSet } from './compiled.js';
import { ScoringInputError, type ScoringIssue } from './errors.js';
import type { CriterionScore, FailedGate, GroupScore, PartScore, ScoreOptions, ScoreSheet, SheetScore } from './types.js';

/**
 * Scores one evaluator's sheet against a set of a criteria version.
 *
 * Art. 3, Decision 26/2026/QĐ-TTg: the total is the sum of the ticked options' points (maximum 100:
 * A 40 / B 25 / C 35) and the star follows the bands of Art. 3.3; the minimum markers of Phụ lục II
 * (*** / **** / *****) then gate each star (see `decideStar` for the policies).
 *
 * Throws ScoringInputError listing every problem when the sheet misses a criterion, names an unknown
 * one, picks an option that does not exist, or mixes cases.
 */
export function scoreSheet(version: CriteriaVersion, set: CriteriaSet, sheet: ScoreSheet, options: ScoreOptions = {}): SheetScore {
  const compiled = compileSet(set);
  const read = readSheet(version, compiled, sheet);
  if (read.issues.length > 0) throw new ScoringInputError(read.issues);
  return scoreChoices(version, compiled, read.chosen, read.caseKey, read.disqualified, options);
}

export interface ReadSheet {
  readonly chosen: Int32Array;
  readonly caseKey: CaseKey | null;
  readonly disqualified: { readonly reason: string } | null;
  readonly issues: ScoringIssue[];
}

/**
 * Case semantics (set 26 of 26/2026; criterion 3.2 of 1048): the case describes the product (who
 * provides the tourism service, the producer's legal form), not a criterion, so one sheet answers
 * every case criterion from the same case. Otherwise an evaluator could pick the more favourable
 * wording criterion by criterion, and the record would describe no real product. The case is the
 * sheet's declared `case`, or else the case of the first case option ticked in sheet order; options
 * without a case fit any case. A declared case on a set without case criteria is an error, as it
 * shows the sheet was filled for another set.
 */
export function readSheet(version: CriteriaVersion, compiled: CompiledSet, sheet: ScoreSheet): ReadSheet {
  const issues: ScoringIssue[] = [];
  const chosen = new Int32Array(compiled.criteria.length).fill(-1);

  if (typeof sheet !== 'object' || sheet === null || typeof sheet.choices !== 'object' || sheet.choices === null) {
    issues.push({
      code: 'invalid_sheet',
      message: { vi: 'Phiếu đánh giá phải có danh sách lựa chọn (choices).', en: 'The sheet must have a choices object.' },
    });
    return { chosen, caseKey: null, disqualified: null, issues };
  }
  if (!version.sets.includes(compiled.set)) {
    issues.push({
      code: 'set_not_in_version',
      message: {
        vi: `Bộ tiêu chí "${compiled.set.name}" không thuộc ${version.legalBasis}.`,
        en: `Set "${compiled.set.code}" is not part of ${version.legalBasis}.`,
      },
    });
  }

  // JSON clients send null for "not set"; treat it like an absent field.
  const declaredCase = sheet.case ?? null;
  let caseKey: CaseKey | null = null;
  let caseSource: string | null = null;
  if (declaredCase !== null) {
    if (compiled.cases.length === 0) {
      issues.push({
        code: 'case_not_applicable',
        message: { vi: `Bộ tiêu chí "${compiled.set.name}" không có trường hợp để chọn.`, en: `Set "${compiled.set.code}" has no alternative cases.` },
      });
    } else if (!compiled.cases.includes(declaredCase)) {
      issues.push({
        code: 'unknown_case',
        message: {
          vi: `Trường hợp "${String(declaredCase)}" không có; chọn một trong: ${compiled.cases.join(', ')}.`,
          en: `Unknown case "${String(declaredCase)}"; expected one of: ${compiled.cases.join(', ')}.`,
        },
      });
    } else {
      caseKey = declaredCase;
    }
  }

  const choices = sheet.choices as Readonly<Record<string, unknown>>;
  compiled.criteria.forEach(({ criterion, hasCases }, slot) => {
    const code = criterion.code;
    const value = Object.hasOwn(choices, code) ? choices[code] : undefined;
    if (value === undefined) {
      issues.push({
        code: 'missing_choice',
        criterion: code,
        message: { vi: `Chưa chọn phương án cho tiêu chí ${code}.`, en: `No option chosen for criterion ${code}.` },
      });
      return;
    }
    const last = criterion.options.length - 1;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > last) {
      issues.push({
        code: 'option_out_of_range',
        criterion: code,
        message: {
          vi: `Tiêu chí ${code}: phương án ${String(value)} không có (chọn từ 0 đến ${last}).`,
          en: `Criterion ${code}: option ${String(value)} does not exist (expected 0 to ${last}).`,
        },
      });
      return;
    }
    chosen[slot] = value;
    const optionCase = hasCases ? (criterion.options[value]?.case ?? null) : null;
    if (optionCase === null) return;
    if (caseKey === null) {
      if (declaredCase !== null) return; // the declared case was invalid and is already reported
      caseKey = optionCase;
      caseSource = code;
    } else if (optionCase !== caseKey) {
      const source =
        caseSource === null
          ? { vi: 'đã khai báo cho phiếu', en: 'declared for the sheet' }
          : { vi: `đã chọn ở tiêu chí ${caseSource}`, en: `chosen at criterion ${caseSource}` };
      issues.push({
        code: 'case_mismatch',
        criterion: code,
        message: {
          vi: `Tiêu chí ${code}: phương án thuộc trường hợp ${optionCase}, nhưng trường hợp ${caseKey} ${source.vi}.`,
          en: `Criterion ${code}: the option belongs to case ${optionCase}, but case ${caseKey} was ${source.en}.`,
        },
      });
    }
  });

  for (const key of Object.keys(choices)) {
    if (!compiled.slotByCode.has(key)) {
      issues.push({
        code: 'unknown_criterion',
        criterion: key,
        message: {
          vi: `Tiêu chí ${key} không có trong bộ "${compiled.set.name}" (hoặc là nhóm, không chấm trực tiếp).`,
          en: `Criterion ${key} is not a scorable criterion of set "${compiled.set.code}".`,
        },
      });
    }
  }

  let disqualified: { reason: string } | null = null;
  const flag = sheet.disqualified ?? null;
  if (flag !== null) {
    const reason = typeof flag.reason === 'string' ? flag.reason.trim() : '';
    if (reason === '') {
      issues.push({
        code: 'disqualification_reason_required',
        message: { vi: 'Hồ sơ bị loại phải ghi rõ lý do.', en: 'A disqualified dossier needs a reason.' },
      });
    } else {
      disqualified = { reason };
    }
  }

  return { chosen, caseKey, disqualified, issues };
}

/** Minimums the chosen points miss, given the points per criterion slot. */
export function failingGates(compiled: CompiledSet, points: ArrayLike<number>, caseKey: CaseKey | null): CompiledGate[] {
  const failed: CompiledGate[] = [];
  for (const gate of compiled.gates) {
    if (gate.case !== null && caseKey !== null && gate.case !== caseKey) continue;
    // "Reached" means scoring at least the marked option: a better option satisfies a minimum.
    if ((points[gate.criterionSlot] ?? 0) < gate.points) failed.push(gate);
  }
  return failed;
}

/** The highest star whose minimums at every level up to it are met (1–2★ carry no minimums). */
export function gateCeilingOf(failed: readonly CompiledGate[]): Star {
  let ceiling = 5;
  for (const gate of failed) ceiling = Math.min(ceiling, gate.star - 1);
  return ceiling as Star;
}

/** Scores choices already checked by readSheet. Split out so a council scores each member once. */
export function scoreChoices(
  version: CriteriaVersion,
  compiled: CompiledSet,
  chosen: Int32Array,
  caseKey: CaseKey | null,
  disqualified: { readonly reason: string } | null,
  options: ScoreOptions = {},
): SheetScore {
  const n = compiled.criteria.length;
  const points = new Float64Array(n);
  const partPoints = new Float64Array(compiled.parts.length);
  const groupPoints = new Float64Array(compiled.groups.length);
  const criteria: CriterionScore[] = new Array<CriterionScore>(n);
  let total = 0;

  for (let slot = 0; slot < n; slot++) {
    const { criterion, partSlot, groupSlots } = compiled.criteria[slot]!;
    const ref = optionRef(criterion, chosen[slot]!);
    points[slot] = ref.points;
    total += ref.points;
    partPoints[partSlot]! += ref.points;
    for (const g of groupSlots) groupPoints[g]! += ref.points;
    criteria[slot] = {
      code: criterion.code,
      label: criterion.label,
      part: compiled.parts[partSlot]!.code,
      chosen: ref,
      points: ref.points,
      maxPoints: criterion.maxPoints,
    };
  }

  const parts: PartScore[] = compiled.parts.map((p, i) => ({ code: p.code, label: p.label, points: partPoints[i]!, maxPoints: p.maxPoints }));
  const groups: GroupScore[] = compiled.groups.map((g, i) => ({ ...g, points: groupPoints[i]! }));

  const failed = failingGates(compiled, points, caseKey);
  const failedGates: FailedGate[] = failed.map((gate) => {
    const { criterion } = compiled.criteria[gate.criterionSlot]!;
    return {
      star: gate.star,
      criterion: criterion.code,
      criterionLabel: criterion.label,
      required: optionRef(criterion, gate.optionIndex),
      chosen: optionRef(criterion, chosen[gate.criterionSlot]!),
    };
  });

  const decision = decideStar(version, starForTotal(total, version.starBands), gateCeilingOf(failed), options.gatePolicy ?? 'cap', disqualified !== null);
  const next = options.includeNext === false ? null : adviseNextStar(compiled, version.starBands, decision, total, points, caseKey, failed);

  return {
    legalBasis: version.legalBasis,
    set: { number: compiled.set.number, code: compiled.set.code, name: compiled.set.name },
    case: caseKey,
    criteria,
    groups,
    parts,
    total,
    maxTotal: compiled.maxTotal,
    ...decision,
    failedGates,
    disqualified,
    next,
  };
}
