import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.js';
import {
  AttendanceBody,
  Council,
  CouncilCreateBody,
  DeclarationBody,
  PaperSheetFields,
  ReasonBody,
  RescoreBody,
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
import { invalid } from '../../../domain/errors.js';
import { multipartParts, sendDocx, sendFile } from '../../lib/http-files.js';
import { sendTableExport } from '../../lib/table-export.js';
import { councilExport } from './councils.export.js';
import type { CouncilsService } from './councils.service.js';
import { establishmentDocx } from './establishment.docx.js';
import { minutesDocx } from './minutes.docx.js';
import type { SessionsService } from './sessions.service.js';
import type { SheetsService } from './sheets.service.js';

const tags = ['Hội đồng / Councils'];
const COUNCIL_USERS = ['admin', 'council'] as const;

type Deps = { councils: CouncilsService; sessions: SessionsService; sheets: SheetsService };

export const councilsRoutes: FastifyPluginAsyncZod<Deps> = async (app, { councils, sessions, sheets }) => {
  app.get('/councils', { config: { access: COUNCIL_USERS }, schema: { tags, response: { 200: z.array(Council) } } }, (req) => councils.listCouncils(req.actor));
  app.get(
    '/councils/export',
    {
      config: { access: COUNCIL_USERS },
      schema: {
        tags,
        summary: 'Export the list (XLSX or CSV): the councils with their members',
        querystring: ExportFormatQuery,
        response: { 200: ExportFileResponse },
      },
    },
    (req, reply) => sendTableExport(reply, { ...councilExport, format: req.query.format, rows: councils.exportCouncils(req.actor) }),
  );
  app.post(
    '/councils',
    {
      config: { access: ['admin'] },
      schema: { tags, summary: 'Set up a council or advisory team with its members', body: CouncilCreateBody, response: { 201: Council } },
    },
    async (req, reply) => reply.status(201).send(await councils.createCouncil(req.actor, req.auditActor, req.body)),
  );
  app.post(
    '/councils/:id/rules',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: 'Attach the council’s operating rules (Quy chế hoạt động): multipart file "file" (PDF or DOCX)',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 200: Council },
      },
    },
    async (req) => {
      const { file } = await multipartParts(req, 'file');
      if (!file) throw invalid('file_required', { vi: 'Chưa chọn tệp.', en: 'No file was sent.' }, { file: { vi: 'Chưa chọn tệp.', en: 'No file was sent.' } });
      return councils.attachRules(req.actor, req.auditActor, req.params.id, file);
    },
  );
  app.get(
    '/councils/:id/rules',
    { config: { access: COUNCIL_USERS }, schema: { tags, summary: 'The council’s operating rules, as attached', params: IdParams } },
    async (req, reply) => sendFile(reply, await councils.rulesFile(req.actor, req.params.id)),
  );
  app.get(
    '/councils/:id/establishment.docx',
    { config: { access: ['admin'] }, schema: { tags, summary: 'The decision establishing the council (DOCX, Decree 30/2020 layout)', params: IdParams } },
    async (req, reply) =>
      sendDocx(reply, 'quyet-dinh-thanh-lap-hoi-dong.docx', await establishmentDocx(await councils.forEstablishmentDocx(req.actor, req.params.id))),
  );
  app.post(
    '/councils/:id/sessions',
    {
      config: { access: ['admin'] },
      schema: { tags, summary: 'Open a sitting over dossiers before the council', params: IdParams, body: SessionCreateBody, response: { 201: Session } },
    },
    async (req, reply) => reply.status(201).send(await sessions.createSession(req.actor, req.auditActor, req.params.id, req.body)),
  );
  app.get(
    '/council-sessions',
    {
      config: { access: COUNCIL_USERS },
      schema: {
        tags,
        summary: 'Sessions I may open (optionally of one dossier or council)',
        querystring: SessionListQuery,
        response: { 200: z.array(SessionSummary) },
      },
    },
    (req) => sessions.listSessions(req.actor, req.query),
  );
  app.get('/council-sessions/:id', { config: { access: COUNCIL_USERS }, schema: { tags, params: IdParams, response: { 200: Session } } }, (req) =>
    sessions.getSession(req.actor, req.params.id),
  );
  app.put(
    '/council-sessions/:id/attendance',
    { config: { access: COUNCIL_USERS }, schema: { tags, params: IdParams, body: AttendanceBody, response: { 200: Session } } },
    (req) => sessions.setAttendance(req.actor, req.auditActor, req.params.id, req.body.memberIds),
  );
  app.get(
    '/council-sessions/:id/minutes.docx',
    { config: { access: COUNCIL_USERS }, schema: { tags, summary: 'Minutes (biên bản) of the closed session, DOCX', params: IdParams } },
    async (req, reply) => sendDocx(reply, 'bien-ban-hoi-dong.docx', await minutesDocx(await sessions.minutes(req.actor, req.params.id))),
  );
  app.post(
    '/council-sessions/:id/close',
    {
      config: { access: COUNCIL_USERS },
      schema: { tags, summary: 'Close: ready results are recorded on their dossiers', params: IdParams, response: { 200: Session } },
    },
    (req) => sessions.closeSession(req.actor, req.auditActor, req.params.id),
  );
  app.post(
    '/council-sessions/:id/dossiers/:dossierId/declaration',
    {
      config: { access: COUNCIL_USERS },
      schema: {
        tags,
        summary: 'Declare any conflict of interest (before scoring)',
        params: SessionDossierParams,
        body: DeclarationBody,
        response: { 200: Session },
      },
    },
    (req) => sheets.declare(req.actor, req.auditActor, req.params.id, req.params.dossierId, req.body),
  );
  app.get(
    '/council-sessions/:id/dossiers/:dossierId/sheet',
    { config: { access: COUNCIL_USERS }, schema: { tags, summary: 'My score sheet', params: SessionDossierParams, response: { 200: Sheet } } },
    (req) => sheets.mySheet(req.actor, req.params.id, req.params.dossierId),
  );
  app.put(
    '/council-sessions/:id/dossiers/:dossierId/sheet',
    { config: { access: COUNCIL_USERS }, schema: { tags, params: SessionDossierParams, body: SheetBody, response: { 200: Sheet } } },
    (req) => sheets.saveSheet(req.actor, req.params.id, req.params.dossierId, req.body),
  );
  app.post(
    '/council-sessions/:id/dossiers/:dossierId/sheet/submit',
    { config: { access: COUNCIL_USERS }, schema: { tags, summary: 'Submit (locks the sheet)', params: SessionDossierParams, response: { 200: Sheet } } },
    (req) => sheets.submitSheet(req.actor, req.auditActor, req.params.id, req.params.dossierId),
  );
  app.post(
    '/council-sessions/:id/dossiers/:dossierId/paper-sheets',
    {
      config: { access: COUNCIL_USERS },
      schema: {
        tags,
        summary:
          'Secretary enters a member’s paper sheet as that member’s: multipart fields memberId, choices (JSON), case?, disqualifiedReason?, declaration (JSON)?, then the scanned paper as file "scan"',
        params: SessionDossierParams,
        consumes: ['multipart/form-data'],
        response: { 200: Sheet },
      },
    },
    async (req) => {
      const { fields, file } = await multipartParts(req, 'scan');
      return sheets.paperSheet(req.actor, req.auditActor, req.params.id, req.params.dossierId, PaperSheetFields.parse(fields), file);
    },
  );
  app.get(
    '/council-sessions/:id/sheets/:sheetId/scan',
    { config: { access: COUNCIL_USERS }, schema: { tags, summary: 'The scanned paper sheet', params: SheetParams } },
    async (req, reply) => sendFile(reply, await sheets.paperScan(req.actor, req.params.id, req.params.sheetId)),
  );
  app.get(
    '/council-sessions/:id/dossiers/:dossierId/result',
    {
      config: { access: COUNCIL_USERS },
      schema: { tags, summary: 'The council’s aggregated result', params: SessionDossierParams, response: { 200: SessionResult } },
    },
    (req) => sessions.result(req.actor, req.params.id, req.params.dossierId),
  );
  app.post(
    '/council-sessions/:id/dossiers/:dossierId/rescore',
    {
      config: { access: COUNCIL_USERS },
      schema: {
        tags,
        summary: 'Chair asks for re-scoring, with a reason, of the round seen (opens exactly one new round)',
        params: SessionDossierParams,
        body: RescoreBody,
        response: { 200: Session },
      },
    },
    (req) => sessions.rescore(req.actor, req.auditActor, req.params.id, req.params.dossierId, req.body),
  );
  app.post(
    '/council-sessions/:id/sheets/:sheetId/reopen',
    {
      config: { access: COUNCIL_USERS },
      schema: { tags, summary: 'Reopen a submitted sheet, with a reason', params: SheetParams, body: ReasonBody, response: { 200: Session } },
    },
    (req) => sheets.reopenSheet(req.actor, req.auditActor, req.params.id, req.params.sheetId, req.body.reason),
  );
};
