import helmet from 'helmet';
import { tileSource, type AppConfig } from '../config.js';
import { staticHeaders } from './static-headers.js';

/** The API's answers: everything under /api/v1 (the OpenAPI page, /api/docs, is a page). */
const API_PREFIX = '/api/v1/';

/**
 * The security headers of an answer to an address, worked out once: they depend on the configuration only.
 *
 * Pages (the portal, the web app, the API's documentation) get helmet's set with the site's content
 * policy. The API's answers (JSON, downloads, uploaded files) are never a page that runs scripts or
 * loads anything, so they get the shorter set the OWASP REST Security Cheat Sheet gives for APIs,
 * with a stricter policy: nothing may load (`default-src 'none'`) and nothing may frame them. The
 * headers that only a document uses (opener policy, origin-agent cluster, DNS prefetch) and those for
 * retired clients (IE8's download prompt, the XSS auditor, Flash's cross-domain files) are left off:
 * measured on the label check, helmet's fourteen headers cost a quarter of a small answer's
 * throughput, most of it in parsing on the client's side.
 */
export function securityHeaders(config: Pick<AppConfig, 'mapTiles' | 'secureCookies'>) {
  const page = staticHeaders(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // The public map's tiles, only when a tile server is configured (MAP_TILE_URL).
          imgSrc: ["'self'", 'data:', 'blob:', ...(config.mapTiles ? [tileSource(config.mapTiles.url)] : [])],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          // No page of ours is meant to sit in another site's frame (clickjacking of council actions).
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: config.secureCookies ? [] : null,
        },
      },
      hsts: config.secureCookies,
    }),
  );
  const api: Record<string, string> = {
    'content-security-policy': "default-src 'none';frame-ancestors 'none'",
    'cross-origin-resource-policy': page['cross-origin-resource-policy']!,
    'referrer-policy': page['referrer-policy']!,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    ...(page['strict-transport-security'] ? { 'strict-transport-security': page['strict-transport-security'] } : {}),
  };
  return (url: string) => (url.startsWith(API_PREFIX) ? api : page);
}
