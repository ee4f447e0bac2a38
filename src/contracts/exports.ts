import { z } from 'zod';
import { CertificateListQuery } from './certificates.js';
import { DossierListQuery, RoundListQuery } from './evaluation.js';
import { ProductListQuery, SubjectListQuery } from './registry.js';
import { UserListQuery } from './users.js';

/** Spreadsheet (Excel) or comma-separated text; every list of the platform exports to both. */
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * `format` is checked by the export writer rather than by an enum here, so a wrong value gets the
 * same bilingual `invalid_export_format` error from every list.
 */
export const ExportFormatQuery = z.object({
  format: z
    .string()
    .trim()
    .max(10)
    .optional()
    .meta({ description: 'xlsx (mặc định / default) hoặc / or csv', examples: ['xlsx', 'csv'] }),
});

/** Each export takes its list's filters (every matching row is exported, so no paging) and the format. */
const withoutPaging = { page: true, pageSize: true } as const;
export const SubjectExportQuery = SubjectListQuery.omit(withoutPaging).extend(ExportFormatQuery.shape);
export const ProductExportQuery = ProductListQuery.omit(withoutPaging).extend(ExportFormatQuery.shape);
export const UserExportQuery = UserListQuery.omit(withoutPaging).extend(ExportFormatQuery.shape);
export const DossierExportQuery = DossierListQuery.omit(withoutPaging).extend(ExportFormatQuery.shape);
export const CertificateExportQuery = CertificateListQuery.omit(withoutPaging).extend(ExportFormatQuery.shape);
export const RoundExportQuery = RoundListQuery.extend(ExportFormatQuery.shape);

const binary = z.string().meta({ format: 'binary' });

/** OpenAPI description of an export's 200 response: the file, as XLSX or CSV. */
export const ExportFileResponse = {
  description: 'XLSX hoặc CSV (UTF-8 có BOM), tải về dạng tệp đính kèm / the file as an attachment',
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: binary },
    'text/csv': { schema: binary },
  },
};
