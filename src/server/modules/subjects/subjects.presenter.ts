import type { Subject } from '../../../contracts/registry.js';
import type { SubjectRow } from './subjects.repository.js';

/** A subject as the API gives it, with its commune's name and how many products it has. */
export function presentSubject(row: SubjectRow): Subject {
  return {
    id: row.id,
    provinceCode: row.provinceCode,
    communeCode: row.communeCode,
    communeName: row.communeName,
    externalCode: row.externalCode,
    name: row.name,
    legalForm: row.legalForm as Subject['legalForm'],
    taxCode: row.taxCode,
    representativeName: row.representativeName,
    representativeGender: row.representativeGender as Subject['representativeGender'],
    representativeEthnicity: row.representativeEthnicity,
    representativeDisability: row.representativeDisability,
    address: row.address,
    phone: row.phone,
    email: row.email,
    foundedOn: row.foundedOn,
    workforceTotal: row.workforceTotal,
    workforceLocal: row.workforceLocal,
    workforceWomen: row.workforceWomen,
    status: row.status as Subject['status'],
    productCount: row.productCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
