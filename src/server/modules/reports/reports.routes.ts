import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AnnualReportQuery } from '../../../contracts/indicators.js';
import type { ReportsService } from './reports.service.js';

const tags = ['Báo cáo / Reports'];
const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const reportsRoutes: FastifyPluginAsyncZod<{ reports: ReportsService }> = async (app, { reports }) => {
  app.get(
    '/reports/annual',
    { config: { access: ['admin'] }, schema: { tags, summary: 'The annual report (part I of the provincial plan) as JSON figures, a Word document or the workbook behind it', querystring: AnnualReportQuery } },
    async (req, reply) => {
      const { year, format } = req.query;
      const out = await reports.render(reports.areaFor(req.actor), year, format);
      if (out.format === 'json') return out.body;
      return reply
        .header('content-type', CONTENT_TYPES[out.format])
        .header('content-disposition', `attachment; filename="bao-cao-ocop-${year}.${out.format}"`)
        .send(out.body);
    },
  );
};
