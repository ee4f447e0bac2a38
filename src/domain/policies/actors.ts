/** Actors: the roles of the platform, who an actor is, and the access each route declares. */
export const ROLES = ['admin', 'officer', 'council', 'producer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị (Văn phòng OCOP)', en: 'Administrator (OCOP office)' },
  officer: { vi: 'Cán bộ xã/phường', en: 'Commune officer' },
  council: { vi: 'Thành viên hội đồng', en: 'Council member' },
  producer: { vi: 'Chủ thể sản xuất', en: 'Producer' },
};

export type UserActor = {
  kind: 'user';
  userId: string;
  role: Role;
  provinceCode: string | null;
  communeCodes: readonly string[];
  subjectId: string | null;
};
export type Actor = { kind: 'anonymous' } | UserActor;
export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** Every route declares one of these; a test fails when a route declares none. */
export type RouteAccess = 'public' | 'authenticated' | readonly Role[];

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden';

export function checkRouteAccess(actor: Actor, access: RouteAccess): AccessDecision {
  if (access === 'public') return 'allow';
  if (actor.kind === 'anonymous') return 'unauthenticated';
  if (access === 'authenticated') return 'allow';
  return access.includes(actor.role) ? 'allow' : 'forbidden';
}

/**
 * A registry record as far as access is concerned: where it is and whose it is. A null commune is a
 * producer imported without one the office could place yet: province staff see it, no commune officer does.
 */
export type SubjectRef = { id: string; provinceCode: string; communeCode: string | null };

/** The producer a record hangs from (a product, a listing, a participation), as access sees it. */
export const subjectOf = (r: { subjectId: string; provinceCode: string; communeCode: string | null }): SubjectRef => ({
  id: r.subjectId,
  provinceCode: r.provinceCode,
  communeCode: r.communeCode,
});

/** A commune officer's own commune; a record without a commune is no officer's (the province places it). */
export const servesCommune = (actor: UserActor, communeCode: string | null): boolean =>
  actor.role === 'officer' && communeCode !== null && actor.communeCodes.includes(communeCode);

/** The OCOP office: an administrator of a province (provinceCode set) or of the ministry (provinceCode null). */
export const isOcopOffice = (actor: Actor): actor is UserActor & { role: 'admin' } => actor.kind === 'user' && actor.role === 'admin';

/** The ministry's OCOP office, whose scope is the whole country (Art. 7.4, Decision 26/2026/QĐ-TTg). */
export const isMinistryOffice = (actor: Actor): actor is UserActor & { role: 'admin'; provinceCode: null } =>
  isOcopOffice(actor) && actor.provinceCode === null;
