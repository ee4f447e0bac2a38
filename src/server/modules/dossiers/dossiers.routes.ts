import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.js';
import { DossierExportQuery, ExportFileResponse } from '../../../contracts/exports.js';
import {
  AnswerBody,
  Checklist,
  Dossier,
  DossierCreateBody,
  DossierFiling,
  FilingEvidenceParams,
  DossierEvent,
  DossierList,
  DossierListQuery,
  EvidenceQuestion,
  QuestionCreateBody,
  QuestionParams,
  SiteVisit,
  SiteVisitBody,
  TransitionBody,
} from '../../../contracts/evaluation.js';
import { sendDocx, sendFile } from '../../lib/http-files.js';
import { sendTableExport } from '../../lib/table-export.js';
import { dossierExport } from './dossiers.export.js';
import type { DossiersService } from './dossiers.service.js';
import type { FilingsService } from './filings.service.js';
import { DOSSIER_FORMS, dossierFormDocx } from './forms.docx.js';
import type { PapersService } from './papers.service.js';
import type { QuestionsService } from './questions.service.js';

const DossierFormParams = z.object({ id: z.uuid(), form: z.enum(DOSSIER_FORMS) });
const DossierPaperParams = z.object({ id: z.uuid(), documentId: z.uuid() });

const REGISTRY_USERS = ['admin', 'officer', 'producer'] as const;
const tags = ['Hồ sơ / Dossiers'];

type Deps = { dossiers: DossiersService; filings: FilingsService; papers: PapersService; questions: QuestionsService };

