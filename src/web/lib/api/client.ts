import i18next from 'i18next';
import type { z } from 'zod';
import { ErrorResponse } from '../../../contracts/common.js';

/**
 * The one way the web app talks to the API: JSON in and out, the session cookie sent
 * automatically, the CSRF token echoed on every state-changing call, and the UI language sent so
 * error messages come back in it. Responses are parsed with the shared Zod contracts.
 */

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field path ("name", "certifications.0.number") → message, in the UI language. */
    readonly fields: Record<string, string> = {},
    /** Every problem of a rejected file (criteria import), when the server lists them. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

let csrfToken: string | null = null;
let currentLanguage: () => string = () => 'vi';

/** Kept from /auth/login, /auth/me and /auth/password responses. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setLanguageSource(source: () => string): void {
  currentLanguage = source;
}

type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** `?a=1&b=x`, leaving out empty values so "all" filters are simply absent. */
export function toQueryString(params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

type RequestOptions<S extends z.ZodType> = {
  method?: Method;
  query?: QueryParams;
  body?: unknown;
  schema: S;
  signal?: AbortSignal;
};

function headersFor(method: Method, hasBody: boolean): Headers {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': currentLanguage() });
  if (hasBody) headers.set('Content-Type', 'application/json');
  if (method !== 'GET' && csrfToken) headers.set('x-csrf-token', csrfToken);
  return headers;
}

const networkError = () => new ApiError(0, 'network', i18next.t('errors.network'));

/** Builds an ApiError from any error body, falling back to the HTTP status text. */
function errorFrom(status: number, statusText: string, body: unknown): ApiError {
  const parsed = ErrorResponse.safeParse(body);
  if (parsed.success) return new ApiError(status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.fields, parsed.data.error.details);
  return new ApiError(status, 'http_error', `${status} ${statusText}`);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export async function apiRequest<S extends z.ZodType>(path: string, options: RequestOptions<S>): Promise<z.output<S>> {
  const method = options.method ?? 'GET';
  const hasBody = options.body !== undefined;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${toQueryString(options.query)}`, {
      method,
      headers: headersFor(method, hasBody),
      body: hasBody ? JSON.stringify(options.body) : null,
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }
  const body = await readJson(response);
  if (!response.ok) throw errorFrom(response.status, response.statusText, body);
  return options.schema.parse(body);
}

type UploadOptions = {
  onProgress?: (percent: number) => void;
  /** Text fields sent before the file, for servers that read them while streaming the file. */
  fields?: Record<string, string>;
};

/**
 * Multipart upload of one file (field "file"). XMLHttpRequest rather than fetch because only it
 * reports upload progress.
 */
export function apiUpload<S extends z.ZodType>(path: string, file: File, schema: S, options: UploadOptions = {}): Promise<z.output<S>> {
  return apiUploadFiles(path, [file], schema, { ...options, fieldName: 'file' });
}

type UploadFilesOptions = UploadOptions & {
  /** Multipart field every file is sent in. */
  fieldName?: string;
  query?: QueryParams;
};

/** Multipart upload of several files in one field (default "files"), with upload progress. */
export function apiUploadFiles<S extends z.ZodType>(
  path: string,
  files: readonly File[],
  schema: S,
  { onProgress, fields = {}, fieldName = 'files', query }: UploadFilesOptions = {},
): Promise<z.output<S>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}${toQueryString(query)}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(networkError());
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : null;
      } catch {
        body = null;
      }
      if (xhr.status < 200 || xhr.status >= 300) return reject(errorFrom(xhr.status, xhr.statusText, body));
      const parsed = schema.safeParse(body);
      return parsed.success ? resolve(parsed.data) : reject(parsed.error);
    };
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    for (const file of files) form.append(fieldName, file);
    xhr.send(form);
  });
}

/** The name a download is saved under: `filename*` (UTF-8) when given, else `filename`. */
export function attachmentName(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed encoding: fall back to the plain name.
    }
  }
  return /filename\s*=\s*"([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/**
 * Downloads a file (an export, a document) with the session and the UI language, and saves it
 * under the server's name. A refusal comes back as an ApiError, like any other call.
 */
export async function apiDownload(path: string, query: QueryParams = {}): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${toQueryString(query)}`, { headers: { 'Accept-Language': currentLanguage() }, credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw errorFrom(response.status, response.statusText, await readJson(response));
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = attachmentName(response.headers.get('content-disposition'), path.split('/').filter(Boolean).join('-'));
  document.body.append(link);
  link.click();
  link.remove();
  // Released a little later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
