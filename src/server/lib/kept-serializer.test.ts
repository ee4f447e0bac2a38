import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { keptSerializerCompiler } from './kept-serializer.js';

const Answer = z.object({ code: z.string(), star: z.number().int() });
const serialize = keptSerializerCompiler({ schema: Answer, method: 'GET', url: '/x', httpStatus: '200' });

describe('keptSerializerCompiler', () => {
  it('writes an answer as its contract does: checked, and without fields the contract does not name', () => {
    expect(serialize({ code: 'A1', star: 4, secret: 'x' })).toBe('{"code":"A1","star":4}');
    expect(() => serialize({ code: 'A1', star: 'bốn' })).toThrow();
  });

  it('writes the same answer object once: a cache hit gets the JSON of the first time', () => {
    const answer = { code: 'B2', star: 3 };
    expect(serialize(answer)).toBe('{"code":"B2","star":3}');
    answer.star = 5; // never done by the caches; shows that the kept JSON is what is sent
    expect(serialize(answer)).toBe('{"code":"B2","star":3}');
    expect(serialize({ code: 'B2', star: 5 })).toBe('{"code":"B2","star":5}');
  });
});
