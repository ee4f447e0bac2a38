import type { ResolverOptions } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { SubjectInput } from '../../contracts/registry.js';
import { contractResolver } from './forms.js';

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
