import type { IncomingMessage, ServerResponse } from 'node:http';

type HeaderMiddleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/**
 * The headers a middleware sets when they never depend on the request (helmet with a fixed policy),
 * worked out once on a stand-in response, so that each answer gets them as one object.
 */
export function staticHeaders(middleware: HeaderMiddleware): Record<string, string> {
  const headers = new Map<string, string>();
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value));
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  let failure: unknown;
  let called = false;
  middleware({ headers: {} } as IncomingMessage, response as unknown as ServerResponse, (err) => {
    called = true;
    failure = err;
  });
  if (!called) throw new Error('The header middleware did not finish at once: its headers depend on the request.');
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return Object.fromEntries(headers);
}
