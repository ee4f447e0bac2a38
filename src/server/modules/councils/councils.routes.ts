import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.js';
import {
  AttendanceBody,
  Council,
  CouncilCreateBody,
  DeclarationBody,
  PaperSheetBody,
  ReasonBody,
  Session,
  SessionCreateBody,
  SessionDossierParams,
  SessionListQuery,
  SessionSummary,
  SessionResult,
  Sheet,
  SheetBody,
  SheetParams,
} from '../../../contracts/councils.js';
import { ExportFileResponse, ExportFormatQuery } from '../../../contracts/exports.js';
import { sendTableExport } from '../../lib/table-export.js';
import { councilExport } from './councils.export.js';
import type { CouncilsService } from './councils.service.js';
import { minutesDocx } from './minutes.docx.js';

const tags = ['Hội đồng / Councils'];
const COUNCIL_USERS = ['admin', 'council'] as const;

export const councilsRoutes: FastifyPluginAsyncZod<{ councils: CouncilsService }> = async (app, { councils }) => {
  app.get('/councils', { config: { access: COUNCIL_USERS }, schema: { tags, response: { 200: z.array(Council) } } }, (req) => councils.listCouncils(req.actor));
  app.get(
    '/councils/export',
    { config: { access: COUNCIL_USERS }, schema: { tags, summary: 'Export the list (XLSX or CSV): the councils with their members', querystring: ExportFormatQuery, response: { 200: ExportFileResponse } } },
    (req, reply) => sendTableExport(reply, { ...councilExport, format: req.query.format, rows: councils.exportCouncils(req.actor) }),
  );
  app.post('/councils', { config: { access: ['admin'] }, schema: { tags, summary: 'Set up a council or advisory team with its members', body: CouncilCreateBody, response: { 201: Council } } }, async (req, reply) =>
    reply.status(201).send(await councils.createCouncil(req.actor, req.auditActor, req.body)),
  );
  app.post('/councils/:id/sessions', { config: { access: ['admin'] }, schema: { tags, summary: 'Open a sitting over dossiers before the council', params: IdParams, body: SessionCreateBody, response: { 201: Session } } }, async (req, reply) =>
    reply.status(201).send(await councils.createSession(req.actor, req.auditActor, req.params.id, req.body)),
  );
  app.get('/council-sessions', { config: { access: COUNCIL_USERS }, schema: { tags, summary: 'Sessions I may open (optionally of one dossier or council)', querystring: SessionListQuery, response: { 200: z.array(SessionSummary) } } }, (req) =>
    councils.listSessions(req.actor, req.query),
  );
  app.get('/council-sessions/:id', { config: { access: COUNCIL_USERS }, schema: { tags, params: IdParams, response: { 200: Session } } }, (req) => councils.getSession(req.actor, req.params.id));
  app.put('/council-sessions/:id/attendance', { config: { access: COUNCIL_USERS }, schema: { tags, params: IdParams, body: AttendanceBody, response: { 200: Session } } }, (req) =>
    councils.setAttendance(req.actor, req.auditActor, req.params.id, req.body.memberIds),
  );
  app.get('/council-sessions/:id/minutes.docx', { config: { access: COUNCIL_USERS }, schema: { tags, summary: 'Minutes (biên bản) of the session, DOCX', params: IdParams } }, async (req, reply) =>
    reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', 'attachment; filename="bien-ban-hoi-dong.docx"')
      .send(await minutesDocx(await councils.minutes(req.actor, req.params.id))),
  );
  app.post('/council-sessions/:id/close', { config: { access: COUNCIL_USERS }, schema: { tags, summary: 'Close: ready results are recorded on their dossiers', params: IdParams, response: { 200: Session } } }, (req) =>
    councils.closeSession(req.actor, req.auditActor, req.params.id),
  );
  app.post(
    '/council-sessions/:id/dossiers/:dossierId/declaration',
    { config: { access: COUNCIL_USERS }, schema: { tags, summary: 'Declare any conflict of interest (before scoring)', params: SessionDossierParams, body: DeclarationBody, response: { 200: Session } } },
    (req) => councils.declare(req.actor, req.auditActor, req.params.id, req.params.dossierId, req.body),
  );
  app.get('/council-sessions/:id/dossiers/:dossierId/sheet', { config: { access: COUNCIL_USERS }, schema: { tags, summary: 'My score sheet', params: SessionDossierParams, response: { 200: Sheet } } }, (req) =>
    councils.mySheet(req.actor, req.params.id, req.params.dossierId),
  );
  app.put('/council-sessions/:id/dossiers/:dossierId/sheet', { config: { access: COUNCIL_USERS }, schema: { tags, params: SessionDossierParams, body: SheetBody, response: { 200: Sheet } } }, (req) =>
    councils.saveSheet(req.actor, req.params.id, req.params.dossierId, req.body),
  );
  app.post('/council-sessions/:id/dossiers/:dossierId/sheet/submit', { config: { access: COUNCIL_USERS }, schema: { tags, summary: 'Submit (locks the sheet)', params: SessionDossierParams, response: { 200: Sheet } } }, (req) =>
    councils.submitSheet(req.actor, req.auditActor, req.params.id, req.params.dossierId),
  );
  app.post(
    '/council-sessions/:id/dossiers/:dossierId/paper-sheets',
    { config: { access: COUNCIL_USERS }, schema: { tags, summary: 'Secretary enters a member’s paper sheet', params: SessionDossierParams, body: PaperSheetBody, response: { 200: Sheet } } },
    (req) => councils.paperSheet(req.actor, req.auditActor, req.params.id, req.params.dossierId, req.body),
  );
  app.get('/council-sessions/:id/dossiers/:dossierId/result', { config: { access: COUNCIL_USERS }, schema: { tags, summary: 'The council’s aggregated result', params: SessionDossierParams, response: { 200: SessionResult } } }, (req) =>
    councils.result(req.actor, req.params.id, req.params.dossierId),
  );
  app.post('/council-sessions/:id/dossiers/:dossierId/rescore', { config: { access: COUNCIL_USERS }, schema: { tags, summary: 'Chair asks for re-scoring', params: SessionDossierParams, response: { 200: Session } } }, (req) =>
    councils.rescore(req.actor, req.auditActor, req.params.id, req.params.dossierId),
  );
  app.post('/council-sessions/:id/sheets/:sheetId/reopen', { config: { access: COUNCIL_USERS }, schema: { tags, summary: 'Reopen a submitted sheet, with a reason', params: SheetParams, body: ReasonBody, response: { 200: Session } } }, (req) =>
    councils.reopenSheet(req.actor, req.auditActor, req.params.id, req.params.sheetId, req.body.reason),
  );
};
