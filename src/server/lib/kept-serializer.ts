import type { FastifyRouteSchemaDef } from 'fastify/types/schema.js';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';

/**
 * The contract's serializer (the answer checked against its Zod schema, then written as JSON),
 * run once per answer object: a route whose answers come from a cache hands the same object again
 * and again, and gets the JSON written the first time: the label check (thousands a second, where
 * checking and writing the same 1.3 KB each time was a fifth of what an answer cost), and the
 * answers kept until the records change (the work list's 140 KB took 5 ms to check and write).
 * Answers are never changed after they are made (the caches hold them as they are).
 */
export function keptSerializerCompiler<S>(route: FastifyRouteSchemaDef<S>) {
  const serialize = serializerCompiler(route as unknown as FastifyRouteSchemaDef<ZodType>);
  const kept = new WeakMap<object, string>();
  return (data: unknown) => {
    if (typeof data !== 'object' || data === null) return serialize(data);
    let json = kept.get(data);
    if (json === undefined) {
      json = serialize(data);
      kept.set(data, json);
    }
    return json;
  };
}
