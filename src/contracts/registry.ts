import { CERTIFICATE_STATUSES } from '../domain/certificates/validity.js';
import { z } from 'zod';
import { GENDERS, LEGAL_FORM_CODES, SUBJECT_STATUSES } from '../domain/subjects/legal-forms.js';
import { foundingDateProblem } from '../domain/subjects/founding-date.js';
import { vietnamDate } from '../domain/dates/calendar.js';
import { validateEmail, validateGtin, validatePhone, validateTaxCode } from '../domain/identifiers/index.js';
import type { Message } from '../domain/errors.js';
import { IsoDate, PageQuery, optionalText, paginated } from './common.js';
import { bilingual, fail } from './messages.js';

type Check = (s: string) => { ok: true; value: string } | { ok: false; message: Message };

/** An optional identifier checked by a domain validator and replaced by its normalised form. */
const identifier = (check: Check) =>
  optionalText(100).transform((v, ctx) => {
    if (v == null) return v;
    const r = check(v);
    if (r.ok) return r.value;
    fail(ctx, r.message);
    return z.NEVER;
  });

/**
 * A head count: a whole number from 0. A value out of shape is refused with a message, never
 * "fixed" (−3 is not 3, and 2,5 is neither 2 nor 25): the person who typed it decides what was meant.
 */
const count = z
  .preprocess((v) => (v === '' ? null : v), z.coerce.number().nullable().optional())
  .superRefine((v, ctx) => {
    if (v == null) return;
    if (!Number.isInteger(v)) fail(ctx, { vi: 'Số lao động phải là số nguyên (không có phần lẻ).', en: 'A head count must be a whole number.' });
    else if (v < 0) fail(ctx, { vi: 'Số lao động không thể âm.', en: 'A head count cannot be negative.' });
    else if (v > 1_000_000) fail(ctx, { vi: 'Số lao động tối đa là 1.000.000.', en: 'A head count cannot exceed 1,000,000.' });
  });

/** A founding date (yyyy-mm-dd): a real day, not in the future, not before 1900 (domain/subjects/founding-date.ts). */
const foundingDate = z
  .preprocess((v) => (v === '' ? null : v), z.string().nullable().optional())
  .superRefine((v, ctx) => {
    if (v == null) return;
    const problem = foundingDateProblem(v, vietnamDate(new Date()));
    if (problem) fail(ctx, problem);
  });

export const SubjectInput = z
  .object({
    name: z.string().trim().min(1).max(300),
    legalForm: z.enum(LEGAL_FORM_CODES),
    communeCode: z.string().regex(/^\d{5}$/),
    taxCode: identifier(validateTaxCode),
    representativeName: optionalText(200),
    representativeGender: z.enum(GENDERS).nullable().optional(),
    representativeEthnicity: optionalText(100),
    representativeDisability: z.boolean().default(false),
    address: optionalText(500),
    phone: identifier(validatePhone),
    email: identifier(validateEmail),
    foundedOn: foundingDate,
    workforceTotal: count,
    workforceLocal: count,
    workforceWomen: count,
    status: z.enum(SUBJECT_STATUSES).default('active'),
    /**
     * The caller confirms the subject is a branch (chi nhánh) of the subject(s) already holding its
     * tax code; without it a tax code already registered is refused (domain/subjects/tax-code.ts).
     */
    confirmBranch: z.boolean().optional(),
  })
  // Cross-field checks run even when other fields are invalid (`when`), so a form shows every problem at once.
  .refine((v) => !exceedsTotal(v.workforceLocal, v.workforceTotal), {
    ...bilingual({ vi: 'Số lao động địa phương không thể lớn hơn tổng số lao động.', en: 'Local workforce cannot exceed the total.' }),
    path: ['workforceLocal'],
    when: () => true,
  })
  .refine((v) => !exceedsTotal(v.workforceWomen, v.workforceTotal), {
    ...bilingual({ vi: 'Số lao động nữ không thể lớn hơn tổng số lao động.', en: 'Women in the workforce cannot exceed the total.' }),
    path: ['workforceWomen'],
    when: () => true,
  });

function exceedsTotal(part: unknown, total: unknown) {
  return typeof part === 'number' && typeof total === 'number' && part > total;
}
export type SubjectInput = z.infer<typeof SubjectInput>;

