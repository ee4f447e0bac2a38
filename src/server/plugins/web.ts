import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Serves the built React app from the same process. Paths the API does not know fall back to
 * index.html so the client-side router can handle deep links (e.g. /products/…).
 */
export const webPlugin = fp(async (app: FastifyInstance, opts: { distDir: string }) => {
  const index = path.join(opts.distDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn(`Web app not built (${index} missing): run "npm run build". The API still works.`);
    return;
  }
  await app.register(fastifyStatic, {
    root: opts.distDir,
    // Looked up per request, so a rebuilt app is served without restarting; misses fall through to
    // the not-found handler (index.html for pages, JSON 404 for /api).
    wildcard: true,
    index: 'index.html',
    // A stray source map (from a build made with them) is never served, nor the build's manifest
    // (read by the server to link the portal map's script; it names source files), nor the build's
    // fingerprint: nothing whose name starts with a dot.
    allowedPath: (pathName) => !pathName.endsWith('.map') && !pathName.startsWith('/.'),
    // Hashed asset names never change content: cache them for a year.
    setHeaders: (res, file) => {
      if (file.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
      else if (file.endsWith('index.html')) res.header('cache-control', 'no-cache');
    },
  });
});

/** A browser navigation to a page of the app (not an API call, not a missing asset file). */
export function isPageRequest(url: string, method: string) {
  return (method === 'GET' || method === 'HEAD') && !url.startsWith('/api/') && !path.extname(url.split('?')[0] ?? '');
}
