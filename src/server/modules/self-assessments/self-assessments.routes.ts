import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, OkResponse } from '../../../contracts/common.js';
import {
  EvidenceLinkBody,
  EvidenceParams,
  SelfAssessment,
  SelfAssessmentCreateBody,
  SelfAssessmentParams,
  SelfAssessmentSummary,
  SelfAssessmentUpdateBody,
} from '../../../contracts/self-assessments.js';
import { invalid } from '../../../domain/errors.js';
import { selfAssessmentPdf } from './self-assessment.pdf.js';
import type { SelfAssessmentsService } from './self-assessments.service.js';

const REGISTRY_USERS = ['admin', 'officer', 'producer'] as const;
/** Council members may read the sheet filed with a dossier before them (checked in the service). */
const READERS = ['admin', 'officer', 'producer', 'council'] as const;
const tags = ['Tự đánh giá / Self-assessment'];

/** RFC 6266 filename for downloads: ASCII fallback plus the UTF-8 name. */
const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const selfAssessmentsRoutes: FastifyPluginAsyncZod<{ selfAssessments: SelfAssessmentsService }> = async (app, { selfAssessments: service }) => {
  app.get(
    '/products/:id/self-assessments',
    { config: { access: REGISTRY_USERS }, schema: { tags, params: IdParams, response: { 200: z.array(SelfAssessmentSummary) } } },
    (req) => service.listForProduct(req.actor, req.params.id),
  );
  app.post(
    '/products/:id/self-assessments',
    {
      config: { access: REGISTRY_USERS },
      schema: { tags, summary: 'Start a self-assessment draft', params: IdParams, body: SelfAssessmentCreateBody, response: { 201: SelfAssessment } },
    },
    async (req, reply) => reply.status(201).send(await service.create(req.actor, req.auditActor, req.params.id, req.body)),
  );
  app.get(
    '/self-assessments/:id',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'A self-assessment with its progress and, when complete, the engine’s result',
        params: SelfAssessmentParams,
        response: { 200: SelfAssessment },
      },
    },
    (req) => service.get(req.actor, req.params.id),
  );
  app.put(
    '/self-assessments/:id',
    {
      config: { access: REGISTRY_USERS },
      schema: {
        tags,
        summary: 'Save a draft (choices may be partial)',
        params: SelfAssessmentParams,
        body: SelfAssessmentUpdateBody,
        response: { 200: SelfAssessment },
      },
    },
    (req) => service.update(req.actor, req.auditActor, req.params.id, req.body),
  );
  app.post(
    '/self-assessments/:id/complete',
    {
      config: { access: REGISTRY_USERS },
      schema: { tags, summary: 'Complete: every criterion must be answered', params: SelfAssessmentParams, response: { 200: SelfAssessment } },
    },
    (req) => service.complete(req.actor, req.auditActor, req.params.id),
  );
  app.post(
    '/self-assessments/:id/reopen',
    { config: { access: REGISTRY_USERS }, schema: { tags, params: SelfAssessmentParams, response: { 200: SelfAssessment } } },
    (req) => service.reopen(req.actor, req.auditActor, req.params.id),
  );
  app.delete(
    '/self-assessments/:id',
    { config: { access: REGISTRY_USERS }, schema: { tags, summary: 'Delete a draft', params: SelfAssessmentParams, response: { 200: OkResponse } } },
    async (req) => {
      await service.remove(req.actor, req.auditActor, req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/self-assessments/:id/pdf',
    { config: { access: READERS }, schema: { tags, summary: 'The sheet as a printable A4 PDF', params: SelfAssessmentParams } },
    async (req, reply) => {
      const printable = await service.forPrint(req.actor, req.params.id);
      const pdf = await selfAssessmentPdf(printable);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', attachment(`tu-danh-gia-${printable.assessment.ocopCode}.pdf`))
        .send(pdf);
    },
  );

  app.post(
    '/self-assessments/:id/evidence',
    {
      config: { access: REGISTRY_USERS },
      schema: {
        tags,
        summary: 'Attach evidence to a criterion: JSON { criterionCode, url }, or multipart with fields criterionCode and file (PDF, image, .docx, .xlsx)',
        params: SelfAssessmentParams,
        response: { 201: SelfAssessment },
      },
    },
    async (req, reply) => {
      if (req.isMultipart()) {
        const file = await req.file();
        const code = file?.fields.criterionCode;
        const criterionCode = code && 'value' in code ? String(code.value) : '';
        if (!file || !criterionCode) {
          const m = { vi: 'Cần gửi tiêu chí (criterionCode, trước tệp) và tệp.', en: 'Send criterionCode (before the file) and the file.' };
          throw invalid('evidence_required', m, { file: m });
        }
        const data = await file.toBuffer();
        return reply.status(201).send(await service.addEvidence(req.actor, req.auditActor, req.params.id, { criterionCode, filename: file.filename, data }));
      }
      const body = EvidenceLinkBody.parse(req.body);
      return reply.status(201).send(await service.addEvidence(req.actor, req.auditActor, req.params.id, body));
    },
  );
  app.get('/self-assessments/:id/evidence/:evidenceId', { config: { access: READERS }, schema: { tags, params: EvidenceParams } }, async (req, reply) => {
    const file = await service.evidenceFile(req.actor, req.params.id, req.params.evidenceId);
    return reply
      .header('content-type', file.mimeType)
      .header('content-disposition', attachment(file.filename))
      .header('cache-control', 'private, no-store')
      .send(file.data);
  });
  app.delete(
    '/self-assessments/:id/evidence/:evidenceId',
    { config: { access: REGISTRY_USERS }, schema: { tags, params: EvidenceParams, response: { 200: SelfAssessment } } },
    (req) => service.removeEvidence(req.actor, req.auditActor, req.params.id, req.params.evidenceId),
  );
};
