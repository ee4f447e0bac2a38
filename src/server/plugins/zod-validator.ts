import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';

/**
 * Validates requests with their Zod contracts, keeping each issue's input (`reportInput`) so the
 * error handler can tell a missing value ("Bắt buộc nhập.") from a wrong one. The input stays on
 * the server: only translated messages reach the client.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return {
      error: result.error.issues.map((issue) => {
        const { path, code, message, ...params } = issue;
        return { keyword: code, instancePath: `/${path.join('/')}`, schemaPath: `#/${path.join('/')}/${code}`, message, params };
      }),
    } as never;
  };
