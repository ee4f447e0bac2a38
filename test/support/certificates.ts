import { randomBytes } from 'node:crypto';
import { certificateExpiry, verificationCode } from '../../src/domain/certificates/validity.js';
import type { Db } from '../../src/server/db/client.js';
import { certificates, decisions } from '../../src/server/db/schema/index.js';
import { recordAudits, SYSTEM_ACTOR } from '../../src/server/modules/audit/audit.service.js';

let serial = 0;

/**
 * A decision and the certificate it issued, written straight to the database with their audit
 * entries, as every change to programme records is (the label register follows them): for tests of
 * what reads certificates (the portal, exports), where issuing through the council would only cost
 * time. The issuing path itself is tested in certificates.test.ts and the evaluation end-to-end test.
 */
export async function issuedCertificate(
  db: Db,
  values: {
    productId: string;
    star: 3 | 4 | 5;
    issuedOn: string;
    level?: 'province' | 'ministry';
    revokedOn?: string;
    supersededOn?: string;
    provinceCode?: string;
  },
) {
  serial += 1;
  const level = values.level ?? 'province';
  const [decision] = await db
    .insert(decisions)
    .values({
      kind: 'recognition',
      number: `${serial}/QĐ-UBND`,
      signedOn: values.issuedOn,
      signer: 'Nguyễn Văn A',
      signerTitle: 'Phó Chủ tịch',
      level,
      provinceCode: values.provinceCode ?? '82',
    })
    .returning();
  const [certificate] = await db
    .insert(certificates)
    .values({
      number: `OCOP-TEST-${values.issuedOn.slice(0, 4)}-${String(serial).padStart(4, '0')}`,
      productId: values.productId,
      decisionId: decision!.id,
      level,
      provinceCode: values.provinceCode ?? '82',
      star: values.star,
      issuedOn: values.issuedOn,
      expiresOn: certificateExpiry(values.issuedOn),
      verificationCode: verificationCode((n) => randomBytes(n)),
      revokedOn: values.revokedOn ?? null,
      revocationGround: values.revokedOn ? 'd' : null,
      revocationDecisionNo: values.revokedOn ? `${serial}/QĐ-UBND-TH` : null,
      supersededOn: values.supersededOn ?? null,
    })
    .returning();
  await recordAudits(db, SYSTEM_ACTOR, [
    { action: 'create', entityType: 'decision', entityId: decision!.id, after: decision! },
    { action: 'create', entityType: 'certificate', entityId: certificate!.id, after: certificate! },
  ]);
  return certificate!;
}
