import type { Dossier, DossierForm } from '../api/dossiers.js';

/**
 * The forms that apply to the dossier now: Mẫu 01 and 02 once it is filed; Mẫu 03 and the
 * commune's letter once the commune proposed it; the province's letter once forwarded.
 */
export function applicableForms(dossier: Pick<Dossier, 'communeAssessment' | 'forwarding'>, filed: boolean): DossierForm[] {
  if (!filed) return [];
  const forms: DossierForm[] = ['mau-01', 'mau-02'];
  if (dossier.communeAssessment?.conclusion === 'propose') forms.push('mau-03', 'de-nghi-cua-xa');
  if (dossier.forwarding) forms.push('van-ban-gui-bo');
  return forms;
}
