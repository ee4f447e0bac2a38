import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.js';
import {
  HistoricalResult,
  HistoricalResultBody,
  Certificate,
  CertificateList,
  CertificateListQuery,
  Decision,
  DecisionCreateBody,
  RevokeBody,
  ViolationBody,
  Worklist,
  WorklistQuery,
} from '../../../contracts/certificates.js';
import { CertificateExportQuery, ExportFileResponse, ExportFormatQuery } from '../../../contracts/exports.js';
import { publicOrigin, type AppConfig } from '../../config.js';
import { sendTableExport } from '../../lib/table-export.js';
import { certificatePdf } from './certificate.pdf.js';
import { qrPng, qrSvg } from './certificate.qr.js';
import { certificateExport, decisionExport } from './certificates.export.js';
import { decisionDocx } from './decision.docx.js';
import { resultLettersDocx } from './result-letters.docx.js';
import { revocationDocx } from './revocation.docx.js';
import { sendDocx } from '../../lib/http-files.js';
import { verificationPath } from './certificates.presenter.js';
import type { CertificatesService } from './certificates.service.js';
import type { DecisionsService } from './decisions.service.js';
import type { HistoricalResultsService } from './historical-results.service.js';
import { keptSerializerCompiler } from '../../lib/kept-serializer.js';

const REGISTRY_USERS = ['admin', 'officer', 'producer'] as const;
const tags = ['Công nhận, chứng nhận / Decisions and certificates'];

type Deps = { certificates: CertificatesService; decisions: DecisionsService; results: HistoricalResultsService; config: AppConfig };

