import { bestChoices, loadShippedVersion } from '../../src/domain/criteria/test-support.js';
import type { Client } from './app.js';

const version = loadShippedVersion('qd26');

export const COMMUNE_ASSESSMENT = {
  rawMaterialOrigin: 'Nguyên liệu tại địa phương',
  localLabour: 'Lao động địa phương',
  ideaOrigin: 'Sản phẩm truyền thống',
  localIdentity: 'Gắn với bản sắc địa phương',
  conclusion: 'propose',
};

export async function step(c: Client, id: string, action: string, extra: Record<string, unknown> = {}) {
  const current = (await c.get(`/api/v1/dossiers/${id}`)).body;
  const res = await c.post(`/api/v1/dossiers/${id}/transitions`, { action, expectedVersion: current.version, ...extra });
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Takes a product from a completed self-assessment to a dossier before the council: producer files,
 * the commune officer assesses, the province receives it and sends it to the council.
 */
export async function dossierInCouncil(parties: { producer: Client; officer: Client; admin: Client }, productId: string, setNumber: number, kind = 'first') {
  const { producer, officer, admin } = parties;
  const set = version.sets.find((s) => s.number === setNumber)!;
  const sa = (await producer.post(`/api/v1/products/${productId}/self-assessments`, {})).body;
  await producer.put(`/api/v1/self-assessments/${sa.id}`, { choices: bestChoices(set), notes: {} });
  await producer.post(`/api/v1/self-assessments/${sa.id}/complete`);
  const dossier = (await producer.post('/api/v1/dossiers', { productId, kind, selfAssessmentId: sa.id, registration: { representativeName: 'Người đại diện' } })).body;
  if (!dossier.id) throw new Error(`dossier: ${JSON.stringify(dossier)}`);
  await step(producer, dossier.id, 'submit');
  await step(officer, dossier.id, 'assess', { assessment: COMMUNE_ASSESSMENT });
  await step(admin, dossier.id, 'receive');
  return step(admin, dossier.id, 'send_to_council');
}

/** As dossierInCouncil, then the office records the council's score (a paper result). */
export async function scoredDossier(parties: { producer: Client; officer: Client; admin: Client }, productId: string, setNumber: number, councilScore: number, kind = 'first') {
  const dossier = await dossierInCouncil(parties, productId, setNumber, kind);
  return step(parties.admin, dossier.id, 'record_score', { councilScore });
}
