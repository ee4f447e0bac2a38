import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bestChoices, loadShippedVersion } from '../../../domain/criteria/test-support.js';
import { DEMO, createTestApp, type Client, type TestApp } from '../../../../test/support/app.js';
import { filePapers } from '../../../../test/support/evaluation.js';

const set7 = loadShippedVersion('qd26').sets.find((s) => s.number === 7)!;

/** Histories name people, not e-mail addresses: the label stays as recorded, the name is added for display. */
let t: TestApp;
let producer: Client;
let admin: Client;
let producerName: string;
let subjectId: string;
beforeAll(async () => {
  t = await createTestApp();
  producer = await t.client(DEMO.producer);
  admin = await t.client(DEMO.admin);
  const me = (await producer.get('/api/v1/auth/me')).body.user;
  producerName = me.fullName;
  subjectId = me.subjectId;
  expect(producerName).toBeTruthy();
  expect(producerName).not.toContain('@');
});
afterAll(() => t.close());

describe('actors in histories', () => {
  it('gives each entry of a record history the actor’s full name beside the recorded e-mail', async () => {
    const p = (await producer.post('/api/v1/products', { subjectId, name: 'Mứt sen', criteriaSetNumber: 7 })).body;
    const history = (await admin.get(`/api/v1/products/${p.id}/history`)).body.items;
    expect(history[0]).toMatchObject({ action: 'create', actorLabel: DEMO.producer, actorName: producerName });
  });

  it('gives each step of a dossier history the actor’s full name beside the recorded e-mail', async () => {
    const productId = (await producer.get('/api/v1/products?q=hat%20sen%20say')).body.items[0].id;
    const sa = (await producer.post(`/api/v1/products/${productId}/self-assessments`, {})).body;
    await producer.put(`/api/v1/self-assessments/${sa.id}`, { choices: bestChoices(set7), notes: {} });
    await producer.post(`/api/v1/self-assessments/${sa.id}/complete`);
    await filePapers(producer, subjectId, productId);
    const dossier = (
      await producer.post('/api/v1/dossiers', { productId, kind: 'first', selfAssessmentId: sa.id, registration: { representativeName: 'Người đại diện' } })
    ).body;
    expect(dossier.id).toBeTruthy();
    const events = (await admin.get(`/api/v1/dossiers/${dossier.id}/events`)).body;
    expect(events[0]).toMatchObject({ action: 'create', actorLabel: DEMO.producer, actorName: producerName });
  });
});
