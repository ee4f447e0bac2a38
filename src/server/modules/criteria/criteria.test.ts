import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { criteriaScoringFingerprint, loadCriteriaVersion } from '../../../domain/criteria/index.js';
import { readCriteriaJson } from '../../../domain/criteria/test-support.js';
import { DEMO, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { PACKAGE_ROOT } from '../../config.js';
import { storeCriteriaVersion, syncBuiltinCriteria } from './criteria.builtin.js';
import { criteriaRepository } from './criteria.repository.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type FileSet = Record<string, unknown> & { sections: unknown[] };
type FileVersion = Record<string, unknown> & { sets: FileSet[] };

/** The 26/2026 file as shipped before the 03/12/2026 revision: English inside the Vietnamese fields, no `_en` twins. */
function oldStyleCopy(): FileVersion {
  const data = structuredClone(readCriteriaJson('qd26-2026.json')) as FileVersion;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.options_note_en === 'string') {
        o.options_note = o.options_note_en;
        delete o.options_note_en;
      }
      Object.values(o).forEach(walk);
    }
  };
  for (const set of data.sets) {
    set.sector = `${String(set.sector)} (${String(set.sector_en)})`;
    set.leadMinistry = 'MAE; MOIT';
    delete set.sector_en;
    delete set.leadMinistry_en;
  }
  walk(data);
  return data;
}

describe('criteria display fields in two languages', () => {
  it('lists each set with its Vietnamese sector and the English one beside it', async () => {
    const res = await (await t.client()).get('/api/v1/criteria');
    const v26 = res.body.find((v: { legalBasis: string }) => v.legalBasis === '26/2026/QĐ-TTg');
    expect(v26.sets[0]).toMatchObject({ sector: 'I. Thực phẩm', sectorEn: 'food' });
    for (const set of v26.sets) expect(set.sector).not.toMatch(/\(|[a-z]+ [a-z]+\)$/);
  });

  it('returns a set with Vietnamese and English lead ministry and options notes', async () => {
    const res = await (await t.client()).get('/api/v1/criteria/26-2026-qd-ttg/6');
    expect(res.status).toBe(200);
    expect(res.body.set).toMatchObject({
      sector: 'I. Thực phẩm',
      sectorEn: 'food',
      leadMinistry: 'Bộ Nông nghiệp và Môi trường; Bộ Công Thương',
      leadMinistryEn: 'Ministry of Agriculture and Environment; Ministry of Industry and Trade',
    });
    const notes: { optionsNote: string | null; optionsNoteEn: string | null }[] = [];
    const walk = (n: { kind: string; children?: unknown[] } & Record<string, unknown>): void => {
      if (n.kind === 'criterion') notes.push(n as never);
      else (n.children as (typeof n)[]).forEach(walk);
    };
    for (const part of res.body.set.parts) part.items.forEach(walk);
    const noted = notes.filter((n) => n.optionsNote);
    expect(noted.length).toBeGreaterThan(0);
    for (const n of noted) {
      expect(n.optionsNote).toMatch(/^Quyết định chỉ quy định/);
      expect(n.optionsNoteEn).toMatch(/^The decision gives only the maximum/);
    }
  });

  it('gives the reference catalogue of sets both sector and ministry fields', async () => {
    const res = await (await t.client(DEMO.officer)).get('/api/v1/criteria-sets');
    expect(res.status).toBe(200);
    expect(res.body.find((s: { number: number }) => s.number === 26)).toMatchObject({
      sector: 'VI. Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch',
      sectorEn: 'community tourism, eco-tourism, tourist sites',
      leadMinistryEn: 'Ministry of Culture, Sports and Tourism; Ministry of Agriculture and Environment',
    });
  });
});

