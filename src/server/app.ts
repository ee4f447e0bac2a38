import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { admissionPlugin } from './plugins/admission.js';
import { securityHeaders } from './lib/security-headers.js';
import type { AppConfig } from './config.js';
import { pingDatabase, type Database } from './db/client.js';
import { openFileStorage } from './lib/storage.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { passwordResetRoutes } from './modules/auth/password-reset.routes.js';
import { createPasswordResetService } from './modules/auth/password-reset.service.js';
import { createCriteriaCatalogue } from './modules/criteria/criteria.catalogue.js';
import { criteriaRoutes } from './modules/criteria/criteria.routes.js';
import { createCriteriaService } from './modules/criteria/criteria.service.js';
import { scoringRoutes } from './modules/scoring/scoring.routes.js';
import { createSelfAssessmentsService } from './modules/self-assessments/self-assessments.service.js';
import { selfAssessmentsRoutes } from './modules/self-assessments/self-assessments.routes.js';
import { createRoundsService } from './modules/rounds/rounds.service.js';
import { roundsRoutes } from './modules/rounds/rounds.routes.js';
import { createDossiersService } from './modules/dossiers/dossiers.service.js';
import { createFilingsService } from './modules/dossiers/filings.service.js';
import { createCalendarService } from './modules/calendar/calendar.service.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { dossiersRoutes } from './modules/dossiers/dossiers.routes.js';
import { createQuestionsService } from './modules/dossiers/questions.service.js';
import { createPapersService } from './modules/dossiers/papers.service.js';
import { createMinistryPackageService } from './modules/ministry/ministry-package.service.js';
import { ministryRoutes } from './modules/ministry/ministry.routes.js';
import { createNotificationsService } from './modules/notifications/notifications.service.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { createCertificatesService } from './modules/certificates/certificates.service.js';
import { createLabelRegister } from './modules/certificates/label-register.js';
import { createDecisionsService } from './modules/certificates/decisions.service.js';
import { createHistoricalResultsService } from './modules/certificates/historical-results.service.js';
import { certificatesRoutes } from './modules/certificates/certificates.routes.js';
import { createPortalService } from './modules/portal/portal.service.js';
import { createProvinceMap } from './modules/portal/portal.map.js';
import { portalPageRoutes, publicApiRoutes } from './modules/portal/portal.routes.js';
import { createCouncilsService } from './modules/councils/councils.service.js';
import { councilsRoutes } from './modules/councils/councils.routes.js';
import { createHomeService } from './modules/home/home.service.js';
import { homeRoutes } from './modules/home/home.routes.js';
import { createSessionsService } from './modules/councils/sessions.service.js';
import { createSheetsService } from './modules/councils/sheets.service.js';
import { createDocumentsService } from './modules/documents/documents.service.js';
import { documentsRoutes } from './modules/documents/documents.routes.js';
import { createSettingsService } from './modules/settings/settings.service.js';
import { createProductsService } from './modules/products/products.service.js';
import { productsRoutes } from './modules/products/products.routes.js';
import { referenceRoutes } from './modules/reference/reference.routes.js';
import { createSubjectsService } from './modules/subjects/subjects.service.js';
import { subjectsRoutes } from './modules/subjects/subjects.routes.js';
import { createUsersService } from './modules/users/users.service.js';
import { createImportsService } from './modules/imports/imports.service.js';
import { importsRoutes } from './modules/imports/imports.routes.js';
import { createIndicatorsService } from './modules/indicators/indicators.service.js';
import { indicatorsRoutes } from './modules/indicators/indicators.routes.js';
import { createPlansService } from './modules/plans/plans.service.js';
import { plansRoutes } from './modules/plans/plans.routes.js';
import { createReportsService } from './modules/reports/reports.service.js';
import { reportsRoutes } from './modules/reports/reports.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { createSalesPointsService } from './modules/sales-points/sales-points.service.js';
import { salesPointsRoutes } from './modules/sales-points/sales-points.routes.js';
import { createListingsService } from './modules/listings/listings.service.js';
import { listingsRoutes } from './modules/listings/listings.routes.js';
import { createTradeEventsService } from './modules/trade-events/trade-events.service.js';
import { tradeEventsRoutes } from './modules/trade-events/trade-events.routes.js';
import { createIdeasService } from './modules/ideas/ideas.service.js';
import { ideasRoutes } from './modules/ideas/ideas.routes.js';
import { createSupportService } from './modules/support/support.service.js';
import { supportRoutes } from './modules/support/support.routes.js';
import { createCommunicationService } from './modules/communication/communication.service.js';
import { communicationRoutes } from './modules/communication/communication.routes.js';
import { createTrainingService } from './modules/training/training.service.js';
import { trainingRoutes } from './modules/training/training.routes.js';
import { authPlugin } from './plugins/auth.js';
import { postgresRateLimitStore } from './plugins/rate-limit-store.js';
import { errorsPlugin, frameworkError } from './plugins/errors.js';
import { zodValidatorCompiler } from './plugins/zod-validator.js';
import { openApiPlugin } from './plugins/openapi.js';
import { isPageRequest, webPlugin } from './plugins/web.js';
import { PACKAGE_ROOT } from './config.js';