export const Subject = z
  .object({
    id: z.uuid(),
    provinceCode: z.string(),
    /** Null for a producer imported without a commune the office could place yet ("chưa rõ xã"). */
    communeCode: z.string().nullable(),
    communeName: z.string().nullable(),
    externalCode: z.string().nullable(),
    name: z.string(),
    legalForm: z.enum(LEGAL_FORM_CODES),
    taxCode: z.string().nullable(),
    representativeName: z.string().nullable(),
    representativeGender: z.enum(GENDERS).nullable(),
    representativeEthnicity: z.string().nullable(),
    representativeDisability: z.boolean(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    foundedOn: z.string().nullable(),
    workforceTotal: z.number().nullable(),
    workforceLocal: z.number().nullable(),
    workforceWomen: z.number().nullable(),
    status: z.enum(SUBJECT_STATUSES),
    productCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Subject' });
export type Subject = z.infer<typeof Subject>;

/** Who already holds a tax code: asked by the subject form as soon as a valid code is typed. */
export const TaxCodeHoldersQuery = z.object({
  taxCode: z.string().trim().min(1).max(100),
  /** The subject being edited, which does not count as a holder of its own code. */
  exceptId: z.uuid().optional(),
});
export const TaxCodeHolders = z.object({
  taxCode: z.string(),
  /** Whether any subject holds the code, in the caller's scope or not. */
  registered: z.boolean(),
  /** The holders the caller may read; the others are only counted in `registered`. */
  subjects: z.array(z.object({ id: z.uuid(), name: z.string(), communeName: z.string().nullable() })),
});
export type TaxCodeHolders = z.infer<typeof TaxCodeHolders>;

export const SubjectListQuery = PageQuery.extend({
  legalForm: z.enum(LEGAL_FORM_CODES).optional(),
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  status: z.enum(SUBJECT_STATUSES).optional(),
  /** Only the producers whose commune is still unknown (imported from records that name none). */
  communeUnknown: z.enum(['true', 'false']).optional(),
});
export const SubjectList = paginated(Subject);

export const CERTIFICATION_KINDS = ['vietgap', 'globalgap', 'organic', 'haccp', 'iso22000', 'other'] as const;
export const IP_TITLE_KINDS = ['trademark', 'geographical_indication', 'collective_mark', 'certification_mark', 'industrial_design'] as const;
export const PRODUCT_STATUSES = ['active', 'discontinued'] as const;

const Certification = z.object({
  kind: z.enum(CERTIFICATION_KINDS),
  number: z.string().trim().min(1).max(100),
  issuer: optionalText(200).transform((v) => v ?? undefined),
  expiresOn: z.preprocess((v) => (v === '' || v === null ? undefined : v), IsoDate.optional()),
});
const IpTitle = z.object({
  kind: z.enum(IP_TITLE_KINDS),
  number: z.string().trim().min(1).max(100),
  owner: optionalText(200).transform((v) => v ?? undefined),
});

export const ProductInput = z.object({
  subjectId: z.uuid(),
  name: z.string().trim().min(1).max(300),
  /** Criteria set (bộ sản phẩm) number of the current decision, 1–26. */
  criteriaSetNumber: z.preprocess((v) => (v === '' ? null : v), z.coerce.number().int().min(1).max(26).nullable().optional()),
  description: optionalText(5000),
  ingredients: optionalText(2000),
  packaging: optionalText(500),
  netContent: optionalText(100),
  barcode: identifier(validateGtin),
  qualityDeclarationNo: optionalText(100),
  certifications: z.array(Certification).max(20).default([]),
  ipTitles: z.array(IpTitle).max(20).default([]),
  status: z.enum(PRODUCT_STATUSES).default('active'),
});
export type ProductInput = z.infer<typeof ProductInput>;
/** The subject of a product is fixed once registered. */
export const ProductUpdate = ProductInput.omit({ subjectId: true });

export const Photo = z.object({
  id: z.uuid(),
  url: z.string(),
  thumbUrl: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  mimeType: z.string(),
  bytes: z.number().int(),
});

export const Product = z
  .object({
    id: z.uuid(),
    subjectId: z.uuid(),
    subjectName: z.string(),
    provinceCode: z.string(),
    communeCode: z.string().nullable(),
    communeName: z.string().nullable(),
    name: z.string(),
    /** Issued once the producer's commune is known: the code is built from it. */
    ocopCode: z.string().nullable(),
    criteriaLegalBasis: z.string().nullable(),
    criteriaSetNumber: z.number().int().nullable(),
    criteriaSetName: z.string().nullable(),
    description: z.string().nullable(),
    ingredients: z.string().nullable(),
    packaging: z.string().nullable(),
    netContent: z.string().nullable(),
    barcode: z.string().nullable(),
    qualityDeclarationNo: z.string().nullable(),
    certifications: z.array(z.object({ kind: z.string(), number: z.string(), issuer: z.string().optional(), expiresOn: z.string().optional() })),
    ipTitles: z.array(z.object({ kind: z.string(), number: z.string(), owner: z.string().optional() })),
    status: z.enum(PRODUCT_STATUSES),
    /** The product's OCOP star: its latest certificate and that certificate's status today. */
    ocop: z
      .object({
        certificateId: z.uuid(),
        number: z.string(),
        star: z.number().int(),
        issuedOn: z.string(),
        expiresOn: z.string(),
        status: z.enum(CERTIFICATE_STATUSES),
        inForce: z.boolean(),
      })
      .nullable(),
    photos: z.array(Photo),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Product' });
export type Product = z.infer<typeof Product>;

export const ProductListQuery = PageQuery.extend({
  subjectId: z.uuid().optional(),
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  criteriaSetNumber: z.coerce.number().int().min(1).max(26).optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
  star: z.coerce.number().int().min(3).max(5).optional(),
});
export const ProductList = paginated(Product);

export const PhotoParams = z.object({ id: z.uuid(), photoId: z.uuid() });

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    /** Who made the change as recorded (their e-mail, "system" or "anonymous"). */
    actorLabel: z.string(),
    /** Their full name, when the account exists: what the history shows. */
    actorName: z.string().nullable(),
    action: z.enum(['create', 'update', 'delete']),
    entityType: z.string(),
    entityId: z.string(),
    changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  })
  .meta({ id: 'AuditEntry' });
export const AuditList = z.object({ items: z.array(AuditEntry) });
