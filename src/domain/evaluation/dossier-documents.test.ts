import { describe, expect, it } from 'vitest';
import { checklistStatus, requiredDocuments } from './dossier-documents.js';

describe('dossier documents', () => {
  it('requires food-safety papers for food, drink and herbal sets only', () => {
    const required = (set: number) =>
      requiredDocuments(set, 'first')
        .filter((i) => i.required)
        .map((i) => i.type);
    expect(required(7)).toEqual(['business_registration', 'food_safety_certificate', 'quality_declaration', 'test_report']);
    expect(required(21)).toEqual(['business_registration']);
    expect(required(26)).toEqual(['business_registration']);
  });

  it('asks an upgrade for evidence of changes and a re-rating for a new test report', () => {
    expect(requiredDocuments(21, 'upgrade').find((i) => i.type === 'change_evidence')?.required).toBe(true);
    expect(requiredDocuments(21, 'rerating').find((i) => i.type === 'test_report')?.required).toBe(true);
  });

  it('counts a document expired on the day as missing, and reports completeness', () => {
    const items = requiredDocuments(7, 'first');
    const docs = [
      { id: 'a', type: 'business_registration', validUntil: null },
      { id: 'b', type: 'food_safety_certificate', validUntil: '2027-01-31' },
      { id: 'c', type: 'quality_declaration', validUntil: null },
      { id: 'd', type: 'test_report', validUntil: '2027-12-31' },
    ];
    expect(checklistStatus(items, docs, '2027-01-31').complete).toBe(true);
    const later = checklistStatus(items, docs, '2027-02-01');
    expect(later.complete).toBe(false);
    expect(later.lines.find((l) => l.type === 'food_safety_certificate')?.status).toBe('expired');
    expect(later.missing.map((m) => m.vi)).toEqual(['Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm']);
  });

  it('tells a disqualifying absence (food-safety certificate, Phụ lục II) from a merely missing paper', () => {
    const none = checklistStatus(requiredDocuments(7, 'first'), [], '2027-01-31');
    expect(none.missing).toHaveLength(4);
    expect(none.disqualifying.map((m) => m.en)).toEqual(['Food-safety facility certificate']);
    expect(checklistStatus(requiredDocuments(21, 'first'), [], '2027-01-31').disqualifying).toEqual([]);
  });
});
