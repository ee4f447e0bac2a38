import { isMinistryOffice, isOcopOffice as isOffice, servesCommune, type Actor, type SubjectRef, type UserActor } from './actors.js';
import { canReadSubject } from './registry.js';

/**
 * Who may act on the evaluation: dossiers, councils and their sessions, decisions, certificates.
 * Pure functions of the actor and the record, used by the server to refuse and by the web app to
 * show or hide an action. Articles are those of Decision 26/2026/QĐ-TTg.
 */

/** The chair and the secretary run a sitting (attendance, paper sheets, closing); so does the office. */
export { mayRunSession as canRunSession } from '../evaluation/council-rules.js';

/** The level an act belongs to: the province's (its Chair, its council) or the ministry's (the Minister, the central council). */
export type EvaluationLevel = 'province' | 'ministry';

/** The office of the dossier's province, or the ministry's office acting for every province. */
const officeOf = (actor: Actor, provinceCode: string | null) =>
  isOffice(actor) && (actor.provinceCode === null || (provinceCode !== null && actor.provinceCode === provinceCode));

// Dossiers

/**
 * Who acts, relative to a dossier (Art. 6–7): its producer, an officer of its commune, its
 * province's office, the ministry's office — and the council itself, whose locked sheets alone
 * record a score when a session closes (no person is ever this party). The workflow's steps
 * (evaluation/dossier-workflow.ts) name the parties that take them.
 */
export type Party = 'producer' | 'commune_officer' | 'province_admin' | 'ministry_admin' | 'council';

/** The parties an actor is to a dossier: the ministry's office acts as every province's office too. */
export function partiesOf(actor: Actor, dossier: SubjectRef): Party[] {
  if (actor.kind === 'anonymous') return [];
  const parties: Party[] = [];
  if (actor.role === 'producer' && actor.subjectId === dossier.id) parties.push('producer');
  if (servesCommune(actor, dossier.communeCode)) parties.push('commune_officer');
  // Art. 7.3, 7.4: the province's steps are its office's; the ministry's office acts at the ministry stage only.
  if (actor.role === 'admin' && actor.provinceCode === dossier.provinceCode) parties.push('province_admin');
  if (actor.role === 'admin' && actor.provinceCode === null) parties.push('ministry_admin');
  return parties;
}

/** Art. 6: a dossier is read by those who see its producer — the office, the commune's officer, the producer itself. */
export const mayReadDossier = (actor: Actor, dossier: SubjectRef) => canReadSubject(actor, dossier);

/**
 * Art. 7.3d, 7.4d: a council member (an account of the council role) sees the registry only through
 * a seat on a council with a session over the dossier; a staff account sitting on a council reads
 * what its own role lets it read.
 */
export const readsThroughSeat = (actor: Actor): actor is UserActor & { role: 'council' } => actor.kind === 'user' && actor.role === 'council';

/**
 * Art. 6.1, 7.1: what a dossier was filed with (Mẫu 01, Mẫu 02 and its evidence) is read by those
 * who see the dossier and by the members of a council sitting on it (`seated`).
 */
export const mayReadFiling = (actor: Actor, dossier: SubjectRef, seated: boolean) => mayReadDossier(actor, dossier) || (readsThroughSeat(actor) && seated);

/**
 * Art. 6, 7.3a (Phụ lục II): the papers a dossier carries, and its checklist, are read by the same
 * people as its filing — those who see the dossier, and the members of a council sitting on it.
 */
export const mayReadPaper = (actor: Actor, dossier: SubjectRef, seated: boolean) => mayReadFiling(actor, dossier, seated);

/**
 * Art. 7.3c, 7.4c: the advisory team reviews a dossier (questions on evidence, site visits) — the
 * province's OCOP office at the provincial stage (or the ministry's, acting for it), the ministry's
 * office alone at the central stage.
 */
export function reviewsDossier(actor: Actor, dossier: SubjectRef, stage: EvaluationLevel): boolean {
  return stage === 'ministry' ? isMinistryOffice(actor) : officeOf(actor, dossier.provinceCode);
}

/** A dossier's review is followed by those who see the dossier and by anyone sitting on a council over it (Art. 7.3c–d). */
export const mayReadReview = (actor: Actor, dossier: SubjectRef, seated: boolean) => mayReadDossier(actor, dossier) || seated;

/** Art. 7.3c–d: the advisory team and the members of a council sitting on the dossier ask the producer about its evidence. */
export const mayAskQuestions = (actor: Actor, dossier: SubjectRef, stage: EvaluationLevel, seated: boolean) => reviewsDossier(actor, dossier, stage) || seated;

