import { z } from 'zod';

export const Province = z
  .object({ code: z.string(), name: z.string(), nameEn: z.string(), fullName: z.string(), fullNameEn: z.string() })
  .meta({ id: 'Province' });
export const Commune = z
  .object({ code: z.string(), provinceCode: z.string(), name: z.string(), nameEn: z.string(), fullName: z.string(), fullNameEn: z.string() })
  .meta({ id: 'Commune' });
export const CriteriaSetSummary = z
  .object({
    legalBasis: z.string(),
    number: z.number().int(),
    code: z.string(),
    name: z.string(),
    sector: z.string(),
    /** English twin of `sector`; null when the criteria file gives none. */
    sectorEn: z.string().nullable(),
    productGroup: z.string(),
    leadMinistry: z.string().nullable(),
    leadMinistryEn: z.string().nullable(),
  })
  .meta({ id: 'CriteriaSetSummary' });

export const CommuneListQuery = z.object({
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  q: z.string().max(100).optional(),
});
export const ProvinceCodeParams = z.object({ code: z.string().regex(/^\d{2}$/) });

export const AppInfo = z.object({
  provinceCode: z.string(),
  provinceName: z.string(),
  currentCriteriaBasis: z.string(),
  version: z.string(),
});
