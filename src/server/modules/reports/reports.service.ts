import { CURRENT_CRITERIA_BASIS } from '../../../domain/criteria/legal-bases.js';
import { forbidden } from '../../../domain/errors.js';
import { canManageProgramme, adminProvince, type Actor } from '../../../domain/policies/index.js';
import type { Db } from '../../db/client.js';
import { indicatorsRepository, type Area } from '../indicators/indicators.repository.js';
import type { IndicatorsService } from '../indicators/indicators.service.js';
import { plansRepository } from '../plans/plans.repository.js';
import { referenceRepository } from '../reference/reference.repository.js';
import { annualReportDocx, type ReportContext } from './annual-report.docx.js';
import { annualReportXlsx } from './annual-report.xlsx.js';

/** The annual report of a province: its figures (JSON), the Word document and the workbook behind it. */
export function createReportsService(db: Db, indicators: IndicatorsService, deploymentProvince: string, clock: () => Date = () => new Date()) {
  async function context(area: Area, year: number): Promise<ReportContext> {
    const [report, plan, decisionNumbers, sets, bySet] = await Promise.all([
      indicators.annualReport(area, year),
      plansRepository.find(db, area.provinceCode, year),
      indicatorsRepository.provinceDecisionNumbers(db, area, year),
      referenceRepository.criteriaSetsOf(db, CURRENT_CRITERIA_BASIS),
      indicators.recognisedBySetAndStar(area, year),
    ]);
    return {
      report,
      planTitle: plan?.title ?? null,
      decisionNumbers,
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
