import { describe, expect, it } from 'vitest';
import { checkTaxCode, taxCodeKey, type TaxCodeHolder } from './tax-code.js';

describe('taxCodeKey', () => {
  it.each([
    ['0300588569', '0300588569'],
    [' 0300 588 569 ', '0300588569'],
    ['0300588569-001', '0300588569001'],
    ['0300588569‑001', '0300588569001'],
    ['0300588569 – 001', '0300588569001'],
    ['001089012345', '001089012345'],
    ['', null],
    ['  ', null],
    ['---', null],
    [null, null],
    [undefined, null],
  ])('%j → %j', (code, key) => {
    expect(taxCodeKey(code)).toBe(key);
  });

  it('keeps a dependent unit apart from its parent', () => {
    expect(taxCodeKey('0300588569-001')).not.toBe(taxCodeKey('0300588569'));
  });
});

describe('checkTaxCode', () => {
  const sen: TaxCodeHolder = { id: 'a', name: 'Hợp tác xã Sen Tháp Mười', communeName: 'Tháp Mười', readable: true };
  const far: TaxCodeHolder = { id: 'b', name: 'Công ty Bí mật', communeName: 'Cao Lãnh', readable: false };

  it.each([
    ['no holder', [], false, 'free'],
    ['no holder, branch ticked', [], true, 'free'],
    ['a readable holder', [sen], false, 'taken'],
    ['an unreadable holder', [far], false, 'taken'],
    ['a holder, branch confirmed', [sen], true, 'branch'],
    ['an unreadable holder, branch confirmed', [far], true, 'branch'],
  ] as const)('%s → %s', (_case, holders, confirm, outcome) => {
    expect(checkTaxCode('0300588569', holders, confirm).outcome).toBe(outcome);
  });

  it('names the holder the caller may read, in both languages', () => {
    const r = checkTaxCode('0300588569', [sen], false);
    if (r.outcome !== 'taken') throw new Error('expected a refusal');
    expect(r.message.vi).toContain('«Hợp tác xã Sen Tháp Mười» (Tháp Mười)');
    expect(r.message.vi).toContain('0300588569');
    expect(r.message.en).toContain('"Hợp tác xã Sen Tháp Mười" (Tháp Mười)');
  });

  it('names nothing of a holder outside the caller’s scope and points to the provincial office', () => {
    const r = checkTaxCode('0300588569', [far], false);
    if (r.outcome !== 'taken') throw new Error('expected a refusal');
    expect(`${r.message.vi} ${r.message.en}`).not.toMatch(/Bí mật|Cao Lãnh/);
    expect(r.message.vi).toContain('Văn phòng Điều phối OCOP tỉnh');
    expect(r.message.en).toContain('provincial OCOP office');
  });

  it('names only the readable holders when there are both', () => {
    const r = checkTaxCode('0300588569', [sen, far], false);
    if (r.outcome !== 'taken') throw new Error('expected a refusal');
    expect(r.message.vi).toContain('Sen Tháp Mười');
    expect(r.message.vi).not.toContain('Bí mật');
  });

  it('records every holder a confirmed branch belongs to', () => {
    expect(checkTaxCode('0300588569', [sen, far], true)).toEqual({ outcome: 'branch', of: ['a', 'b'] });
  });
});
