import fc from 'fast-check';
import { z } from 'zod';

/**
 * Hostile input derived from a route's contract: bodies and query strings shaped like the Zod schema
 * (so they reach the service, not only the validator), with any value swapped for one that has
 * broken servers before — NUL bytes, lone surrogates, bidirectional marks, piles of combining marks,
 * emoji sequences, 100k-character strings, numbers at the edge of what a double or a column holds,
 * and nesting a thousand levels deep.
 */

type Node = {
  type?: string | string[];
  properties?: Record<string, Node>;
  required?: string[];
  additionalProperties?: Node | boolean;
  items?: Node;
  anyOf?: Node[];
  oneOf?: Node[];
  allOf?: Node[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  $ref?: string;
  default?: unknown;
};

export const HUGE = 100_000;

/** Strings that have broken parsers, databases, normalisers or renderers. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\ud83d',
  '\u202eevil\u202c',
  '\u200f\u200e\u061c',
  '\u200b\ufeff',
  'e' + '\u0301'.repeat(1000),
  'ả\u0323\u0309',
  '👨‍👩‍👧‍👦🏳️‍🌈🇻🇳',
  '\r\n\t\v\f',
  '%00%ff%',
  '../../../../etc/passwd',
  "'; drop table subjects; --",
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  '-1e308',
  '9007199254740993',
  '0x1F',
  '2027-02-30',
  '0000-00-00',
  '99999-12-31',
  '2027-06-20T25:61:61Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'a'.repeat(HUGE),
  'ệ'.repeat(HUGE / 2),
];

export const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  0.5,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 63,
  1e21,
];

/** A value nested `depth` levels deep, as arrays or as objects. */
export function deep(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

/** Bodies sent as raw text: not every hostile body is a JSON value JSON.stringify can write. */
export const RAW_BODIES: readonly string[] = [
  'null',
  '[]',
  '""',
  '0',
  'true',
  '1e309',
  '{"a":1e999}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '['.repeat(1000) + ']'.repeat(1000),
  '{"a":'.repeat(1000) + '1' + '}'.repeat(1000),
];

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);
export const hostileNumber = fc.oneof(fc.constantFrom(...HOSTILE_NUMBERS), fc.double(), fc.integer());
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, deep(1000, 'array'), deep(1000, 'object')) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

export type Shape = { root: Node; ids: readonly string[] };

/** The JSON Schema of a Zod contract, as a client would send it (input side of transforms). */
export function shapeOf(schema: unknown, ids: readonly string[]): Shape | null {
  if (!(schema instanceof z.ZodType)) return null;
  return { root: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', reused: 'inline' }) as Node, ids };
}

function resolve(shape: Shape, node: Node): Node {
  if (!node.$ref) return node;
  const name = node.$ref.split('/').pop()!;
  return ((shape.root as { $defs?: Record<string, Node> }).$defs?.[name] ?? {}) as Node;
}

/** A value the contract accepts as far as its JSON Schema says (refinements aside). */
function valid(shape: Shape, raw: Node, depth: number): fc.Arbitrary<unknown> {
  const node = resolve(shape, raw);
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum) return fc.constantFrom(...node.enum);
  const alternatives = node.anyOf ?? node.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((n) => valid(shape, n, depth)));
  if (node.allOf?.length) return valid(shape, node.allOf[0]!, depth);
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  switch (type) {
    case 'object': {
      const props = Object.entries(node.properties ?? {});
      if (!props.length && node.additionalProperties && typeof node.additionalProperties === 'object' && depth < 4)
        return fc.dictionary(fc.constantFrom('1.1', '1.2', '2.1', 'x'), shaped(shape, node.additionalProperties, depth + 1), { maxKeys: 3 });
      if (depth >= 4) return fc.constant({});
      return fc.record(Object.fromEntries(props.map(([k, v]) => [k, shaped(shape, v, depth + 1)])), {
        requiredKeys: props.filter(([k]) => node.required?.includes(k) ?? false).map(([k]) => k),
      });
    }
    case 'array':
      return depth >= 4 || !node.items
        ? fc.constant([])
        : fc.array(shaped(shape, node.items, depth + 1), { minLength: Math.min(node.minItems ?? 0, 2), maxLength: 3 });
    case 'string':
      return validString(shape, node);
    case 'integer':
      return fc.integer({ min: Math.max(node.minimum ?? -1000, -1e9), max: Math.min(node.maximum ?? 1000, 1e9) });
    case 'number':
      return fc.double({ min: Math.max(node.minimum ?? -1000, -1e9), max: Math.min(node.maximum ?? 1000, 1e9), noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function validString(shape: Shape, node: Node): fc.Arbitrary<string> {
  if (node.format === 'uuid') return fc.oneof(fc.constantFrom(...shape.ids), fc.uuid({ version: 4 }));
  if (node.format === 'date') return fc.constantFrom('2027-06-20', '2027-01-15', '2026-12-31', '2030-02-28');
  if (node.format === 'email') return fc.constantFrom('an@example.vn', 'b.c@example.com');
  if (node.format === 'uri' || node.format === 'url') return fc.constantFrom('https://example.vn/a.pdf', 'http://example.com');
  if (node.pattern === '^\\d{5}$') return fc.constantFrom('30037', '29905', '00004', '99999');
  if (node.pattern === '^\\d{2}$') return fc.constantFrom('82', '01', '99');
  if (node.pattern) {
    try {
      return fc.stringMatching(new RegExp(node.pattern)).filter((s) => s.length <= (node.maxLength ?? 200));
    } catch {
      // A pattern fast-check cannot generate from: fall back to plain text.
    }
  }
  const min = node.minLength ?? 0;
  const max = Math.max(min, Math.min(node.maxLength ?? 40, 40));
  return fc.string({ minLength: min, maxLength: max, unit: fc.constantFrom('a', 'ệ', 'Đ', ' ', '1', '-') });
}

/** The contract's shape with, here and there, a hostile value in place of a valid one. */
function shaped(shape: Shape, node: Node, depth: number): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 10, arbitrary: valid(shape, node, depth) }, { weight: 1, arbitrary: hostileValue });
}

