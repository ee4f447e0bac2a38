import { describe, expect, it } from 'vitest';
import { applicableForms } from './documents.js';

const assessment = (conclusion: 'propose' | 'not_propose') => ({
  rawMaterialOrigin: 'x',
  localLabour: 'x',
  ideaOrigin: 'x',
  localIdentity: 'x',
  conclusion,
  signer: 'Nguyễn Văn A',
  signerTitle: 'Chủ tịch Ủy ban nhân dân xã',
  assessedOn: '2026-05-04',
});
const forwarding = { letterNumber: '12/UBND-KT', letterDate: '2026-08-01', signer: 'Trần B', signerTitle: 'Chủ tịch', samplesSent: 5 };

describe('dossier forms on offer', () => {
  it('offers nothing before the dossier is filed', () => {
    expect(applicableForms({ communeAssessment: null, forwarding: null }, false)).toEqual([]);
  });

  it('offers Mẫu 01 and 02 once filed, Mẫu 03 and the commune’s letter once proposed', () => {
    expect(applicableForms({ communeAssessment: null, forwarding: null }, true)).toEqual(['mau-01', 'mau-02']);
    expect(applicableForms({ communeAssessment: assessment('not_propose'), forwarding: null }, true)).toEqual(['mau-01', 'mau-02']);
    expect(applicableForms({ communeAssessment: assessment('propose'), forwarding: null }, true)).toEqual(['mau-01', 'mau-02', 'mau-03', 'de-nghi-cua-xa']);
  });

  it('adds the province’s letter to the ministry once forwarded', () => {
    expect(applicableForms({ communeAssessment: assessment('propose'), forwarding }, true)).toEqual([
      'mau-01',
      'mau-02',
      'mau-03',
      'de-nghi-cua-xa',
      'van-ban-gui-bo',
    ]);
  });
});
