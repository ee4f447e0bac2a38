import { createHash } from 'node:crypto';
import type { DossierFiling } from '../../../contracts/evaluation.js';
import { findSet, type CaseKey, type CriteriaSet } from '../../../domain/criteria/index.js';
import { DOCUMENT_TYPES } from '../../../domain/evaluation/dossier-documents.js';
import { invalid, notFound } from '../../../domain/errors.js';
import { communeUnknown } from '../../../domain/subjects/commune-unknown.js';
import { mayReadFiling, readsThroughSeat, type Actor } from '../../../domain/policies/index.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { FileStorage } from '../../lib/file-storage.js';
import type { CriteriaCatalogue } from '../criteria/criteria.catalogue.js';
import { productsRepository } from '../products/products.repository.js';
import { selfAssessmentsRepository } from '../self-assessments/self-assessments.repository.js';
import { sheetOutcome } from '../self-assessments/self-assessments.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { referenceRepository } from '../reference/reference.repository.js';
import { subjectsRepository } from '../subjects/subjects.repository.js';
import {
  dossiersRepository as repo,
  type CouncilResultRow,
  type DossierRow,
  type FiledEvidence,
  type FiledProduct,
  type FiledSelfAssessment,
  type FiledSubject,
  type FilingRow,
} from './dossiers.repository.js';
import { presentFiling } from './dossiers.presenter.js';
import { dossierPapers } from './papers.service.js';

const DOSSIER = { vi: 'hồ sơ', en: 'dossier' };
const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const extensionOf = (mimeType: string | null, filename: string | null) =>
  (mimeType && EXTENSIONS[mimeType]) ?? /\.([a-z0-9]{1,5})$/i.exec(filename ?? '')?.[1]?.toLowerCase() ?? 'bin';

/** A prepared snapshot: files already copied under their content hash, rows ready to insert. */
export type PreparedFiling = {
  registration: DossierRow['registration'];
  product: FiledProduct;
  subject: FiledSubject;
  selfAssessment: FiledSelfAssessment;
  evidence: FiledEvidence[];
};

/**
 * What a dossier is filed with (Art. 6.1, 7.1: "hồ sơ trên phần mềm có giá trị pháp lý như hồ sơ
 * giấy"): Mẫu 01, the product and producer as they stand, the completed Mẫu 02 self-assessment and
 * every piece of its evidence, each file copied under its SHA-256 so deleting or replacing the
 * draft's never reaches the filed one. Later edits go to new drafts; the filing never changes.
 */