/** A body (or query) for a contract: mostly shaped like it, sometimes anything at all. */
export function bodyArbitrary(shape: Shape): fc.Arbitrary<{ json: unknown } | { raw: string }> {
  return fc.oneof(
    { weight: 6, arbitrary: shaped(shape, shape.root, 0).map((json) => ({ json })) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((json) => ({ json })) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((raw) => ({ raw })) },
  );
}

/**
 * The boundary cases every body route gets, whatever the sampling: each raw body, and a valid-shaped
 * body whose every string, number or nested value is one boundary value.
 */
export function boundaryBodies(shape: Shape, seed: number): ({ json: unknown } | { raw: string })[] {
  const base = fc.sample(valid(shape, shape.root, 0), { seed, numRuns: 1 })[0];
  const swap = (value: unknown, leaf: (v: unknown) => unknown): unknown => {
    if (Array.isArray(value)) return value.map((v) => swap(v, leaf));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v, leaf)]));
    return leaf(value);
  };
  const strings = (s: string) => (v: unknown) => (typeof v === 'string' ? s : v);
  const numbers = (n: number) => (v: unknown) => (typeof v === 'number' ? n : v);
  const everything = (x: unknown) => () => x;
  return [
    ...RAW_BODIES.map((raw) => ({ raw })),
    { json: base },
    { json: swap(base, strings('a'.repeat(HUGE))) },
    { json: swap(base, strings('a\u0000b')) },
    { json: swap(base, strings('\ud800')) },
    { json: swap(base, strings('\u202e\u0301\u0301👨‍👩‍👧')) },
    { json: swap(base, numbers(1e308)) },
    { json: swap(base, numbers(-0)) },
    { json: swap(base, numbers(Number.MAX_SAFE_INTEGER + 2)) },
    { json: swap(base, everything(deep(1000, 'object'))) },
    { json: swap(base, everything(null)) },
  ];
}

/** Query strings for a querystring contract: shaped values and raw, malformed ones. */
export function queryArbitrary(shape: Shape): fc.Arbitrary<string> {
  const encode = (value: unknown) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return '';
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(value)) {
      // URLSearchParams writes a lone surrogate as U+FFFD; the raw variants below send malformed UTF-8 itself.
      params.append(k, typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
    }
    return params.toString();
  };
  const keys = Object.keys(resolve(shape, shape.root).properties ?? {});
  return fc.oneof(
    { weight: 5, arbitrary: shaped(shape, shape.root, 0).map(encode) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...(keys.length ? keys : ['q'])),
          fc.constantFrom('%00', '%ZZ', '%ED%A0%80', '%E2%80%AE', 'a&a=b', '1e308', '-0', '[]', '%F0%9F%98%80'),
        )
        .map(([k, v]) => `${k}=${v}&${k}=${v}`),
    },
  );
}

/** Values put in place of a path parameter (already URL-encoded). */
export const HOSTILE_PARAMS: readonly string[] = [
  '1',
  '-1',
  '%00',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '..%2F..%2Fetc%2Fpasswd',
  'a'.repeat(5000),
  '%F0%9F%98%80',
  '%ED%A0%80',
  '%E2%80%AE',
];
