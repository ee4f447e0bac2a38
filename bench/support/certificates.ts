/**
 * Certificates over a generated registry (bench/support/national-registry.ts), planned by
 * src/server/seed/national/registry.ts and written straight to the database as
 * test/support/certificates.ts does for tests: the issuing path itself (council, decision,
 * certificate) is tested elsewhere and would only cost time here.
 */
import { randomUUID } from 'node:crypto';
import type { IsoDate } from '../../src/domain/dates/calendar.js';
import type { Db } from '../../src/server/db/client.js';
import { nationalSeedRepository } from '../../src/server/seed/national/national.repository.js';
import { planCertificates } from '../../src/server/seed/national/registry.js';
import { random, type ProductRow, type SubjectRow } from './national-registry.js';

/**
 * Certificates for a share of the products, in every standing (in force, expired, revoked,
 * superseded), under two recognition decisions a year per province (and the ministry for 5★).
 * Inserted 1,000 rows at a time.
 */
export async function seedCertificates(
  db: Db,
  registry: { subjects: SubjectRow[]; products: ProductRow[] },
  opts: { today: IsoDate; share: number },
): Promise<{ decisions: number; certificates: number }> {
  const planned = planCertificates(random, registry, { ...opts, newId: randomUUID });
  const started = Date.now();
  await nationalSeedRepository.insertDecisions(db, planned.decisions);
  await nationalSeedRepository.insertCertificates(db, planned.certificates, (n) =>
    process.stdout.write(`\r  giấy chứng nhận / certificates ${n}/${planned.certificates.length}   `),
  );
  await nationalSeedRepository.analyze(db);
  console.log(`\n  ${planned.decisions.length} decisions, ${planned.certificates.length} certificates in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { decisions: planned.decisions.length, certificates: planned.certificates.length };
}
