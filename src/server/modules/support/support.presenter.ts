import type { SupportGrant, SupportPolicy } from '../../../contracts/programme.js';
import { committedTotal, type GrantStatus, type SupportArea } from '../../../domain/programme/index.js';
import type { GrantRow, PolicyRow } from './support.repository.js';

/** A policy with what its grants commit (not cancelled) and, of that, what was paid. */
export function presentPolicy(row: PolicyRow, grants: readonly { amountVnd: number; status: string }[]): SupportPolicy {
  const typed = grants.map((g) => ({ amountVnd: g.amountVnd, status: g.status as GrantStatus }));
  return {
    id: row.id,
    provinceCode: row.provinceCode,
    externalCode: row.externalCode,
    name: row.name,
    area: row.area as SupportArea,
    legalBasis: row.legalBasis,
    year: row.year,
    budgetVnd: row.budgetVnd,
    note: row.note,
    committedVnd: committedTotal(typed),
    disbursedVnd: committedTotal(typed.filter((g) => g.status === 'disbursed')),
    grantCount: grants.length,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const presentGrant = (row: GrantRow): SupportGrant => ({
  id: row.id,
  policyId: row.policyId,
  policyName: row.policyName,
  externalCode: row.externalCode,
  subjectId: row.subjectId,
  subjectName: row.subjectName,
  communeCode: row.communeCode,
  productId: row.productId,
  productName: row.productName,
  businessPlanId: row.businessPlanId,
  policyCode: row.policyCode,
  subjectCode: row.subjectCode,
  productCode: row.productCode,
  businessPlanCode: row.businessPlanCode,
  content: row.content,
  amountVnd: row.amountVnd,
  fundingSource: row.fundingSource as SupportGrant['fundingSource'],
  grantedOn: row.grantedOn,
  status: row.status as GrantStatus,
  note: row.note,
  updatedAt: row.updatedAt.toISOString(),
});