describe('a version in use keeps its identity when only display texts change', () => {
  it('the scoring fingerprint ignores display fields but not scoring content', () => {
    const current = readCriteriaJson('qd26-2026.json');
    const old = oldStyleCopy();
    expect(criteriaScoringFingerprint(old)).toBe(criteriaScoringFingerprint(current));
    const rescored = structuredClone(old);
    (rescored.sets[0]!.sections[0] as { criteria: { max_score: number }[] }).criteria[0]!.max_score += 1;
    expect(criteriaScoringFingerprint(rescored)).not.toBe(criteriaScoringFingerprint(current));
  });

  it('updates a used version seeded with the old copy in place, and still refuses a scoring change', async () => {
    const { db } = t.database;
    const old = oldStyleCopy();
    await db.transaction((tx) => storeCriteriaVersion(tx, old, loadCriteriaVersion(old), 'builtin'));

    // Use the version: a self-assessment recorded under it.
    const producer = await t.client(DEMO.producer);
    const productId = (await producer.get('/api/v1/products?q=hat%20sen%20say')).body.items[0].id;
    const started = await producer.post(`/api/v1/products/${productId}/self-assessments`, {});
    expect(started.status).toBe(201);
    expect(started.body.legalBasis).toBe('26/2026/QĐ-TTg');
    expect(await criteriaRepository.isUsed(db, '26/2026/QĐ-TTg')).toBe(true);
    const before = await criteriaRepository.find(db, '26/2026/QĐ-TTg');
    expect((before!.data as FileVersion).sets[0]!.sector).toBe('I. Thực phẩm (food)');

    // A file whose scoring changed is still refused for a used version.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-criteria-'));
    try {
      fs.mkdirSync(path.join(dir, 'criteria'));
      fs.copyFileSync(
        path.join(PACKAGE_ROOT, 'data/criteria/qd1048-2019-rau-cu-qua-hat-tuoi.json'),
        path.join(dir, 'criteria/qd1048-2019-rau-cu-qua-hat-tuoi.json'),
      );
      const retitled = { ...(readCriteriaJson('qd26-2026.json') as FileVersion), title: 'Một quyết định khác' };
      fs.writeFileSync(path.join(dir, 'criteria/qd26-2026.json'), JSON.stringify(retitled));
      const refused: string[] = [];
      await syncBuiltinCriteria(db, dir, (m) => refused.push(m));
      expect(refused.join('\n')).toMatch(/đã được dùng để đánh giá/);
      expect(((await criteriaRepository.find(db, '26/2026/QĐ-TTg'))!.data as FileVersion).sets[0]!.sector).toBe('I. Thực phẩm (food)');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }

    // The shipped file differs only in display texts: updated in place, same legal basis and slug.
    const versions = (await criteriaRepository.all(db)).length;
    const log: string[] = [];
    await syncBuiltinCriteria(db, path.join(PACKAGE_ROOT, 'data'), (m) => log.push(m));
    expect(log.join('\n')).toMatch(/Display texts updated/);
    const after = await criteriaRepository.find(db, '26/2026/QĐ-TTg');
    expect(after).toMatchObject({ legalBasis: before!.legalBasis, slug: before!.slug, effectiveFrom: before!.effectiveFrom });
    expect((await criteriaRepository.all(db)).length).toBe(versions);
    expect((after!.data as FileVersion).sets[0]).toMatchObject({ sector: 'I. Thực phẩm', sector_en: 'food' });

    // The API serves the new texts (after the catalogue's recheck interval) and the draft still opens.
    vi.setSystemTime(Date.now() + 60_000);
    try {
      const set = (await (await t.client()).get('/api/v1/criteria/26-2026-qd-ttg/7')).body.set;
      expect(set).toMatchObject({ sector: 'I. Thực phẩm', sectorEn: 'food', leadMinistry: 'Bộ Nông nghiệp và Môi trường' });
      const draft = await producer.get(`/api/v1/self-assessments/${started.body.id}`);
      expect(draft.status).toBe(200);
      expect(draft.body.legalBasis).toBe('26/2026/QĐ-TTg');
    } finally {
      vi.useRealTimers();
    }
  });
});
