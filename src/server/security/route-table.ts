import type { FastifyInstance, FastifyServerOptions, HTTPMethods, RouteOptions } from 'fastify';
import type { RouteAccess } from '../../domain/policies/index.js';

/** A route as registered: what the access matrix and the fuzzing walk over. */
export type LiveRoute = {
  method: HTTPMethods;
  url: string;
  access: RouteAccess | undefined;
  schema: RouteOptions['schema'];
};

const routes: LiveRoute[] = [];

/**
 * Wraps the Fastify factory so every route the application registers is recorded with its declared
 * access and schema. The tests read the table the server really serves, not a list kept by hand, so
 * a route added without an entry in the matrix fails them.
 */
export function recordingFactory<F>(factory: F): F {
  const create = factory as (opts?: FastifyServerOptions) => FastifyInstance;
  return ((opts?: FastifyServerOptions) => {
    const app = create(opts);
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        routes.push({ method: method as HTTPMethods, url: route.url, access: route.config?.access, schema: route.schema });
      }
    });
    return app;
  }) as F;
}

/**
 * The application's routes: the API and every page that declares its access (the API documentation
 * and static files declare none). HEAD twins of GET routes are left out: they share the GET route's access.
 */
export const liveRoutes = (): LiveRoute[] => routes.filter((r) => r.method !== 'HEAD' && (r.url.startsWith('/api/v1/') || r.access !== undefined));

export const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
