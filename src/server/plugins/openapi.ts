import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** OpenAPI generated from the same Zod contracts the routes validate with; UI at /api/docs. */
export const openApiPlugin = fp(async (app: FastifyInstance, opts: { version: string }) => {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'OCOP API',
        description:
          'API của nền tảng quản lý Chương trình OCOP. Đăng nhập qua POST /api/v1/auth/login (cookie phiên); ' +
          'mọi yêu cầu thay đổi dữ liệu kèm header x-csrf-token. Lỗi: { error: { code, message, fields } }, ' +
          'ngôn ngữ theo Accept-Language (vi mặc định, en).',
        version: opts.version,
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ocop_session' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
});