export function createFilingsService(db: Db, catalogue: CriteriaCatalogue, settings: SettingsService, storage: FileStorage) {
  /**
   * Reads and copies outside any transaction (file I/O must not hold PGlite's only connection);
   * `write` then inserts the snapshot within the step's transaction.
   */
  async function prepare(dossier: DossierRow, selfAssessmentId: string): Promise<PreparedFiling> {
    const [sa, product, subject] = await Promise.all([
      selfAssessmentsRepository.get(db, selfAssessmentId),
      productsRepository.get(db, dossier.productId),
      subjectsRepository.withPlaceNames(db, dossier.subjectId),
    ]);
    if (!sa || sa.status !== 'completed' || !product || !subject)
      throw invalid('self_assessment_required', {
        vi: 'Hồ sơ cần phiếu tự đánh giá đã hoàn thành (Mẫu 02, phần III).',
        en: 'The dossier needs a completed self-assessment (Form 02, part III).',
      });
    // A dossier opens only for a producer placed in a commune, whose products then have their codes.
    const ocopCode = product.ocopCode;
    if (ocopCode === null) throw communeUnknown('dossier', 'productId');
    const evidence: FiledEvidence[] = [];
    for (const e of await selfAssessmentsRepository.evidenceOf(db, sa.id)) {
      let sha256: string | null = null;
      let storageKey: string | null = null;
      if (e.kind === 'file' && e.storageKey) {
        const data = await storage.get(e.storageKey);
        sha256 = createHash('sha256').update(data).digest('hex');
        storageKey = `filed/${sha256}.${extensionOf(e.mimeType, e.filename)}`;
        await storage.put(storageKey, data);
      }
      evidence.push({
        id: e.id,
        criterionCode: e.criterionCode,
        kind: e.kind,
        url: e.url,
        filename: e.filename,
        mimeType: e.mimeType,
        bytes: e.bytes,
        sha256,
        storageKey,
      });
    }
    return {
      registration: dossier.registration,
      product: {
        name: product.name,
        ocopCode,
        criteriaSetNumber: product.criteriaSetNumber,
        description: product.description,
        ingredients: product.ingredients,
        packaging: product.packaging,
        netContent: product.netContent,
        barcode: product.barcode,
        qualityDeclarationNo: product.qualityDeclarationNo,
      },
      subject: {
        name: subject.name,
        legalForm: subject.legalForm,
        taxCode: subject.taxCode,
        address: subject.address,
        phone: subject.phone,
        email: subject.email,
        representativeName: subject.representativeName,
        representativeGender: subject.representativeGender,
        representativeEthnicity: subject.representativeEthnicity,
        foundedOn: subject.foundedOn,
        communeName: subject.communeFullName,
        provinceName: subject.provinceName,
      },
      selfAssessment: {
        id: sa.id,
        legalBasis: sa.legalBasis,
        setNumber: sa.setNumber,
        caseKey: sa.caseKey,
        choices: sa.choices,
        notes: sa.notes,
        generalNote: sa.generalNote,
        total: sa.total,
        star: sa.star,
        completedAt: sa.completedAt?.toISOString() ?? null,
      },
      evidence,
    };
  }

  /** Inserts the snapshot and makes it the dossier's current filing (inside the step's transaction). */
  async function write(tx: DbOrTx, dossierId: string, filedOn: string, filedBy: string | null, prepared: PreparedFiling) {
    return repo.insertFiling(tx, { dossierId, filedOn, filedBy, ...prepared });
  }

  /** Who may read what a dossier was filed with: those who see the dossier, and the councils sitting on it. */
  async function load(actor: Actor, dossierId: string) {
    const dossier = await repo.get(db, dossierId);
    const seated = readsThroughSeat(actor) && dossier ? await repo.hasCouncilSeat(db, actor.userId, dossierId) : false;
    if (!dossier || !mayReadFiling(actor, { id: dossier.subjectId, provinceCode: dossier.provinceCode, communeCode: dossier.communeCode }, seated))
      throw notFound(DOSSIER);
    const filing = dossier.currentFilingId ? await repo.filing(db, dossier.currentFilingId) : undefined;
    if (!filing) throw notFound({ vi: 'hồ sơ đã nộp', en: 'filed dossier' });
    return { dossier, filing };
  }

  /** The filing as the contract shows it, its Mẫu 02 sheet scored under the province's gate policy. */
  async function present(dossier: DossierRow, filing: FilingRow): Promise<DossierFiling> {
    const sa = filing.selfAssessment;
    const entry = await catalogue.find(sa.legalBasis);
    const set = entry && findSet(entry.version, sa.setNumber);
    if (!entry || !set) throw new Error(`Criteria ${sa.legalBasis} set ${sa.setNumber} missing from the catalogue`);
    const caseKey = (sa.caseKey as CaseKey | null) ?? null;
    const outcome = sheetOutcome(entry.version, set, sa.choices, caseKey, (await settings.scoring(dossier.provinceCode)).gatePolicy);
    return presentFiling(dossier, filing, set.name, outcome);
  }

  return {
    prepare,
    write,

    /** The dossier's current filing, as the commune, the province and the councils judge it. */
    async current(actor: Actor, dossierId: string) {
      const { dossier, filing } = await load(actor, dossierId);
      return present(dossier, filing);
    },

    /**
     * Everything the procedure's forms print for a dossier (Mẫu 01, 02, 03, the commune's proposal
     * letter, the province's letter to the ministry), from the records: the filing, the criteria
     * sheet, the papers filed, the commune and province, the council's result and the approval.
     */
    async formsInput(actor: Actor, dossierId: string): Promise<FormsInput> {
      const { dossier, filing } = await load(actor, dossierId);
      const sa = filing.selfAssessment;
      const entry = await catalogue.find(sa.legalBasis);
      const set = entry && findSet(entry.version, sa.setNumber);
      if (!entry || !set) throw new Error(`Criteria ${sa.legalBasis} set ${sa.setNumber} missing from the catalogue`);
      const [papers, results, approval, communeName, provinceName] = await Promise.all([
        dossierPapers(db, dossier, dossier.filedOn ?? filing.filedOn),
        repo.councilResultsOf(db, [dossier.id]),
        repo.approvalOf(db, dossier.id),
        referenceRepository.communeFullName(db, dossier.communeCode),
        referenceRepository.provinceFullName(db, dossier.provinceCode),
      ]);
      return {
        dossier: {
          id: dossier.id,
          kind: dossier.kind as FormsInput['dossier']['kind'],
          state: dossier.state,
          samples: dossier.samples,
          submittedOn: dossier.submittedOn,
          communeAssessment: dossier.communeAssessment,
          forwarding: dossier.forwarding,
          roundName: dossier.roundName,
        },
        filing: await present(dossier, filing),
        set,
        papers: papers.status.lines.map((l) => ({
          type: l.type,
          label: DOCUMENT_TYPES[l.type].label.vi,
          required: l.required,
          status: l.status,
          documents: papers.rows
            .filter((r) => l.documentIds.includes(r.id))
            .map((r) => ({ title: r.title, number: r.number, issuedOn: r.issuedOn, validUntil: r.validUntil })),
        })),
        communeName: communeName ?? dossier.communeName,
        provinceName: provinceName ?? '',
        councilResult: results.find((r) => r.level === 'province') ?? null,
        approval,
      };
    },

    /** A filed evidence file, from the copy kept under its hash. */
    async evidenceFile(actor: Actor, dossierId: string, filingId: string, evidenceId: string) {
      const { dossier } = await load(actor, dossierId);
      const filing = await repo.filing(db, filingId);
      const e = filing?.dossierId === dossier.id ? filing.evidence.find((x) => x.id === evidenceId) : undefined;
      if (!e || e.kind !== 'file' || !e.storageKey) throw notFound({ vi: 'minh chứng', en: 'evidence' });
      return { data: await storage.get(e.storageKey), mimeType: e.mimeType ?? 'application/octet-stream', filename: e.filename ?? 'minh-chung' };
    },
  };
}
export type FilingsService = ReturnType<typeof createFilingsService>;

/** The data of the procedure's forms for one dossier (see forms.docx.ts). */
export type FormsInput = {
  dossier: {
    id: string;
    kind: 'first' | 'upgrade' | 'rerating';
    state: string;
    samples: number;
    submittedOn: string | null;
    communeAssessment: DossierRow['communeAssessment'];
    forwarding: DossierRow['forwarding'];
    roundName: string | null;
  };
  filing: DossierFiling;
  set: CriteriaSet;
  /** The checklist lines and the papers filed for each. */
  papers: {
    type: string;
    label: string;
    required: boolean;
    status: 'ok' | 'expired' | 'missing';
    documents: { title: string; number: string | null; issuedOn: string | null; validUntil: string | null }[];
  }[];
  /** Full names: "Phường Sa Đéc", "Tỉnh Đồng Tháp". */
  communeName: string;
  provinceName: string;
  councilResult: CouncilResultRow | null;
  /** The provincial Chair's decision approving the result (Art. 7.3e), for the letter to the ministry. */
  approval: { number: string; signedOn: string; signer: string; signerTitle: string } | null;
};