export const dossiersRoutes: FastifyPluginAsyncZod<Deps> = async (app, { dossiers, filings, papers, questions }) => {
  // What a dossier was filed with: those who see the dossier and the councils sitting on it.
  const READERS = [...REGISTRY_USERS, 'council'] as const;
  app.get(
    '/dossiers/:id/filing',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'What the dossier was filed with (Mẫu 01, product and producer, Mẫu 02 sheet, evidence): immutable',
        params: IdParams,
        response: { 200: DossierFiling },
      },
    },
    (req) => filings.current(req.actor, req.params.id),
  );
  app.get(
    '/dossiers/:id/forms/:form',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary:
          'A form of the procedure from the records (DOCX): mau-01, mau-02, mau-03, de-nghi-cua-xa (the commune’s proposal letter), van-ban-gui-bo (the province’s letter to the ministry)',
        params: DossierFormParams,
      },
    },
    async (req, reply) =>
      sendDocx(reply, `${req.params.form}.docx`, await dossierFormDocx(req.params.form, await filings.formsInput(req.actor, req.params.id))),
  );
  app.get(
    '/dossiers/:id/filings/:filingId/evidence/:evidenceId',
    { config: { access: READERS }, schema: { tags, summary: 'A filed evidence file', params: FilingEvidenceParams } },
    async (req, reply) => sendFile(reply, await filings.evidenceFile(req.actor, req.params.id, req.params.filingId, req.params.evidenceId)),
  );
  // The papers a dossier carries (Phụ lục II): its readers and the councils sitting on it.
  app.get(
    '/dossiers/:id/checklist',
    {
      config: { access: READERS },
      schema: { tags: ['Tài liệu hồ sơ / Documents'], summary: 'Required documents and completeness', params: IdParams, response: { 200: Checklist } },
    },
    (req) => papers.checklist(req.actor, req.params.id),
  );
  app.get(
    '/dossiers/:id/papers/:documentId/file',
    {
      config: { access: READERS },
      schema: {
        tags: ['Tài liệu hồ sơ / Documents'],
        summary: 'A paper the dossier carries (for council members sitting on it too)',
        params: DossierPaperParams,
      },
    },
    async (req, reply) => sendFile(reply, await papers.file(req.actor, req.params.id, req.params.documentId)),
  );
  app.get('/dossiers', { config: { access: REGISTRY_USERS }, schema: { tags, querystring: DossierListQuery, response: { 200: DossierList } } }, (req) =>
    dossiers.list(req.actor, req.query),
  );
  app.get(
    '/dossiers/export',
    {
      config: { access: REGISTRY_USERS },
      schema: {
        tags,
        summary: 'Export the list (XLSX or CSV): every dossier matching the list’s filters',
        querystring: DossierExportQuery,
        response: { 200: ExportFileResponse },
      },
    },
    (req, reply) => sendTableExport(reply, { ...dossierExport, format: req.query.format, rows: dossiers.exportRows(req.actor, req.query) }),
  );
  app.post(
    '/dossiers',
    {
      config: { access: REGISTRY_USERS },
      schema: { tags, summary: 'Open a draft dossier for a product', body: DossierCreateBody, response: { 201: Dossier } },
    },
    async (req, reply) => reply.status(201).send(await dossiers.create(req.actor, req.auditActor, req.body)),
  );
  app.get('/dossiers/:id', { config: { access: REGISTRY_USERS }, schema: { tags, params: IdParams, response: { 200: Dossier } } }, (req) =>
    dossiers.get(req.actor, req.params.id),
  );
  app.post(
    '/dossiers/:id/transitions',
    {
      config: { access: REGISTRY_USERS },
      schema: {
        tags,
        summary: 'Take one step of the workflow (409 when the dossier changed since expectedVersion)',
        params: IdParams,
        body: TransitionBody,
        response: { 200: Dossier },
      },
    },
    (req) => dossiers.transition(req.actor, req.auditActor, req.params.id, req.body),
  );
  app.get('/dossiers/:id/events', { config: { access: REGISTRY_USERS }, schema: { tags, params: IdParams, response: { 200: z.array(DossierEvent) } } }, (req) =>
    dossiers.events(req.actor, req.params.id),
  );

  // Questions on evidence: council members take part through their seat on a session.
  const PARTICIPANTS = ['admin', 'officer', 'producer', 'council'] as const;
  const Thread = z.array(EvidenceQuestion);
  app.get('/dossiers/:id/questions', { config: { access: PARTICIPANTS }, schema: { tags, params: IdParams, response: { 200: Thread } } }, (req) =>
    questions.list(req.actor, req.params.id),
  );
  app.post(
    '/dossiers/:id/questions',
    {
      config: { access: PARTICIPANTS },
      schema: { tags, summary: 'Ask the producer about a criterion’s evidence', params: IdParams, body: QuestionCreateBody, response: { 201: Thread } },
    },
    async (req, reply) => reply.status(201).send(await questions.ask(req.actor, req.auditActor, req.params.id, req.body)),
  );
  app.post(
    '/dossiers/:id/questions/:questionId/messages',
    {
      config: { access: PARTICIPANTS },
      schema: { tags, summary: 'Answer, or follow up', params: QuestionParams, body: AnswerBody, response: { 200: Thread } },
    },
    (req) => questions.answer(req.actor, req.auditActor, req.params.id, req.params.questionId, req.body),
  );
  const Visits = z.array(SiteVisit);
  app.get(
    '/dossiers/:id/site-visits',
    { config: { access: PARTICIPANTS }, schema: { tags, summary: 'The advisory team’s site visits', params: IdParams, response: { 200: Visits } } },
    (req) => questions.siteVisits(req.actor, req.params.id),
  );
  app.post(
    '/dossiers/:id/site-visits',
    {
      config: { access: ['admin'] },
      schema: { tags, summary: 'Record a site visit (advisory team)', params: IdParams, body: SiteVisitBody, response: { 201: Visits } },
    },
    async (req, reply) => reply.status(201).send(await questions.recordSiteVisit(req.actor, req.auditActor, req.params.id, req.body)),
  );
  app.post(
    '/dossiers/:id/questions/:questionId/close',
    { config: { access: PARTICIPANTS }, schema: { tags, params: QuestionParams, response: { 200: Thread } } },
    (req) => questions.close(req.actor, req.auditActor, req.params.id, req.params.questionId),
  );
};
