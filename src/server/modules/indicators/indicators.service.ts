import type { AnnualReport, Dashboard } from '../../../contracts/indicators.js';
import type { Funnel } from '../../../contracts/programme.js';
import { CURRENT_CRITERIA_BASIS } from '../../../domain/criteria/legal-bases.js';
import { forbidden } from '../../../domain/errors.js';
import { INDICATORS } from '../../../domain/indicators/index.js';
import { reportingArea, type Actor } from '../../../domain/policies/index.js';
import { funnelCounts } from '../../../domain/programme/index.js';
import type { Db } from '../../db/client.js';
import { createRecordsCache } from '../audit/records-cache.js';
import { plansRepository } from '../plans/plans.repository.js';
import { referenceRepository } from '../reference/reference.repository.js';
import { indicatorsRepository as repo, type Area } from './indicators.repository.js';
import { createNationalService } from './national.service.js';

/**
 * One indicator's figure for an area: the total, its breakdown, and its share of each commune (the
 * key null gathers records of the whole province: events and points outside it, communication).
 */
export type Figure = { code: string; value: number | null; breakdown: Record<string, number> | null; byCommune: Map<string | null, number> };

/** A share in percent, to one decimal; none of nothing. */
const percentOf = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/**
 * Computes indicators of the catalogue for an area and a year, with the annual plan's targets.
 * `readDb`: where the national view reads (a read replica when DATABASE_READ_URL names one).
 */
