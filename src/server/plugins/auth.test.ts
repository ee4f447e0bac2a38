import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import type { AuthService } from '../modules/auth/auth.service.js';
import { authPlugin } from './auth.js';

/**
 * Every /api route must say who may call it. The check runs at registration, so an application
 * that builds at all (as every API test does) has a policy on every route; this proves the check.
 */
describe('route policies', () => {
  const build = async (declare: boolean) => {
    const app = Fastify();
    await app.register(fastifyCookie);
    await app.register(authPlugin, { auth: {} as AuthService, config: loadConfig({}) });
    app.get('/api/v1/example', declare ? { config: { access: 'public' } } : {}, async () => 'x');
    return app.ready();
  };

  it('refuses an API route without an access policy', async () => {
    await expect(build(false)).rejects.toThrow(/GET \/api\/v1\/example declares no access policy/);
  });

  it('accepts one that declares it', async () => {
    await expect(build(true)).resolves.toBeDefined();
  });
});
