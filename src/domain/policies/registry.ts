import { type Actor, type Role, type SubjectRef } from './actors.js';

/** Scopes of the registry (subjects, products and what hangs from them) and the rules on them. */
/** The rows an actor may list, as a filter the repository turns into SQL. */
export type RegistryScope =
  | { kind: 'all' }
  | { kind: 'province'; provinceCode: string }
  | { kind: 'communes'; communeCodes: readonly string[] }
  | { kind: 'subject'; subjectId: string }
  | { kind: 'none' };

export function registryScope(actor: Actor): RegistryScope {
  if (actor.kind === 'anonymous') return { kind: 'none' };
  switch (actor.role) {
    case 'admin':
      return actor.provinceCode ? { kind: 'province', provinceCode: actor.provinceCode } : { kind: 'all' };
    case 'officer':
      return { kind: 'communes', communeCodes: actor.communeCodes };
    case 'producer':
      return actor.subjectId ? { kind: 'subject', subjectId: actor.subjectId } : { kind: 'none' };
    case 'council':
      return { kind: 'none' };
  }
}

export function scopeIncludes(scope: RegistryScope, subject: SubjectRef): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'province':
      return subject.provinceCode === scope.provinceCode;
    case 'communes':
      return subject.communeCode !== null && scope.communeCodes.includes(subject.communeCode);
    case 'subject':
      return subject.id === scope.subjectId;
    case 'none':
      return false;
  }
}

export const canReadSubject = (actor: Actor, subject: SubjectRef) => scopeIncludes(registryScope(actor), subject);

/** Admins, the commune's officer, and the producer itself keep a subject's record up to date. */
export const canEditSubject = (actor: Actor, subject: SubjectRef) => canReadSubject(actor, subject);

/** A producer cannot register another subject; officers register subjects in their own communes. */
export function canCreateSubject(actor: Actor, target: { provinceCode: string; communeCode: string }): boolean {
  if (actor.kind === 'anonymous') return false;
  if (actor.role === 'admin' || actor.role === 'officer') return scopeIncludes(registryScope(actor), { id: '', ...target });
  return false;
}

/** Removing a subject erases programme history: the provincial office only. */
export const canDeleteSubject = (actor: Actor, subject: SubjectRef) => actor.kind === 'user' && actor.role === 'admin' && canReadSubject(actor, subject);

/** Products follow their subject: whoever may read or edit the subject may read or edit its products. */
export const canReadProduct = canReadSubject;
export const canEditProduct = canEditSubject;
export const canCreateProduct = canEditSubject;
export const canDeleteProduct = (actor: Actor, subject: SubjectRef) =>
  actor.kind === 'user' && (actor.role === 'admin' || actor.role === 'officer') && canReadSubject(actor, subject);

/** A record's change history is shown to the programme office. */
export const canViewAudit = (actor: Actor) => actor.kind === 'user' && actor.role === 'admin';

export type ManagedUser = { role: Role; provinceCode: string | null };

/**
 * Admins manage accounts within their own scope: a provincial admin manages the province's
 * accounts (never a ministry admin or another province's); the ministry admin manages all.
 */
export function canManageUser(actor: Actor, target: ManagedUser): boolean {
  if (actor.kind !== 'user' || actor.role !== 'admin') return false;
  if (actor.provinceCode === null) return true;
  return target.provinceCode === actor.provinceCode;
}

/**
 * Moving a subject to another commune or changing its status (active, suspended, dissolved) is
 * the administration's act, not the producer's: admins and the officers of the target commune.
 */
export function canManageSubjectPlacement(actor: Actor, target: SubjectRef): boolean {
  if (actor.kind === 'anonymous' || (actor.role !== 'admin' && actor.role !== 'officer')) return false;
  return scopeIncludes(registryScope(actor), target);
}

/** The province an office administrator works for (the deployment's province for a national administrator). */
export function adminProvince(actor: Actor, deploymentProvince: string): string | null {
  if (actor.kind !== 'user' || actor.role !== 'admin') return null;
  return actor.provinceCode ?? deploymentProvince;
}

/** Importing records, writing the annual plan and issuing the annual report are the provincial office's work. */
export const canManageProgramme = (actor: Actor, provinceCode: string) => adminProvince(actor, provinceCode) === provinceCode;

/**
 * The area whose figures an actor may see on dashboards and indicators: the office sees its whole
 * province; a commune officer only the communes assigned to them; nobody else sees programme figures.
 */
export function reportingArea(actor: Actor, provinceCode: string): { provinceCode: string; communeCodes: readonly string[] | null } | null {
  if (actor.kind !== 'user') return null;
  if (actor.role === 'admin' && (actor.provinceCode === null || actor.provinceCode === provinceCode)) return { provinceCode, communeCodes: null };
  if (actor.role === 'officer' && actor.provinceCode === provinceCode) return { provinceCode, communeCodes: actor.communeCodes };
  return null;
}
