import { conflict } from '../../../domain/errors.js';
import { DOSSIER_STATE_LABELS, type DossierAction, type DossierState } from '../../../domain/evaluation/dossier-workflow.js';
import type { DbOrTx } from '../../db/client.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { dossiersRepository as repo, storedDossier, type DossierRow, type DossierValues } from './dossiers.repository.js';

export const staleDossier = () =>
  conflict('stale_dossier', {
    vi: 'Hồ sơ vừa được người khác cập nhật. Tải lại để xem trạng thái mới.',
    en: 'Someone else changed the dossier meanwhile. Reload to see its new state.',
  });

/**
 * Writes one step inside the caller's transaction: the state change under the optimistic lock,
 * the event, the audit entry and the notices to those concerned. Used by the workflow endpoint, by
 * a council's closing session and by decisions, which move many dossiers at once.
 */
export async function commitStep(
  tx: DbOrTx,
  step: {
    before: DossierRow;
    action: DossierAction;
    to: DossierState;
    changes: Partial<DossierValues>;
    audit: AuditActor;
    comment?: string | undefined;
    expectedVersion: number;
    /** When the step is taken, from the service's clock: later acts are dated against it. */
    at: Date;
  },
) {
  const { before, action, to, audit, comment } = step;
  const after = await repo.updateIfVersion(tx, before.id, step.expectedVersion, { ...step.changes, state: to }, step.at);
  if (!after) throw staleDossier();
  await repo.addEvent(tx, {
    dossierId: before.id,
    action,
    fromState: before.state,
    toState: to,
    actorUserId: audit.userId,
    actorLabel: audit.label,
    comment: comment ?? null,
    at: step.at,
  });
  await recordAudit(tx, audit, { action: 'update', entityType: 'dossier', entityId: before.id, before: storedDossier(before), after });
  const label = DOSSIER_STATE_LABELS[to];
  const message = `Hồ sơ sản phẩm "${before.productName}" (${before.ocopCode}): ${label.vi}.${comment ? ` Ghi chú: ${comment}` : ''}`;
  const recipients = [
    ...(await repo.producerUsers(tx, before.subjectId)),
    ...(['submitted', 'resubmitted', 'returned'].includes(to) ? await repo.communeOfficers(tx, before.communeCode) : []),
    ...(['commune_assessed', 'ministry_decided', 'central_scored'].includes(to) ? await repo.provinceAdmins(tx, before.provinceCode) : []),
    ...(to === 'forwarded_to_ministry' ? await repo.ministryAdmins(tx) : []),
  ].filter((u) => u !== audit.userId);
  await notify(tx, { userIds: recipients, dossierId: before.id, title: `${label.vi}: ${before.productName}`, body: message });
  return after;
}