/** Art. 6.2: the producer answers for its dossier, with the commune's officer who assisted the filing. */
export function mayAnswerQuestions(actor: Actor, dossier: SubjectRef): boolean {
  if (actor.kind !== 'user') return false;
  return (actor.role === 'producer' && actor.subjectId === dossier.id) || servesCommune(actor, dossier.communeCode);
}

/**
 * Art. 6.3a, 7.3e: the package sent to the ministry for 5★ is put together by the office of the
 * dossier's province, and read by the ministry's office.
 */
export const mayPackageForMinistry = (actor: Actor, dossier: SubjectRef) => officeOf(actor, dossier.provinceCode);

// Councils

/**
 * Art. 7.3b, 7.4b: the provincial Chair sets up the provincial council and advisory team (drafted by
 * any OCOP office), the Minister the central ones (drafted by the ministry's office).
 */
export const canSetUpCouncil = (actor: Actor, level: EvaluationLevel) => (level === 'ministry' ? isMinistryOffice(actor) : isOffice(actor));

/** Art. 7.3b, 7.4b: a council is administered by its province's office; the ministry's office administers every council. */
export const administersCouncil = (actor: Actor, council: { level: EvaluationLevel; provinceCode: string | null }) =>
  isOffice(actor) && (actor.provinceCode === null || (council.level === 'province' && actor.provinceCode === council.provinceCode));

/** A council, its rules and its sessions are seen by the office administering it and by those who sit on it (`seated`). */
export const mayReadCouncil = (actor: Actor, council: { level: EvaluationLevel; provinceCode: string | null }, seated: boolean) =>
  administersCouncil(actor, council) || seated;

/** The councils an actor may list, as a filter the repository turns into SQL. */
export type CouncilScope = { kind: 'all' } | { kind: 'province'; provinceCode: string } | { kind: 'member'; userId: string } | { kind: 'none' };

/**
 * The councils an actor sees (Art. 7.3b, 7.4b): a province's office those of its province, the
 * ministry's office every council, anyone else the councils they sit on.
 */
export function councilScope(actor: Actor): CouncilScope {
  if (actor.kind !== 'user') return { kind: 'none' };
  if (isOffice(actor)) return actor.provinceCode === null ? { kind: 'all' } : { kind: 'province', provinceCode: actor.provinceCode };
  return { kind: 'member', userId: actor.userId };
}

/** Art. 7.3d: the chair presides and asks for re-scoring; the office administering the council may act for the chair. */
export const mayOrderRescoring = (position: string | null, administers: boolean) => administers || position === 'chair';

// Decisions and certificates

/**
 * Art. 7.3e, 7.4e: the provincial Chair decides 3–4★ and approves 90+ results for the ministry, on
 * a draft by an OCOP office; the Minister decides 5★, on the ministry's office's draft.
 */
export const canDecide = (actor: Actor, level: EvaluationLevel) =>
  level === 'ministry' ? isMinistryOffice(actor) : isOffice(actor) && actor.provinceCode !== null;

/** The decisions an actor may list, as a filter the repository turns into SQL. */
export type DecisionScope = { kind: 'all' } | { kind: 'province'; provinceCode: string } | { kind: 'none' };

/** Art. 7.3e, 7.4e: a province's office sees its province's decisions and the Minister's; the ministry's office all. */
export function decisionScope(actor: Actor): DecisionScope {
  if (!isOffice(actor)) return { kind: 'none' };
  return actor.provinceCode === null ? { kind: 'all' } : { kind: 'province', provinceCode: actor.provinceCode };
}

/** One decision, under the same rule as the list (`decisionScope`). */
export function mayReadDecision(actor: Actor, decision: { provinceCode: string | null }): boolean {
  const scope = decisionScope(actor);
  if (scope.kind === 'none') return false;
  return scope.kind === 'all' || decision.provinceCode === null || decision.provinceCode === scope.provinceCode;
}

/**
 * Art. 8.2: the authority that recognised a star revokes it — the province's office for 3–4★ (the
 * ministry's office may act for any), the ministry alone for 5★.
 */
export function canRevokeCertificate(actor: Actor, certificate: { star: number; provinceCode: string }): boolean {
  if (!isOffice(actor)) return false;
  if (isMinistryOffice(actor)) return true;
  return certificate.star < 5 && actor.provinceCode === certificate.provinceCode;
}

/**
 * Results of earlier years (under Decisions 1048/2019, 148/2013, 1489/2016…) are recorded by the
 * OCOP office, for a product it sees.
 */
export const canRecordHistoricalResult = (actor: Actor, product: SubjectRef) => isOffice(actor) && canReadSubject(actor, product);
