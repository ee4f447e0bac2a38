import { ACTORS, type ActorKey, type World } from './fixtures.js';

/**
 * The authorisation matrix: for every route of the API, who may call it on A's records. Paths name
 * A's records (producer A, commune 30037, province 82); every actor not listed in `ok` must be
 * refused, and refused the way a missing record is (same status, same body as for a random id),
 * unless listed in `insiders` — people who already know the record exists (it is theirs, or they
 * sit on its council) and may be told 403.
 *
 * A route added to the API without an entry here fails the test: decide who may call it first.
 */
export type Multipart = { multipart: { payload: Buffer; headers: Record<string, string> } };
export type Entry = {
  path: (w: World) => string;
  /** JSON body, or a multipart body; none for GET and DELETE. */
  body?: (w: World) => unknown;
  /** Actors allowed (2xx for a GET, unless `status` says otherwise). */
  ok: readonly ActorKey[];
  /** Refused actors who may get 403 although the record exists (they know it does). */
  insiders?: readonly ActorKey[];
  /** Statuses an allowed actor may get on this record besides 2xx (its state, not access). */
  status?: readonly number[];
  /**
   * 400: the record is named in the body, so an outsider is told "no such record" as a field error
   * (not a validation error), exactly as for a random id.
   */
  refusal?: 400;
  /**
   * POST/PUT/PATCH/DELETE are probed with the refused actors only, and nothing may be written;
   * `probe: 'all'` marks one without side effects, probed with everyone; `probe: 'none'` one that
   * refuses nobody with a session (logging in or out).
   */
  probe?: 'all' | 'none';
};

export const ALL = ACTORS;
export const USERS = ACTORS.filter((a) => a !== 'anonymous');
/** Those who see producer A's registry records: A itself, its commune's officer, its province's office, the ministry. */
export const A_REG = ['producerA', 'officerX', 'admin', 'ministry'] as const;
export const OFFICE = ['admin', 'ministry'] as const;
/** Seated on the council over A's dossiers. */
export const SEATED = ['member', 'conflicted', 'secretary'] as const;
/** Every account whose role may call a registry route: the scope decides what each sees. */
export const REGISTRY = ['producerA', 'producerB', 'officerX', 'officerY', 'admin', 'otherAdmin', 'ministry'] as const;
export const ADMINS = ['admin', 'otherAdmin', 'ministry'] as const;
export const COUNCIL_ROLE = ['member', 'unassigned', 'conflicted', 'secretary'] as const;
export const OFFICERS = ['officerX', 'officerY'] as const;
