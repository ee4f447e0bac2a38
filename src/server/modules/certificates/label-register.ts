import type { PublicVerification } from '../../../contracts/certificates.js';
import { certificateStatus } from '../../../domain/certificates/validity.js';
import { vietnamDate } from '../../../domain/dates/calendar.js';
import type { DbOrTx } from '../../db/client.js';
import { auditRepository } from '../audit/audit.repository.js';
import { presentVerification } from './certificates.presenter.js';
import { certificatesRepository as repo, type LabelRow } from './certificates.repository.js';

/**
 * The fields in which labels repeat one another: the dates a council's decisions were signed on
 * and what follows from them, the level, the names of communes and provinces, the decision. Read
 * from the database, each row holds its own copy of each: 40,000 labels held some 400,000 strings,
 * 20,000 of them "2022-07-20" and the like.
 */
const REPEATED = [
  'level',
  'issuedOn',
  'expiresOn',
  'revokedOn',
  'supersededOn',
  'communeName',
  'provinceName',
  'decisionNumber',
  'decisionSignedOn',
  'reratingPendingSince',
] as const satisfies readonly (keyof LabelRow)[];

/** Makes the rows' repeated values one string each, so the copies read from the database can go. */
function shareRepeatedValues(rows: LabelRow[], values: Map<string, string>): LabelRow[] {
  for (const row of rows) {
    const fields = row as Record<(typeof REPEATED)[number], string | null>;
    for (const field of REPEATED) {
      const value = fields[field];
      if (value === null) continue;
      const kept = values.get(value);
      if (kept === undefined) values.set(value, value);
      else fields[field] = kept;
    }
  }
  return rows;
}

export type LabelRegisterOptions = {
  clock: () => Date;
  /** How long an answer may go without asking whether any record changed (default 2 s). */
  freshnessMs?: number;
  /**
   * How long, once records changed, before the whole register is read again rather than only the
   * labels the audit entries name (default 60 s): that bounds what a change recorded without its
   * entry, or a transaction that took its entry's number early and committed late, could hide.
   */
  fullReloadMs?: number;
  /** Past this many new audit entries, the whole register is read again instead (an import, a seed). */
  maxChangedEntries?: number;
  /** Told when the database could not be read and the checks are answered from what was read before. */
  onStale?: (err: unknown) => void;
};

/**
 * Every label's public check, held in the process: a QR code scanned anywhere in the country is
 * answered without asking the database.
 *
 * Label checks come for codes in no useful order (each phone scans its own product), so a cache of
 * recent answers misses most of them, and a round trip to the database per check cost ten times
 * what the rest of the answer did (measured: 0.11 of a hello-world route's throughput). The
 * register holds what each check shows (some 40,000 certificates at national scale, about 20 MB) and
 * follows the audit log: each change to programme records writes an entry, so at most every
 * `freshnessMs` one index lookup tells whether anything changed, and if so the labels of the records
 * named are read again. A certificate issued or revoked in this process is seen at once (`changed`).
 *
 * The standing (valid, expired, extended…) is worked out at each check from the dates held, with
 * certificateStatus, so it changes at midnight without any record changing.
 */
export function createLabelRegister(
  db: DbOrTx,
  { clock, freshnessMs = 2_000, fullReloadMs = 60_000, maxChangedEntries = 2_000, onStale }: LabelRegisterOptions,
) {
  let labels = new Map<string, LabelRow>();
  /** One copy of each repeated value (shareRepeatedValues), renewed with each full reading. */
  let values = new Map<string, string>();
  /** The audit log's last entry when the labels were read: the register is true as of it. */
  let seenEntry = -1;
  let checkedAt = -Infinity;
  let loadedAt = -Infinity;
  let pending: Promise<void> | undefined;

  async function loadAll() {
    const upTo = await auditRepository.lastId(db);
    values = new Map();
    const rows = shareRepeatedValues(await repo.labels(db), values);
    labels = new Map(rows.map((row) => [row.verificationCode, row]));
    seenEntry = upTo;
    loadedAt = Date.now();
  }

  async function catchUp() {
    const upTo = await auditRepository.lastId(db);
    if (upTo === seenEntry) return;
    if (upTo - seenEntry > maxChangedEntries || Date.now() - loadedAt >= fullReloadMs) return loadAll();
    for (const row of shareRepeatedValues(await repo.labelsChanged(db, seenEntry, upTo), values)) labels.set(row.verificationCode, row);
    seenEntry = upTo;
  }

  /**
   * Brings the register up to date if it is due; concurrent checks share one look at the database,
   * and a look asked for while another runs (a change made meanwhile) follows it.
   */
  function refresh(): Promise<void> | undefined {
    if (Date.now() - checkedAt < freshnessMs) return pending;
    checkedAt = Date.now();
    const before = pending;
    const look: Promise<void> = (async () => {
      await before?.catch(() => undefined);
      try {
        await (seenEntry < 0 ? loadAll() : catchUp());
      } catch (err) {
        // Never read: nothing to answer from. Read before: answer from it while the database is away.
        if (seenEntry < 0) {
          checkedAt = -Infinity;
          throw err;
        }
        onStale?.(err);
      }
    })().finally(() => {
      if (pending === look) pending = undefined;
    });
    pending = look;
    return look;
  }

  return {
    /** What the label with this code stands for today; undefined when no certificate has it. */
    verify(code: string): Promise<PublicVerification | undefined> {
      const answer = () => {
        const row = labels.get(code);
        return row && presentVerification(row, certificateStatus(row, vietnamDate(clock())), row.hasPhoto);
      };
      const looking = refresh();
      return looking ? looking.then(answer) : Promise.resolve(answer());
    },
    /**
     * Reads the labels now, as the server starts listening: the first scans after a start would
     * otherwise wait half a second for the country's labels, and V8, seeing the objects of the
     * requests that arrived meanwhile outlive the reading, kept putting those of later requests
     * straight into the old generation for the next minute (a third more CPU per check).
     */
    warm(): Promise<void> {
      return refresh() ?? Promise.resolve();
    },
    /** A certificate was issued, replaced or revoked here: the next check looks at the database first. */
    changed() {
      checkedAt = -Infinity;
    },
  };
}
export type LabelRegister = ReturnType<typeof createLabelRegister>;
