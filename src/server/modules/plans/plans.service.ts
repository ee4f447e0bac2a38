import type { Plan, PlanBody } from '../../../contracts/plans.js';
import { conflict, forbidden, invalid, notFound } from '../../../domain/errors.js';
import { indicatorByCode } from '../../../domain/indicators/index.js';
import { canManageProgramme, reportingArea, type Actor } from '../../../domain/policies/index.js';
import type { Db } from '../../db/client.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { referenceRepository } from '../reference/reference.repository.js';
import { presentPlan } from './plans.presenter.js';
import { plansRepository as repo } from './plans.repository.js';

const PLAN = { vi: 'kế hoạch năm', en: 'annual plan' };

/** The province's annual plans: targets per indicator (optionally per commune), budget lines and text. */
export function createPlansService(db: Db, deploymentProvince: string) {
  function readableProvince(actor: Actor) {
    const area = reportingArea(actor, deploymentProvince);
    if (!area) throw forbidden();
    return area.provinceCode;
  }

  async function load(provinceCode: string, year: number): Promise<Plan | null> {
    const plan = await repo.find(db, provinceCode, year);
    if (!plan) return null;
    const [targets, lines] = await Promise.all([repo.targetsOf(db, plan.id), repo.budgetLinesOf(db, plan.id)]);
    return presentPlan(plan, targets, lines);
  }

  async function check(provinceCode: string, body: PlanBody) {
    const fields: Record<string, { vi: string; en: string }> = {};
    const details: string[] = [];
    const communeCodes = new Set((await referenceRepository.communesOf(db, provinceCode)).map((c) => c.code));
    const seen = new Set<string>();
    body.targets.forEach((t, i) => {
      if (!indicatorByCode(t.indicatorCode)) details.push(`targets.${i}: không có chỉ tiêu "${t.indicatorCode}" / unknown indicator`);
      if (t.communeCode && !communeCodes.has(t.communeCode)) details.push(`targets.${i}: xã ${t.communeCode} không thuộc tỉnh / commune not in the province`);
      const key = `${t.indicatorCode}|${t.communeCode ?? ''}`;
      if (seen.has(key)) details.push(`targets.${i}: chỉ tiêu trùng / duplicate target`);
      seen.add(key);
    });
    if (details.length) {
      fields.targets = { vi: 'Có chỉ tiêu không hợp lệ.', en: 'Some targets are invalid.' };
      throw invalid('invalid_plan', { vi: 'Kế hoạch có chỉ tiêu không hợp lệ.', en: 'The plan has invalid targets.' }, fields, details);
    }
  }

  return {
    async list(actor: Actor) {
      const rows = await repo.summaries(db, readableProvince(actor));
      return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
    },

    async get(actor: Actor, year: number) {
      const plan = await load(readableProvince(actor), year);
      if (!plan) throw notFound(PLAN);
      return plan;
    },

    /** Creates or replaces the plan of a year, all its targets and lines in one transaction. */
    async save(actor: Actor, audit: AuditActor, year: number, body: PlanBody) {
      const provinceCode = readableProvince(actor);
      if (!canManageProgramme(actor, provinceCode)) throw forbidden();
      await check(provinceCode, body);
      const before = await load(provinceCode, year);
      if (before && body.version !== before.version)
        throw conflict('stale_plan', {
          vi: 'Kế hoạch vừa được người khác sửa; hãy tải lại trước khi lưu.',
          en: 'Someone else changed the plan; reload before saving.',
        });
      await db.transaction(async (tx) => {
        let planId: string;
        if (before) {
          await repo.update(tx, before.id, { title: body.title, narrative: body.narrative, version: before.version + 1 });
          planId = before.id;
        } else {
          const created = await repo.insert(tx, {
            provinceCode,
            year,
            title: body.title,
            narrative: body.narrative,
            createdBy: actor.kind === 'user' ? actor.userId : null,
          });
          planId = created.id;
        }
        await repo.replaceContents(
          tx,
          planId,
          body.targets.map((t) => ({ indicatorCode: t.indicatorCode, communeCode: t.communeCode ?? null, target: t.target, note: t.note ?? null })),
          body.budgetLines.map((l, position) => ({ position, item: l.item, source: l.source, amountVnd: l.amountVnd, note: l.note ?? null })),
        );
        await recordAudit(tx, audit, {
          action: before ? 'update' : 'create',
          entityType: 'annual_plan',
          entityId: planId,
          before: before ?? null,
          after: { year, ...body },
        });
      });
      return (await load(provinceCode, year))!;
    },
  };
}
export type PlansService = ReturnType<typeof createPlansService>;
