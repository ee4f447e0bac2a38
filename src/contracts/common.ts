import { z } from 'zod';

export const MessageSchema = z.object({ vi: z.string(), en: z.string() });

/** Every error response: `{ error: { code, message, fields } }`, message in the caller's language. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).default({}),
      details: z.array(z.string()).optional(),
    }),
  })
  .meta({ id: 'ErrorResponse' });

export const IdParams = z.object({ id: z.uuid() });

/** Empty strings from forms mean "not given". */
export const optionalText = (max = 500) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().trim().max(max).nullable().optional());

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(200).optional(),
});

export const paginated = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const OkResponse = z.object({ ok: z.literal(true) });

/** yyyy-mm-dd on the wire; the interface shows dd/mm/yyyy. */
export const IsoDate = z.iso.date();
