import type { ResolverOptions } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { SubjectInput } from '../../contracts/registry.js';
import { contractResolver, parseTypedDate, typedDateInputProps, typedDateToIso } from './forms.js';

type Form = Record<string, unknown>;
const options = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<Form>;
const resolve = (values: Form) => contractResolver<Form, typeof SubjectInput>(SubjectInput)(values, undefined, options);

const subject = {
  name: 'Hợp tác xã Sen',
  legalForm: 'HTX',
  communeCode: '30226',
  taxCode: '',
  workforceTotal: 5,
  workforceLocal: '',
  workforceWomen: '',
  foundedOn: null,
};

describe('contractResolver', () => {
  it('returns the contract’s output for valid input', async () => {
    const result = await resolve(subject);
    expect(result.errors).toEqual({});
    expect(result.values).toMatchObject({ name: 'Hợp tác xã Sen', legalForm: 'HTX', taxCode: null, workforceLocal: null, status: 'active' });
  });

  it('reports an untouched select as required, not as a list of codes', async () => {
    const result = await resolve({ ...subject, name: '', legalForm: null, communeCode: null });
    expect(result.errors.name?.message).toBe('Bắt buộc nhập.');
    expect(result.errors.legalForm?.message).toBe('Bắt buộc nhập.');
    expect(result.errors.communeCode?.message).toBe('Bắt buộc nhập.');
  });

  it('shows the contract’s own checks in Vietnamese', async () => {
    const result = await resolve({ ...subject, workforceLocal: 9 });
    expect(result.errors.workforceLocal?.message).toBe('Số lao động địa phương không thể lớn hơn tổng số lao động.');
  });
});

describe('typed dates', () => {
  it.each([
    ['20/03/2015', '2015-03-20', '2015-03-20'],
    ['1/2/2015', '2015-02-01', '2015-02-01'],
    [' 20-03-2015 ', '2015-03-20', '2015-03-20'],
    ['20.03.2015', '2015-03-20', '2015-03-20'],
    ['29/02/2024', '2024-02-29', '2024-02-29'],
    ['31/02/2099', '2099-02-31', null],
    ['31/02/2020', '2020-02-31', null],
    ['29/02/2023', '2023-02-29', null],
    ['32/01/2015', '2015-01-32', null],
    ['2015-03-20', null, null],
    ['20/03/15', null, null],
    ['', null, null],
    ['hôm qua', null, null],
  ])('%j → shape %j, day %j', (text, shape, day) => {
    expect(typedDateToIso(text)).toBe(shape);
    expect(parseTypedDate(text)).toBe(day);
  });

  const bind = (value: string | null) => {
    const calls: (string | null)[] = [];
    let blurred = 0;
    const props = typedDateInputProps({ value, onChange: (v) => calls.push(v), onBlur: () => blurred++ });
    return { props, calls, blurred: () => blurred };
  };

  it('keeps an impossible day typed into the field, for validation to refuse, instead of clearing it', () => {
    const b = bind(null);
    b.props.onBlur({ currentTarget: { value: '31/02/2099' } });
    expect(b.calls).toEqual(['2099-02-31']);
    expect(b.blurred()).toBe(1);
  });

  it('keeps a real day past the calendar’s limit, and text that is no date at all', () => {
    const future = bind(null);
    future.props.onBlur({ currentTarget: { value: '01/01/2099' } });
    expect(future.calls).toEqual(['2099-01-01']);
    const garbage = bind('2015-03-20');
    garbage.props.onBlur({ currentTarget: { value: 'hôm qua' } });
    expect(garbage.calls).toEqual(['hôm qua']);
  });

  it('clears only when the text is emptied, and leaves an unchanged date alone', () => {
    const emptied = bind('2015-03-20');
    emptied.props.onBlur({ currentTarget: { value: '  ' } });
    expect(emptied.calls).toEqual([null]);
    const same = bind('2015-03-20');
    same.props.onBlur({ currentTarget: { value: '20/03/2015' } });
    expect(same.calls).toEqual([]);
  });

  it('gives the calendar only a real day, and parses typing strictly (no 31/02 rolled over to 03/03)', () => {
    expect(bind('2099-02-31').props.value).toBeNull();
    expect(bind('hôm qua').props.value).toBeNull();
    expect(bind('2015-03-20').props.value).toBe('2015-03-20');
    expect(bind(null).props.dateParser('31/02/2020')).toBeNull();
    expect(bind(null).props.fixOnBlur).toBe(false);
  });

  it('lets the contract refuse what was typed, with its message', async () => {
    const impossible = await resolve({ ...subject, foundedOn: typedDateToIso('31/02/2099') });
    expect(impossible.errors.foundedOn?.message).toBe('Ngày không hợp lệ: không có ngày này trên lịch.');
    const future = await resolve({ ...subject, foundedOn: '2099-01-01' });
    expect(future.errors.foundedOn?.message).toBe('Ngày thành lập không thể ở tương lai.');
  });

  it('refuses a negative or fractional head count instead of fixing it', async () => {
    const result = await resolve({ ...subject, workforceTotal: -3, workforceLocal: 2.5 });
    expect(result.errors.workforceTotal?.message).toBe('Số lao động không thể âm.');
    expect(result.errors.workforceLocal?.message).toBe('Số lao động phải là số nguyên (không có phần lẻ).');
  });
});
