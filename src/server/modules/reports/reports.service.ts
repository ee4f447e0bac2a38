import { and, eq, sql } from 'drizzle-orm';
import { forbidden } from '../../../domain/errors.js';
import { canManageProgramme, adminProvince, type Actor } from '../../../domain/policies/index.js';
import { queryRows, type Db } from '../../db/client.js';
import { annualPlans, criteriaSets } from '../../db/schema/index.js';
import { CURRENT_CRITERIA_BASIS } from '../../db/seed/reference.js';
import { evaluationResults, type Area } from '../indicators/evaluation-results.js';
import type { IndicatorsService } from '../indicators/indicators.service.js';
import { annualReportDocx, type ReportContext } from './annual-report.docx.js';
import { annualReportXlsx } from './annual-report.xlsx.js';

/** The annual report of a province: its figures (JSON), the Word document and the workbook behind it. */
export function createReportsService(db: Db, indicators: IndicatorsService, deploymentProvince: string, clock: () => Date = () => new Date()) {
  async function context(area: Area, year: number): Promise<ReportContext> {
    const [report, plan, decisions, sets, bySet] = await Promise.all([
      indicators.annualReport(area, year),
      db.select({ title: annualPlans.title }).from(annualPlans).where(and(eq(annualPlans.provinceCode, area.provinceCode), eq(annualPlans.year, year))),
      // The province's recognition decisions of the year: not the ministry's, not one recognising nothing.
      queryRows<{ decision_no: string }>(db, sql`${evaluationResults(area, year)} select distinct decision_no from counting where year = ${year} and level = 'province' and star >= 3 and decision_no is not null order by 1`),
      db.select({ number: criteriaSets.number, name: criteriaSets.name }).from(criteriaSets).where(eq(criteriaSets.legalBasis, CURRENT_CRITERIA_BASIS)),
      indicators.recognisedBySetAndStar(area, year),
    ]);
    return {
      report,
      planTitle: plan[0]?.title ?? null,
      decisionNumbers: decisions.map((d) => d.decision_no),
      issuedOn: clock().toISOString().slice(0, 10),
      setNames: new Map(sets.map((s) => [s.number, s.name])),
      bySet,
    };
  }

  /** For the office of the province; the command line passes the province directly. */
  function areaFor(actor: Actor): Area {
    const province = adminProvince(actor, deploymentProvince);
    if (!province || !canManageProgramme(actor, province)) throw forbidden();
    return { provinceCode: province, communeCodes: null };
  }

  async function render(area: Area, year: number, format: 'json' | 'docx' | 'xlsx') {
    if (format === 'json') return { format, body: await indicators.annualReport(area, year) } as const;
    const ctx = await context(area, year);
    return { format, body: format === 'docx' ? await annualReportDocx(ctx) : await annualReportXlsx(ctx) } as const;
  }

  return { areaFor, render };
}
export type ReportsService = ReturnType<typeof createReportsService>;