export const APP_VERSION: string = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

export type BuildOptions = {
  config: AppConfig;
  database: Database;
  logger?: boolean;
  /** Where the log goes when `logger` is on (standard output unless given; tests read it). */
  logStream?: NodeJS.WritableStream;
  /** The time source of date-based rules (deadlines, validity); tests move it. */
  clock?: () => Date;
  /**
   * How long a label check may go without asking whether records changed (label-register.ts; 2 s).
   * Tests that write records straight to the database, as another process would, ask every time.
   */
  labelFreshnessMs?: number;
  /** Read the label register as soon as the server listens (the server does; tests read it at the first check). */
  warmLabels?: boolean;
};

/**
 * Fastify writes two lines per request at `info`, which drown what matters under load: here one
 * line per request, at `debug` (shown when LOG_LEVEL is debug or trace). Failed requests are
 * still logged at `error`, and the error handler logs what it handles.
 */
class RequestLog extends LogController {
  override incomingRequest() {}
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    if (error) reply.log.error({ res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    // Asked first: the line's object and its timing would be made for every request, then dropped.
    else if (reply.log.level === 'debug' || reply.log.level === 'trace')
      reply.log.debug({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
  override routeNotFound(request: FastifyRequest) {
    request.log.debug({ req: request }, 'route not found');
  }
}

/** Builds the application without listening, so tests drive it with `app.inject`. */
export async function buildApp({
  config,
  database,
  logger = false,
  logStream,
  clock = () => new Date(),
  labelFreshnessMs,
  warmLabels = false,
}: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel, ...(logStream ? { stream: logStream } : {}) } : false,
    logController: new RequestLog(),
    // A hop count trusts that many proxies nearest to the server, as proxy-addr does.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: 1024 * 1024,
    frameworkErrors: frameworkError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const { db } = database;
  const storage = openFileStorage(config);
  // A missing bucket or refused credentials stop the start, rather than the first upload.
  app.addHook('onReady', () => storage.check());
  app.addHook('onClose', () => storage.close());
  const auth = createAuthService(db, config);
  const catalogue = createCriteriaCatalogue(db);
  const settings = createSettingsService(db);
  const calendar = createCalendarService(db);
  const rounds = createRoundsService(db, catalogue, config.provinceCode, clock);
  const filings = createFilingsService(db, catalogue, settings, storage);
  // The public portal reads from the replica when one is configured (DATABASE_READ_URL). Its
  // short-lived cache and the label register are brought up to date in this process whenever a
  // certificate is issued or revoked; other processes see the change when their cache entry
  // expires (30 s), and in their label register within 2 s.
  const labels = createLabelRegister(database.read, {
    clock,
    ...(labelFreshnessMs === undefined ? {} : { freshnessMs: labelFreshnessMs }),
    onStale: (err) => app.log.warn({ err }, 'label register: answering from the labels read before'),
  });
  if (warmLabels) {
    app.addHook('onListen', () => {
      labels.warm().catch((err: unknown) => app.log.warn({ err }, 'label register: not read at start; the first check reads it'));
    });
  }
  const portal = createPortalService(database.read, { provinceCode: config.provinceCode, storage, labels, clock });
  const provinceMap = createProvinceMap(portal);
  const services = {
    auth,
    criteria: createCriteriaService(db, catalogue),
    users: createUsersService(db, clock),
    subjects: createSubjectsService(db),
    products: createProductsService(db, storage, clock),
    selfAssessments: createSelfAssessmentsService(db, catalogue, settings, storage, clock),
    rounds,
    calendar,
    filings,
    dossiers: createDossiersService({ db, catalogue, filings, rounds, calendar, clock }),
    notifications: createNotificationsService(db, clock),
    certificates: createCertificatesService(db, clock, () => portal.invalidate()),
    decisions: createDecisionsService(db, clock, () => portal.invalidate()),
    results: createHistoricalResultsService(db, clock),
    imports: createImportsService(db, config.provinceCode, { maxBytes: config.importMaxBytes, maxRows: config.importMaxRows }, clock, {
      storage,
      singleProcess: database.kind === 'pglite',
      queueForWorker: config.backgroundWork === 'off',
    }),
    plans: createPlansService(db, config.provinceCode),
    indicators: createIndicatorsService(db, config.provinceCode, clock, database.read),
    councils: createCouncilsService({ db, settings, storage, clock }),
    sessions: createSessionsService({ db, catalogue, settings, clock }),
    sheets: createSheetsService({ db, catalogue, settings, storage, clock }),
    papers: createPapersService(db, storage, clock),
    questions: createQuestionsService(db, catalogue, clock),
    documents: createDocumentsService(db, storage),
  };

  const indexHtml = path.join(config.webDistDir, 'index.html');
  await app.register(errorsPlugin, {
    spaFallback: (request, reply) => {
      if (!isPageRequest(request.url, request.method) || !fs.existsSync(indexHtml)) return false;
      void reply.type('text/html').header('cache-control', 'no-cache').send(fs.createReadStream(indexHtml));
      return true;
    },
  });
  // The security headers, worked out once (lib/security-headers.ts): handed to the reply as one
  // object they are written with the rest. A route may still set its own.
  const headersFor = securityHeaders(config);
  app.addHook('onRequest', (request, reply, done) => {
    void reply.headers(headersFor(request.url));
    done();
  });
  // Every text answer compressed (brotli or gzip, as the client accepts): the web app's scripts
  // shrink to about a third, which is what a phone on 3G waits for.
  // Brotli at quality 4: nearly gzip's speed with a smaller result (11, the default, costs ~10 ms per 100 KB).
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  // Before the session is looked up: with PGlite that is the first query (plugins/admission.ts).
  if (database.kind === 'pglite') await app.register(admissionPlugin, { turnBudgetMs: 5 });
  await app.register(fastifyCookie);
  // On PostgreSQL the counters are in the database, shared by every process (docs/multi-process.md); PGlite is one process.
  await app.register(fastifyRateLimit, { global: false, ...(database.kind === 'postgres' ? { store: postgresRateLimitStore(db) } : {}) });
  await app.register(openApiPlugin, { version: APP_VERSION });
  await app.register(authPlugin, { auth, config });

  // The label check's JSON, the open data and the map's data: under /api/v1 with the rest of the API,
  // in a scope of their own that takes no uploads (below).
  await app.register(publicApiRoutes, { prefix: '/api/v1', portal, provinceMap, certificates: services.certificates, config });

  await app.register(
    async (api) => {
      // Uploads are taken by API routes alone. Registered here rather than for the whole server, its
      // hooks (a listener on every response, a clean-up of saved files after it) stay off the
      // portal's pages and the label check.
      await api.register(fastifyMultipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10 }, throwFileSizeLimit: true });
      api.get('/health', { config: { access: 'public' }, schema: { tags: ['System'], response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => {
        await pingDatabase(database.db);
        return { status: 'ok' as const };
      });
      await api.register(authRoutes, { auth, config });
      await api.register(passwordResetRoutes, { passwordReset: createPasswordResetService(db, config, clock) });
      await api.register(referenceRoutes, { db, config, version: APP_VERSION });
      await api.register(usersRoutes, { users: services.users });
      await api.register(subjectsRoutes, { subjects: services.subjects });
      await api.register(productsRoutes, { products: services.products });
      await api.register(criteriaRoutes, { criteria: services.criteria });
      await api.register(scoringRoutes, { catalogue, settings, config });
      await api.register(selfAssessmentsRoutes, { selfAssessments: services.selfAssessments });
      await api.register(roundsRoutes, { rounds: services.rounds });
      await api.register(calendarRoutes, { calendar });
      await api.register(dossiersRoutes, { dossiers: services.dossiers, filings, papers: services.papers, questions: services.questions });
      await api.register(ministryRoutes, {
        ministryPackage: createMinistryPackageService({
          dossiers: services.dossiers,
          filings,
          papers: services.papers,
          questions: services.questions,
          sessions: services.sessions,
          decisions: services.decisions,
        }),
      });
      await api.register(notificationsRoutes, { notifications: services.notifications });
      await api.register(councilsRoutes, { councils: services.councils, sessions: services.sessions, sheets: services.sheets });
      await api.register(documentsRoutes, { documents: services.documents });
      await api.register(homeRoutes, { home: createHomeService(db, clock) });
      await api.register(plansRoutes, { plans: services.plans });
      await api.register(indicatorsRoutes, { indicators: services.indicators });
      await api.register(reportsRoutes, { reports: createReportsService(db, services.indicators, config.provinceCode, clock) });
      await api.register(importsRoutes, { imports: services.imports, limits: { maxBytes: config.importMaxBytes, maxRows: config.importMaxRows } });
      await api.register(certificatesRoutes, { certificates: services.certificates, decisions: services.decisions, results: services.results, config });
      // Market access and programme activities.
      await api.register(salesPointsRoutes, { salesPoints: createSalesPointsService(db, config.provinceCode, clock, () => portal.invalidate()) });
      await api.register(listingsRoutes, { listings: createListingsService(db, config.provinceCode, clock, () => portal.invalidate()) });
      await api.register(tradeEventsRoutes, { tradeEvents: createTradeEventsService(db, config.provinceCode, storage, clock) });
      await api.register(ideasRoutes, { ideas: createIdeasService(db, config.provinceCode, clock) });
      await api.register(supportRoutes, { support: createSupportService(db, config.provinceCode, clock) });
      await api.register(communicationRoutes, { communication: createCommunicationService(db, config.provinceCode, clock) });
      await api.register(trainingRoutes, { training: createTrainingService(db, config.provinceCode, clock) });
    },
    { prefix: '/api/v1' },
  );

  await app.register(portalPageRoutes, { portal, provinceMap, config });
  await app.register(webPlugin, { distDir: config.webDistDir });
  return app;
}
