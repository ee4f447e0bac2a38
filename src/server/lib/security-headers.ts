import helmet from 'helmet';
import { tileSource, type AppConfig } from '../config.js';
import { staticHeaders } from './static-headers.js';

/** The API's answers: everything under /api/v1 (the OpenAPI page, /api/docs, is a page). */
const API_PREFIX = '/api/v1/';

/**
 * The security headers of an answer to an address, worked out once: they depend on the configuration only.
 *
 * Pages (the portal, the web app, the API's documentation) get helmet's set with the site's content
 * policy, less the three headers only retired clients read: IE8's download prompt
 * (X-Download-Options), Flash's and Acrobat's cross-domain files (X-Permitted-Cross-Domain-Policies)
 * and the XSS auditor that browsers removed by 2019 (X-XSS-Protection, which helmet sets to 0 only to
 * switch it off). The API's answers (JSON, downloads, uploaded files) are never a page that runs scripts or
 * loads anything, so they get the shorter set the OWASP REST Security Cheat Sheet gives for APIs,
 * with a stricter policy: nothing may load (`default-src 'none'`) and nothing may frame them. The
 * headers that only a document uses (opener policy, origin-agent cluster, DNS prefetch) are left off
 * too: measured on the label check, helmet's fourteen headers cost a quarter of a small answer's
 * throughput, most of it in parsing on the client's side. Every page pays for its headers as well:
 * the verification page a QR code opens is the portal's most asked.
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
      xDownloadOptions: false,
      xPermittedCrossDomainPolicies: false,
      xXssProtection: false,
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
