import type { AnnualReport, Dashboard } from '../../../contracts/indicators.js';
import { CURRENT_CRITERIA_BASIS } from '../../../domain/criteria/legal-bases.js';
import { forbidden } from '../../../domain/errors.js';
import { INDICATORS } from '../../../domain/indicators/index.js';
import { reportingArea, type Actor } from '../../../domain/policies/index.js';
import type { Db } from '../../db/client.js';
import { plansRepository } from '../plans/plans.repository.js';
import { referenceRepository } from '../reference/reference.repository.js';
import { INDICATOR_QUERIES, indicatorsRepository as repo, type Area } from './indicators.repository.js';

export type Figure = { code: string; value: number | null; breakdown: Record<string, number> | null; byCommune: Map<string, number> };

/** Computes indicators of the catalogue for an area and a year, with the annual plan's targets. */
export function createIndicatorsService(db: Db, deploymentProvince: string) {
  function areaOf(actor: Actor, communeCode?: string): Area {
    const area = reportingArea(actor, deploymentProvince);
    if (!area) throw forbidden();
    if (!communeCode) return area;
    if (area.communeCodes && !area.communeCodes.includes(communeCode)) throw forbidden();
    return { provinceCode: area.provinceCode, communeCodes: [communeCode] };
  }

  async function figures(area: Area, year: number): Promise<Map<string, Figure>> {
    const tracked = INDICATORS.filter((i) => i.tracked && INDICATOR_QUERIES[i.code]);
    const rows = await repo.figureRows(
      db,
      area,
      year,
      tracked.map((i) => i.code),
    );
    const out = new Map<string, Figure>();
    for (const indicator of INDICATORS) {
      const isTracked = tracked.includes(indicator);
      out.set(indicator.code, {
        code: indicator.code,
        value: isTracked ? 0 : null,
        breakdown: isTracked && indicator.breakdown ? {} : null,
        byCommune: new Map(),
      });
    }
    for (const r of rows) {
      const figure = out.get(r.code)!;
      const v = Number(r.value);
      figure.value = (figure.value ?? 0) + v;
      figure.byCommune.set(r.commune_code, (figure.byCommune.get(r.commune_code) ?? 0) + v);
      if (figure.breakdown && r.key !== null) figure.breakdown[r.key] = (figure.breakdown[r.key] ?? 0) + v;
    }
    return out;
  }

  /** The plan's targets of the year: the province's, or for a commune area the sum of its communes' targets. */
  async function targets(area: Area, year: number) {
    const rows = await plansRepository.targetsFor(db, area.provinceCode, year);
    const out = new Map<string, number>();
    const byCommune = new Map<string, Map<string, number>>();
    for (const r of rows) {
      if (r.communeCode === null) {
        if (!area.communeCodes) out.set(r.code, r.target);
      } else {
        if (!byCommune.has(r.code)) byCommune.set(r.code, new Map());
        byCommune.get(r.code)!.set(r.communeCode, r.target);
        if (area.communeCodes?.includes(r.communeCode)) out.set(r.code, (out.get(r.code) ?? 0) + r.target);
      }
    }
    return { total: out, byCommune };
  }

  async function values(area: Area, year: number) {
    const [f, t] = await Promise.all([figures(area, year), targets(area, year)]);
    return INDICATORS.map((i) => ({ code: i.code, value: f.get(i.code)!.value, target: t.total.get(i.code) ?? null, breakdown: f.get(i.code)!.breakdown }));
  }

  /** Products recognised (3★ or more) in the year, by criteria set and star: the dashboard's chart and the report's table. */
  const recognisedBySetAndStar = (area: Area, year: number) => repo.recognisedBySetAndStar(db, area, year);

  return {
    areaOf,
    figures,
    targets,
    recognisedBySetAndStar,

    async values(actor: Actor, year: number, communeCode?: string) {
      const area = areaOf(actor, communeCode);
      return { year, provinceCode: area.provinceCode, communeCode: communeCode ?? null, values: await values(area, year) };
    },

    async dashboard(actor: Actor, year: number): Promise<Dashboard> {
      const area = areaOf(actor);
      const [f, t, standing, communeRows, sets, subjectsIn, dueByMonth] = await Promise.all([
        figures(area, year),
        targets(area, year),
        repo.standing(db, area, year),
        referenceRepository.communesOf(db, area.provinceCode),
        referenceRepository.criteriaSetsOf(db, CURRENT_CRITERIA_BASIS),
        repo.subjectsByCommune(db, area),
        repo.certificatesDueByMonth(db, area, year),
      ]);
      const setNames = new Map(sets.map((s) => [s.number, s.name]));
      const bySetStar = await recognisedBySetAndStar(area, year);
      const certified = new Map<string, number>();
      const subjectsByForm = new Map<string, Set<string>>();
      for (const s of standing) {
        certified.set(s.commune_code, (certified.get(s.commune_code) ?? 0) + 1);
        if (!subjectsByForm.has(s.legal_form)) subjectsByForm.set(s.legal_form, new Set());
        subjectsByForm.get(s.legal_form)!.add(s.subject_id);
      }
      const recognised = f.get('products_recognised')!.byCommune;
      const inArea = (code: string) => !area.communeCodes || area.communeCodes.includes(code);
      return {
        year,
        provinceCode: area.provinceCode,
        indicators: INDICATORS.map((i) => ({
          code: i.code,
          value: f.get(i.code)!.value,
          target: t.total.get(i.code) ?? null,
          breakdown: f.get(i.code)!.breakdown,
        })),
        productsBySetAndStar: bySetStar.map((r) => ({ ...r, setName: r.setNumber ? (setNames.get(r.setNumber) ?? null) : null })),
        communes: communeRows
          .filter((c) => inArea(c.code))
          .map((c) => ({
            communeCode: c.code,
            name: c.name,
            recognised: recognised.get(c.code) ?? 0,
            certified: certified.get(c.code) ?? 0,
            subjects: subjectsIn.get(c.code) ?? 0,
            target: t.byCommune.get('products_recognised')?.get(c.code) ?? null,
          })),
        subjectsByLegalForm: [...subjectsByForm].map(([legalForm, ids]) => ({ legalForm, subjects: ids.size })).sort((a, b) => b.subjects - a.subjects),
        certificatesDue: Array.from({ length: 12 }, (_, m) => {
          const month = `${year}-${String(m + 1).padStart(2, '0')}`;
          return { month, certificates: dueByMonth.get(month) ?? 0 };
        }),
        listingsByPlatform: [],
      };
    },

    /** The annual report's figures for the province (part I of the provincial plan). */
    async annualReport(area: Area, year: number): Promise<AnnualReport> {
      const [f, t, standing, communeRows, provinceName] = await Promise.all([
        figures(area, year),
        targets(area, year),
        repo.standing(db, area, year),
        referenceRepository.communesOf(db, area.provinceCode),
        referenceRepository.provinceFullName(db, area.provinceCode),
      ]);
      const v = (code: string) => f.get(code)!.value ?? 0;
      const starCount = (s: number) => standing.filter((r) => r.star === s).length;
      const evaluated = f.get('products_evaluated')!.byCommune;
      const recognised = f.get('products_recognised')!.byCommune;
      return {
        year,
        provinceCode: area.provinceCode,
        provinceName: provinceName ?? area.provinceCode,
        evaluated: {
          products: v('products_evaluated'),
          firstTime: v('products_evaluated_first'),
          upgrade: v('products_evaluated_upgrade'),
          reRating: v('products_evaluated_rerating'),
          subjects: v('subjects_evaluated'),
        },
        subjects: { new: v('subjects_new'), returning: v('subjects_returning') },
        recognized: {
          products: v('products_recognised'),
          subjects: v('subjects_recognised'),
          byStar: { '3': v('products_3_star'), '4': v('products_4_star'), '5': v('products_5_star') },
          byLegalForm: f.get('subjects_recognised')!.breakdown ?? {},
        },
        scoreAtLeast90: v('products_score_90'),
        certificates: {
          valid: v('certificates_valid'),
          expiring: v('certificates_expiring'),
          lapsed: v('certificates_lapsed'),
          revoked: v('certificates_revoked'),
        },
        cumulative: {
          products: standing.length,
          subjects: new Set(standing.map((s) => s.subject_id)).size,
          byStar: { '3': starCount(3), '4': starCount(4), '5': starCount(5) },
        },
        indicators: INDICATORS.map((i) => ({ code: i.code, name: i.name, unit: i.unit, value: f.get(i.code)!.value, target: t.total.get(i.code) ?? null })),
        byCommune: communeRows
          .filter((c) => evaluated.has(c.code))
          .map((c) => ({ communeCode: c.code, name: c.name, evaluated: evaluated.get(c.code) ?? 0, recognised: recognised.get(c.code) ?? 0 })),
      };
    },
  };
}
export type IndicatorsService = ReturnType<typeof createIndicatorsService>;
