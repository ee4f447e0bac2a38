import type { BusinessPlan, BusinessPlanListItem, IdeaListItem, ProductIdea } from '../../../contracts/programme.js';
import type { BusinessPlanKind, BusinessPlanStatus, IdeaStatus } from '../../../domain/programme/index.js';
import type { BusinessPlanListRow, IdeaListRow, IdeaRow, PlanListRow } from './ideas.repository.js';

function ideaFields(row: IdeaRow): Omit<ProductIdea, 'plans'> {
  return {
    id: row.id,
    provinceCode: row.provinceCode,
    communeCode: row.communeCode,
    communeName: row.communeName,
    externalCode: row.externalCode,
    subjectId: row.subjectId,
    subjectName: row.subjectName,
    subjectCode: row.subjectCode,
    proposerName: row.proposerName,
    title: row.title,
    description: row.description,
    criteriaSetNumber: row.criteriaSetNumber,
    receivedOn: row.receivedOn,
    status: row.status as IdeaStatus,
    screenedOn: row.screenedOn,
    screeningNote: row.screeningNote,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A business plan, with how far its product went and what the grants linked to it committed (both derived by the caller). */
export function presentBusinessPlan(row: BusinessPlanListRow, productStage: BusinessPlan['productStage'], grantsTotalVnd: number): BusinessPlan {
  return {
    id: row.id,
    ideaId: row.ideaId,
    externalCode: row.externalCode,
    kind: row.kind as BusinessPlanKind,
    title: row.title,
    submittedOn: row.submittedOn,
    approvedOn: row.approvedOn,
    status: row.status as BusinessPlanStatus,
    investmentVnd: row.investmentVnd,
    productId: row.productId,
    productName: row.productName,
    productStage,
    progressNote: row.progressNote,
    grantsTotalVnd,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const presentIdea = (row: IdeaRow, plans: BusinessPlan[]): ProductIdea => ({ ...ideaFields(row), plans });
export const presentIdeaListItem = (row: IdeaListRow): IdeaListItem => ({ ...ideaFields(row), planCount: row.planCount });

/** A plan in the province's list: the plan, and the idea, commune and subject it belongs to. */
export const presentPlanListItem = (row: PlanListRow, productStage: BusinessPlan['productStage'], grantsTotalVnd: number): BusinessPlanListItem => ({
  ...presentBusinessPlan(row, productStage, grantsTotalVnd),
  productCode: row.productCode,
  ideaTitle: row.ideaTitle,
  ideaExternalCode: row.ideaExternalCode,
  communeCode: row.communeCode,
  communeName: row.communeName,
  subjectId: row.subjectId,
  subjectName: row.subjectName,
  subjectCode: row.subjectCode,
  proposerName: row.proposerName,
});
