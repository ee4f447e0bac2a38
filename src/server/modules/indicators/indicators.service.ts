import { and, asc, eq, sql } from 'drizzle-orm';
import type { AnnualReport, Dashboard } from '../../../contracts/indicators.js';
import { forbidden } from '../../../domain/errors.js';
import { INDICATORS } from '../../../domain/indicators/index.js';
import { reportingArea, type Actor } from '../../../domain/policies/index.js';
import { queryRows, type Db } from '../../db/client.js';
import { annualPlans, communes, criteriaSets, planTargets, provinces } from '../../db/schema/index.js';
import { CURRENT_CRITERIA_BASIS } from '../../db/seed/reference.js';
import { areaWhere, evaluationResults, type Area } from './evaluation-results.js';
import { allFiguresQuery, INDICATOR_QUERIES, standingQuery, type FigureRow } from './indicator-queries.js';

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
    const rows = await queryRows<FigureRow>(
      db,
      allFiguresQuery(
        area,
        year,
        tracked.map((i) => i.code),
      ),
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
    const rows = await db
      .select({ code: planTargets.indicatorCode, communeCode: planTargets.communeCode, target: planTargets.target })
      .from(planTargets)
      .innerJoin(annualPlans, eq(annualPlans.id, planTargets.planId))
      .where(and(eq(annualPlans.provinceCode, area.provinceCode), eq(annualPlans.year, year)));
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
  async function recognisedBySetAndStar(area: Area, year: number) {
    const rows = await queryRows<{ set_number: number | null; star: number; n: number }>(
      db,
      sql`${evaluationResults(area, year)}
          select criteria_set_number as set_number, star, count(*)::int as n from last_result where star >= 3 group by 1, 2 order by 1, 2`,
    );
    return rows.map((r) => ({ setNumber: r.set_number, star: r.star, products: Number(r.n) }));
  }

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
      const [f, t, standing, communeRows, sets, subjectCounts, due] = await Promise.all([
        figures(area, year),
        targets(area, year),
        queryRows<{ commune_code: string; star: number; legal_form: string; subject_id: string }>(db, standingQuery(area, year)),
        db
          .select({ code: communes.code, name: communes.name })
          .from(communes)
          .where(eq(communes.provinceCode, area.provinceCode))
          .orderBy(asc(communes.sortKey)),
        db.select({ number: criteriaSets.number, name: criteriaSets.name }).from(criteriaSets).where(eq(criteriaSets.legalBasis, CURRENT_CRITERIA_BASIS)),
        queryRows<{ commune_code: string; n: number }>(
          db,
          sql`select s.commune_code, count(*)::int as n from subjects s where ${areaWhere(area)} group by s.commune_code`,
        ),
        queryRows<{ month: string; n: number }>(
          db,
          sql`select to_char(c.expires_on, 'YYYY-MM') as month, count(*)::int as n
                from certificates c join products p on p.id = c.product_id join subjects s on s.id = p.subject_id
               where ${areaWhere(area)} and c.revoked_on is null and c.superseded_on is null
                 and c.expires_on between make_date(${year}, 1, 1) and make_date(${year}, 12, 31)
               group by 1 order by 1`,
        ),
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
      const subjectsIn = new Map(subjectCounts.map((r) => [r.commune_code, Number(r.n)]));
      const inArea = (code: string) => !area.communeCodes || area.communeCodes.includes(code);
      const dueByMonth = new Map(due.map((d) => [d.month, Number(d.n)]));
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
      const [f, t, standing, communeRows, province] = await Promise.all([
        figures(area, year),
        targets(area, year),
        queryRows<{ commune_code: string; star: number; legal_form: string; subject_id: string }>(db, standingQuery(area, year)),
        db
          .select({ code: communes.code, name: communes.name })
          .from(communes)
          .where(eq(communes.provinceCode, area.provinceCode))
          .orderBy(asc(communes.sortKey)),
        db.select({ fullName: provinces.fullName }).from(provinces).where(eq(provinces.code, area.provinceCode)),
      ]);
      const v = (code: string) => f.get(code)!.value ?? 0;
      const starCount = (s: number) => standing.filter((r) => r.star === s).length;
      const evaluated = f.get('products_evaluated')!.byCommune;
      const recognised = f.get('products_recognised')!.byCommune;
      return {
        year,
        provinceCode: area.provinceCode,
        provinceName: province[0]?.fullName ?? area.provinceCode,
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
