import type { DbOrTx } from '../../db/client.js';
import { issueMissingProductCodes } from '../../db/product-codes.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';

/**
 * A producer imported without a commune has just been given one (by the office's form or a
 * corrected workbook): its products get the codes they waited for, each change in the audit log.
 */
export async function issueCodesOfPlacedSubject(tx: DbOrTx, audit: AuditActor, subject: { id: string; provinceCode: string; communeCode: string }) {
  for (const p of await issueMissingProductCodes(tx, subject))
    await recordAudit(tx, audit, { action: 'update', entityType: 'product', entityId: p.id, before: p.before, after: p.after });
}
