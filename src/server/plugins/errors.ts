import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { AppError, type ErrorKind, type Message } from '../../domain/errors.js';
import { fieldErrors } from '../../contracts/messages.js';

export type Lang = 'vi' | 'en';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
};

/** Vietnamese unless the client asks for English (the web app sends its chosen language). */
export function requestLang(request: FastifyRequest): Lang {
  const header = request.headers['accept-language'];
  return typeof header === 'string' && /^en\b/i.test(header.trim()) ? 'en' : 'vi';
}

function send(
  reply: FastifyReply,
  lang: Lang,
  status: number,
  code: string,
  message: Message,
  fields: Record<string, Message> = {},
  details: readonly string[] = [],
) {
  const localized = Object.fromEntries(Object.entries(fields).map(([k, m]) => [k, m[lang]]));
  return reply.status(status).send({ error: { code, message: message[lang], fields: localized, ...(details.length ? { details } : {}) } });
}

/** Framework errors a client can cause, with the words a user should read. */
const CLIENT_ERRORS: Record<string, { status: number; code: string; message: Message }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', message: { vi: 'Nội dung JSON không hợp lệ.', en: 'The JSON body is malformed.' } },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_json', message: { vi: 'Thiếu nội dung JSON.', en: 'The JSON body is empty.' } },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'too_large', message: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' } },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'file_too_large', message: { vi: 'Tệp quá lớn.', en: 'The file is too large.' } },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: { vi: 'Kiểu nội dung không được hỗ trợ.', en: 'Unsupported content type.' },
  },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: { vi: 'Cần gửi tệp dạng multipart/form-data.', en: 'Expected multipart/form-data.' },
  },
};

/**
 * One place maps every error to `{ error: { code, message, fields } }`. Bad input is never a 500;
 * only a fault of ours is, and then the details go to the log, not to the client.
 */
export const errorsPlugin = fp(async (app: FastifyInstance, opts: { spaFallback?: (request: FastifyRequest, reply: FastifyReply) => boolean }) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const lang = requestLang(request);
    if (error instanceof AppError) return send(reply, lang, STATUS[error.kind], error.code, error.messages, error.fields, error.details);
    if (error instanceof z.ZodError) {
      return send(reply, lang, 400, 'validation_failed', { vi: 'Dữ liệu không hợp lệ.', en: 'The input is invalid.' }, fieldErrors(error.issues));
    }
    if (error.validation) {
      // Rebuild Zod issues from Fastify's validation entries (see plugins/zod.ts) for bilingual messages.
      const prefix = error.validationContext === 'body' ? [] : [error.validationContext ?? ''];
      const issues = error.validation.map(
        (v) =>
          ({
            ...(v.params as object),
            code: v.keyword,
            message: v.message ?? '',
            path: [...prefix.filter(Boolean), ...v.instancePath.split('/').filter(Boolean)],
          }) as unknown as z.core.$ZodIssue,
      );
      return send(reply, lang, 400, 'validation_failed', { vi: 'Dữ liệu không hợp lệ.', en: 'The input is invalid.' }, fieldErrors(issues));
    }
    const known = error.code ? CLIENT_ERRORS[error.code] : undefined;
    if (known) return send(reply, lang, known.status, known.code, known.message);
    if (error.statusCode === 429)
      return send(reply, lang, 429, 'too_many_requests', { vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau.', en: 'Too many requests; try again later.' });
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      return send(reply, lang, error.statusCode, 'bad_request', { vi: 'Yêu cầu không hợp lệ.', en: error.message });
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, lang, 500, 'internal', { vi: 'Lỗi hệ thống. Vui lòng thử lại sau.', en: 'Internal error. Please try again later.' });
  });

  app.setNotFoundHandler((request, reply) => {
    if (opts.spaFallback?.(request, reply)) return reply;
    return send(reply, requestLang(request), 404, 'route_not_found', { vi: 'Không tìm thấy địa chỉ này.', en: 'No such route.' });
  });
});
