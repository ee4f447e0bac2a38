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
 * PostgreSQL's answers meaning "not now" rather than "wrong": class 08 (connection exception) and
 * 57P01–57P03 (administrator shutdown, crash shutdown, cannot connect now: a restart or failover).
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123])$/;
/** Socket errors of the driver while the database server is away. */
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** node-postgres says these in words only, without a code. */
const UNAVAILABLE_TEXT =
  /Connection terminated|Connection ended unexpectedly|timeout exceeded when trying to connect|Client has encountered a connection error/i;
/**
 * Text the database cannot store: a NUL character (22021) or an escape it cannot translate (22P05).
 * Request bodies are checked before (zod-validator), but multipart fields and file names reach the
 * database from handlers; whatever way it came, it is the client's input, and the transaction rolled back.
 */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);
/** No space left on the device, or over the quota; PostgreSQL's disk_full (53100). */
const STORAGE_FULL = new Set(['ENOSPC', 'EDQUOT', '53100']);

/** The error and the errors it wraps (the ORM wraps the driver's error in `cause`; a failed connect may be an AggregateError). */
function* errorChain(error: unknown, depth = 0): Generator<{ code?: unknown; message?: unknown }> {
  if (!error || typeof error !== 'object' || depth > 5) return;
  yield error as { code?: unknown; message?: unknown };
  yield* errorChain((error as { cause?: unknown }).cause, depth + 1);
  const inner = (error as { errors?: unknown }).errors;
  if (Array.isArray(inner)) for (const e of inner) yield* errorChain(e, depth + 1);
}

/** The database cannot be reached (restart, failover, network): the request may succeed if tried again. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of errorChain(error)) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_TEXT.test(e.message)) return true;
  }
  return false;
}

/** A write failed for want of disk space (uploaded files, or the database's own files). */
export function isStorageFull(error: unknown): boolean {
  for (const e of errorChain(error)) if (typeof e.code === 'string' && STORAGE_FULL.has(e.code)) return true;
  return false;
}

const DATABASE_UNAVAILABLE: Message = {
  vi: 'Cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau ít phút.',
  en: 'The database is temporarily unavailable. Please try again in a few minutes.',
};
const STORAGE_UNAVAILABLE_MESSAGE: Message = {
  vi: 'Kho lưu trữ tệp tạm thời không truy cập được. Vui lòng thử lại sau ít phút.',
  en: 'The file storage is temporarily unavailable. Please try again in a few minutes.',
};
const STORAGE_FULL_MESSAGE: Message = {
  vi: 'Máy chủ đã hết dung lượng lưu trữ nên chưa lưu được. Vui lòng báo quản trị viên.',
  en: 'The server is out of storage space, so nothing was saved. Please tell the administrator.',
};

/** What the multipart parser (busboy) throws at a body without a boundary, cut short, or not multipart at all. */
const MALFORMED_MULTIPART =
  /^(Multipart: Boundary not found|Unexpected end of (multipart data|form)|Malformed part header|.* terminated early due to unexpected end of multipart data)/;
const INVALID_MULTIPART: Message = {
  vi: 'Dữ liệu tệp gửi lên bị hỏng hoặc không đầy đủ. Vui lòng gửi lại.',
  en: 'The uploaded form data is malformed or incomplete. Please send it again.',
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
    if (MALFORMED_MULTIPART.test(error.message ?? '')) return send(reply, lang, 400, 'invalid_multipart', INVALID_MULTIPART);
    if (error.statusCode === 429)
      return send(reply, lang, 429, 'too_many_requests', { vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau.', en: 'Too many requests; try again later.' });
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      return send(reply, lang, error.statusCode, 'bad_request', { vi: 'Yêu cầu không hợp lệ.', en: error.message });
    if ([...errorChain(error)].some((e) => typeof e.code === 'string' && UNSTORABLE_TEXT.has(e.code)))
      return send(reply, lang, 400, 'invalid_characters', {
        vi: 'Dữ liệu có ký tự không lưu được (ví dụ ký tự NUL).',
        en: 'The input holds characters that cannot be stored (such as NUL).',
      });
    // Object storage (STORAGE_URL) out of reach: checked first, its socket errors would otherwise read as the database's.
    if ([...errorChain(error)].some((e) => e.code === 'storage_unavailable')) {
      request.log.warn({ err: error }, 'file storage unavailable');
      void reply.header('retry-after', '5');
      return send(reply, lang, 503, 'storage_unavailable', STORAGE_UNAVAILABLE_MESSAGE);
    }
    if (isDatabaseUnavailable(error)) {
      // Not a fault of the request: a 503 tells clients and load balancers to come back; the pool reconnects by itself.
      request.log.warn({ err: error }, 'database unavailable');
      void reply.header('retry-after', '5');
      return send(reply, lang, 503, 'database_unavailable', DATABASE_UNAVAILABLE);
    }
    if (isStorageFull(error)) {
      request.log.error({ err: error }, 'storage full');
      return send(reply, lang, 507, 'storage_full', STORAGE_FULL_MESSAGE);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, lang, 500, 'internal', { vi: 'Lỗi hệ thống. Vui lòng thử lại sau.', en: 'Internal error. Please try again later.' });
  });

  app.setNotFoundHandler((request, reply) => {
    if (opts.spaFallback?.(request, reply)) return reply;
    return send(reply, requestLang(request), 404, 'route_not_found', { vi: 'Không tìm thấy địa chỉ này.', en: 'No such route.' });
  });
});

/**
 * Errors Fastify raises before a route is chosen (a path that is not valid UTF-8 once decoded, a
 * parameter over the length limit): the same `{ error }` shape, and never the path echoed back.
 */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const lang = requestLang(request);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return send(reply, lang, 414, 'uri_too_long', { vi: 'Địa chỉ quá dài.', en: 'The address is too long.' });
  return send(reply, lang, 400, 'bad_url', { vi: 'Địa chỉ không hợp lệ.', en: 'The address is malformed.' });
}