export const certificatesRoutes: FastifyPluginAsyncZod<Deps> = async (app, { certificates, decisions, results, config }) => {
  app.get(
    '/products/:id/results',
    {
      config: { access: REGISTRY_USERS },
      schema: { tags, summary: 'Results of earlier years (under 1048, 148, 1489…)', params: IdParams, response: { 200: z.array(HistoricalResult) } },
    },
    (req) => results.list(req.actor, req.params.id),
  );
  app.post(
    '/products/:id/results',
    {
      config: { access: ['admin'] },
      schema: { tags, summary: 'Record an earlier result', params: IdParams, body: HistoricalResultBody, response: { 201: HistoricalResult } },
    },
    async (req, reply) => reply.status(201).send(await results.record(req.actor, req.auditActor, req.params.id, req.body)),
  );

  app.get('/decisions', { config: { access: ['admin'] }, schema: { tags, response: { 200: z.array(Decision) } } }, (req) => decisions.list(req.actor));
  app.get(
    '/decisions/export',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: 'Export the decisions (XLSX or CSV), one row per product decided',
        querystring: ExportFormatQuery,
        response: { 200: ExportFileResponse },
      },
    },
    (req, reply) => sendTableExport(reply, { ...decisionExport, format: req.query.format, rows: decisions.exportRows(req.actor) }),
  );
  app.post(
    '/decisions',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: 'Record a recognition decision: dossiers decided, certificates issued (all or nothing)',
        body: DecisionCreateBody,
        response: { 201: Decision },
      },
    },
    async (req, reply) => reply.status(201).send(await decisions.create(req.actor, req.auditActor, req.body)),
  );
  app.get('/decisions/:id', { config: { access: ['admin'] }, schema: { tags, params: IdParams, response: { 200: Decision } } }, (req) =>
    decisions.get(req.actor, req.params.id),
  );
  app.get(
    '/decisions/:id/docx',
    { config: { access: ['admin'] }, schema: { tags, summary: 'The decision (DOCX, Decree 30/2020 layout) with its annexed list', params: IdParams } },
    async (req, reply) => {
      const { decision, provinceName } = await decisions.forDocx(req.actor, req.params.id);
      return sendDocx(reply, `quyet-dinh-${decision.number.replace(/[^A-Za-z0-9-]+/g, '-')}.docx`, await decisionDocx(decision, provinceName));
    },
  );
  app.get(
    '/decisions/:id/result-letters.docx',
    {
      config: { access: ['admin'] },
      schema: { tags, summary: 'Letters notifying the result to each producer and commune (Art. 7.3g, 7.4g), DOCX', params: IdParams },
    },
    async (req, reply) => sendDocx(reply, 'thong-bao-ket-qua.docx', await resultLettersDocx(await decisions.forDocx(req.actor, req.params.id))),
  );

  app.get(
    '/certificates',
    { config: { access: REGISTRY_USERS }, schema: { tags, querystring: CertificateListQuery, response: { 200: CertificateList } } },
    (req) => certificates.list(req.actor, req.query),
  );
  app.get(
    '/certificates/export',
    {
      config: { access: REGISTRY_USERS },
      schema: {
        tags,
        summary: 'Export the list (XLSX or CSV): every certificate matching the list’s filters',
        querystring: CertificateExportQuery,
        response: { 200: ExportFileResponse },
      },
    },
    (req, reply) => sendTableExport(reply, { ...certificateExport, format: req.query.format, rows: certificates.exportRows(req.actor, req.query) }),
  );
  app.get(
    '/certificates/worklist',
    {
      config: { access: ['admin', 'officer'] },
      schema: {
        tags,
        summary:
          'Certificates to re-rate, windows missed, labels lapsed, revocations due, dossiers overdue: each section’s first items, or all of the one opened',
        querystring: WorklistQuery,
        response: { 200: Worklist },
      },
      // The answer without a section opened is kept until the records change, and so is its JSON.
      serializerCompiler: keptSerializerCompiler,
    },
    (req) => certificates.worklist(req.actor, req.query.open),
  );
  app.get('/certificates/:id', { config: { access: REGISTRY_USERS }, schema: { tags, params: IdParams, response: { 200: Certificate } } }, (req) =>
    certificates.get(req.actor, req.params.id),
  );
  app.get(
    '/certificates/:id/pdf',
    { config: { access: REGISTRY_USERS }, schema: { tags, summary: 'Printable A4 certificate with its verification QR code', params: IdParams } },
    async (req, reply) => {
      const { certificate, provinceName } = await certificates.forPrint(req.actor, req.params.id);
      const origin = publicOrigin(config);
      const pdf = await certificatePdf(certificate, { provinceName, verificationUrl: `${origin}${verificationPath(certificate.verificationCode)}` });
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${certificate.number}.pdf"`).send(pdf);
    },
  );
  // The label's QR code, for the producer's printer: the same address the certificate prints.
  app.get(
    '/certificates/:id/qr.svg',
    { config: { access: REGISTRY_USERS }, schema: { tags, summary: 'The verification QR code as SVG, for printing on labels', params: IdParams } },
    async (req, reply) => {
      const c = await certificates.get(req.actor, req.params.id);
      return reply
        .type('image/svg+xml')
        .header('content-disposition', `attachment; filename="qr-${c.number}.svg"`)
        .send(await qrSvg(`${publicOrigin(config)}${c.verificationPath}`));
    },
  );
  app.get(
    '/certificates/:id/qr.png',
    {
      config: { access: REGISTRY_USERS },
      schema: { tags, summary: 'The verification QR code as a 1,200-pixel PNG, for printing on labels', params: IdParams },
    },
    async (req, reply) => {
      const c = await certificates.get(req.actor, req.params.id);
      return reply
        .type('image/png')
        .header('content-disposition', `attachment; filename="qr-${c.number}.png"`)
        .send(await qrPng(`${publicOrigin(config)}${c.verificationPath}`));
    },
  );
  app.post(
    '/certificates/:id/revoke',
    {
      config: { access: ['admin'] },
      schema: { tags, summary: 'Revoke (Art. 8 grounds a–f)', params: IdParams, body: RevokeBody, response: { 200: Certificate } },
    },
    (req) => certificates.revoke(req.actor, req.auditActor, req.params.id, req.body),
  );
  app.get(
    '/certificates/:id/revocation.docx',
    { config: { access: ['admin'] }, schema: { tags, summary: 'The revocation decision (DOCX, Decree 30/2020 layout)', params: IdParams } },
    async (req, reply) => sendDocx(reply, 'quyet-dinh-thu-hoi.docx', await revocationDocx(await certificates.forPrint(req.actor, req.params.id))),
  );
  app.post(
    '/certificates/:id/violations',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: 'Record the conclusion of a violation: revocation due within 15 days (Art. 8.4)',
        params: IdParams,
        body: ViolationBody,
        response: { 200: Certificate },
      },
    },
    (req) => certificates.recordViolation(req.actor, req.auditActor, req.params.id, req.body),
  );
};