export function createIndicatorsService(db: Db, deploymentProvince: string, clock: () => Date = () => new Date(), readDb: Db = db) {
  const national = createNationalService(readDb, clock);
  function areaOf(actor: Actor, communeCode?: string): Area {
    const area = reportingArea(actor, deploymentProvince);
    if (!area) throw forbidden();
    if (!communeCode) return area;
    if (area.communeCodes && !area.communeCodes.includes(communeCode)) throw forbidden();
    return { provinceCode: area.provinceCode, communeCodes: [communeCode] };
  }

  async function figures(area: Area, year: number): Promise<Map<string, Figure>> {
    const rows = await repo.figureRows(
      db,
      area,
      year,
      INDICATORS.map((i) => i.code),
    );
    // Shares add their numerators and denominators first; the percentage is taken at the end.
    const sums = new Map(
      INDICATORS.map((i) => [
        i.code,
        {
          value: 0,
          base: 0,
          breakdown: i.breakdown ? ({} as Record<string, number>) : null,
          byCommune: new Map<string | null, { value: number; base: number }>(),
        },
      ]),
    );
    for (const r of rows) {
      const sum = sums.get(r.code)!;
      const value = Number(r.value);
      const base = Number(r.base ?? 0);
      sum.value += value;
      sum.base += base;
      const commune = sum.byCommune.get(r.commune_code) ?? { value: 0, base: 0 };
      commune.value += value;
      commune.base += base;
      sum.byCommune.set(r.commune_code, commune);
      if (sum.breakdown && r.key !== null) sum.breakdown[r.key] = (sum.breakdown[r.key] ?? 0) + value;
    }
    const out = new Map<string, Figure>();
    for (const indicator of INDICATORS) {
      const sum = sums.get(indicator.code)!;
      const share = indicator.unit === 'percent';
      out.set(indicator.code, {
        code: indicator.code,
        value: share ? percentOf(sum.value, sum.base) : sum.value,
        breakdown: sum.breakdown,
        byCommune: new Map([...sum.byCommune].map(([commune, c]) => [commune, share ? (percentOf(c.value, c.base) ?? 0) : c.value])),
      });
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

  const valuesOf = (f: Map<string, Figure>, t: Awaited<ReturnType<typeof targets>>) =>
    INDICATORS.map((i) => ({ code: i.code, value: f.get(i.code)!.value, target: t.total.get(i.code) ?? null, breakdown: f.get(i.code)!.breakdown }));

  /** Products recognised (3★ or more) in the year, by criteria set and star: the dashboard's chart and the report's table. */
  const recognisedBySetAndStar = (area: Area, year: number) => repo.recognisedBySetAndStar(db, area, year);

  /** The ideas of the year and how far they went, overall and per commune (ocop-rules §8, steps 1–4 then evaluation). */
  async function funnel(area: Area, year: number): Promise<Funnel> {
    const ideas = await repo.funnelIdeas(db, area, year);
    const names = new Map(ideas.map((i) => [i.communeCode, i.communeName]));
    const { total, byCommune } = funnelCounts(ideas);
    return {
      year,
      total,
      communes: [...byCommune].map(([communeCode, counts]) => ({ communeCode, communeName: names.get(communeCode) ?? communeCode, ...counts })),
    };
  }

  /** The dashboard of an area and year, computed (dashboard() keeps it until the records change). */
  async function computeDashboard(area: Area, year: number): Promise<Dashboard> {
    const [f, t, standing, communeRows, sets, subjectsIn, dueByMonth, bySetStar, ideas] = await Promise.all([
      figures(area, year),
      targets(area, year),
      repo.standing(db, area, year),
      referenceRepository.communesOf(db, area.provinceCode),
      referenceRepository.criteriaSetsOf(db, CURRENT_CRITERIA_BASIS),
      repo.subjectsByCommune(db, area),
      repo.certificatesDueByMonth(db, area, year),
      recognisedBySetAndStar(area, year),
      funnel(area, year),
    ]);
    const setNames = new Map(sets.map((s) => [s.number, s.name]));
    const certified = new Map<string, number>();
    const subjectsByForm = new Map<string, Set<string>>();
    for (const s of standing) {
      certified.set(s.commune_code, (certified.get(s.commune_code) ?? 0) + 1);
      if (!subjectsByForm.has(s.legal_form)) subjectsByForm.set(s.legal_form, new Set());
      subjectsByForm.get(s.legal_form)!.add(s.subject_id);
    }
    const recognised = f.get('products_recognised')!.byCommune;
    const inArea = (code: string) => !area.communeCodes || area.communeCodes.includes(code);
    const listed = (channel: 'ecommerce' | 'chain', code: string) =>
      Object.entries(f.get(code)!.breakdown ?? {})
        .filter(([, n]) => n > 0)
        .map(([platform, listings]) => ({ channel, platform, listings }))
        .sort((a, b) => b.listings - a.listings || a.platform.localeCompare(b.platform));
    return {
      year,
      provinceCode: area.provinceCode,
      indicators: valuesOf(f, t),
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
      listingsByPlatform: [...listed('ecommerce', 'ecommerce_listings'), ...listed('chain', 'chain_listings')],
      funnel: ideas,
    };
  }

  const dashboards = createRecordsCache<Dashboard>(db);

  return {
    areaOf,
    figures,
    /** The ministry's view of every province (national.service.ts). */
    national,
    targets,
    recognisedBySetAndStar,
    funnel,

    async values(actor: Actor, year: number, communeCode?: string) {
      const area = areaOf(actor, communeCode);
      const [f, t] = await Promise.all([figures(area, year), targets(area, year)]);
      return { year, provinceCode: area.provinceCode, communeCode: communeCode ?? null, values: valuesOf(f, t) };
    },

    /** The funnel for the caller's area, or one commune of it. */
    funnelFor: (actor: Actor, year: number, communeCode?: string) => funnel(areaOf(actor, communeCode), year),

    /**
     * Everything the dashboard draws for the caller's area and year. A dozen figures over the
     * area's results take 100–200 ms at national scale, and every officer of the area asks for the
     * same: computed once per change of the programme's records, not once per request.
     */
    async dashboard(actor: Actor, year: number): Promise<Dashboard> {
      const area = areaOf(actor);
      return dashboards.get([area.provinceCode, area.communeCodes?.join(',') ?? '*', year].join('|'), () => computeDashboard(area, year));
    },

    /** The annual report's figures for the province (part I of the provincial plan). */
    async annualReport(area: Area, year: number): Promise<AnnualReport> {
      const [f, t, standing, communeRows, provinceName, ideas, events] = await Promise.all([
        figures(area, year),
        targets(area, year),
        repo.standing(db, area, year),
        referenceRepository.communesOf(db, area.provinceCode),
        referenceRepository.provinceFullName(db, area.provinceCode),
        funnel(area, year),
        repo.tradeEventsOfYear(db, area, year),
      ]);
      const v = (code: string) => f.get(code)!.value ?? 0;
      const by = (code: string) => f.get(code)!.breakdown ?? {};
      const starCount = (s: number) => standing.filter((r) => r.star === s).length;
      const evaluated = f.get('products_evaluated')!.byCommune;
      const recognised = f.get('products_recognised')!.byCommune;
      const budgets = by('support_budget');
      const granted = by('support_granted');
      const grants = by('grants_count');
      const areas = [...new Set([...Object.keys(budgets), ...Object.keys(granted)])];
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
          byLegalForm: by('subjects_recognised'),
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
        communication: { items: v('communication_items'), byKind: by('communication_items') },
        training: { courses: v('training_courses'), people: v('people_trained'), producers: v('producers_trained') },
        development: { funnel: ideas.total, businessPlans: v('business_plans') },
        support: {
          budgetVnd: v('support_budget'),
          grantedVnd: v('support_granted'),
          grants: v('grants_count'),
          subjects: v('subjects_supported'),
          byArea: areas
            .map((a) => ({ area: a, budgetVnd: budgets[a] ?? 0, grantedVnd: granted[a] ?? 0, grants: grants[a] ?? 0 }))
            .sort((a, b) => b.grantedVnd - a.grantedVnd || b.budgetVnd - a.budgetVnd || a.area.localeCompare(b.area)),
        },
        trade: {
          salesPoints: { total: v('sales_points'), outside: v('sales_points_outside'), byKind: by('sales_points') },
          chainListings: { total: v('chain_listings'), byChannel: by('chain_listings') },
          ecommerceListings: { total: v('ecommerce_listings'), byPlatform: by('ecommerce_listings') },
          modernChannelsShare: f.get('subjects_modern_channels_share')!.value,
          ecommerceShare: f.get('subjects_ecommerce_share')!.value,
          fairs: {
            events: v('fairs'),
            producers: v('fair_producers'),
            visitors: v('fair_visitors'),
            revenueVnd: v('fair_revenue'),
            contracts: v('trade_event_contracts'),
            byKind: by('fairs'),
          },
          events: events.map((e) => ({
            name: e.name,
            kind: e.kind,
            startsOn: e.startsOn,
            endsOn: e.endsOn,
            placement: e.placement,
            place: e.place ?? e.communeName ?? e.otherProvinceName ?? e.country,
            producers: Number(e.producers),
            visitors: e.visitors,
            revenueVnd: e.revenueVnd === null ? null : Number(e.revenueVnd),
            contracts: e.contracts,
          })),
        },
      };
    },
  };
}
export type IndicatorsService = ReturnType<typeof createIndicatorsService>;
