import type { ImportPreview, ImportProblem } from '../../../contracts/imports.js';
import { CURRENT_CRITERIA_BASIS } from '../../../domain/criteria/legal-bases.js';
import type { Message } from '../../../domain/errors.js';
import { formatProductCode } from '../../../domain/identifiers/product-code.js';
import { ACTIVITY_READERS, type ActivityContext } from '../../../domain/imports/activity-rows.js';
import { communeFromAddress } from '../../../domain/imports/commune-from-address.js';
import { placeIndex, type Place, type PlaceIndex } from '../../../domain/imports/places.js';
import { matchRegisteredSubject, type SubjectMatch } from '../../../domain/imports/subject-match.js';
import { taxCodeKey } from '../../../domain/subjects/tax-code.js';
import {
  readProductRow,
  readResultRow,
  readSubjectRow,
  type ImportContext,
  type ProductRecord,
  type ProductSeen,
  type RawRow,
  type ResultRecord,
  type ResultSeen,
  type SubjectRecord,
  type SubjectSeen,
} from '../../../domain/imports/rows.js';
import { ACTIVITY_SHEET_KEYS, headerKey, matchHeaders, SHEET_KEYS, sheetSpec, type ActivitySheetKey, type SheetKey } from '../../../domain/imports/sheets.js';
import { foldVietnamese, vietnameseSortKey } from '../../../domain/text/vietnamese.js';
import type { DbOrTx } from '../../db/client.js';
import { reserveProductSerials } from '../../db/product-codes.js';
import type { SheetTable } from '../../lib/workbook-reader.js';
import { recordAudit, recordAudits, type AuditActor, type AuditEntry } from '../audit/audit.service.js';
import { productsRepository, type ProductValues } from '../products/products.repository.js';
import { referenceRepository } from '../reference/reference.repository.js';
import { issueCodesOfPlacedSubject } from '../subjects/placement.js';
import { subjectsRepository, type SubjectValues } from '../subjects/subjects.repository.js';
import { applyActivities, crossCheckActivities, planActivities, type ActivitySteps } from './activity-plan.js';
import { actionOf, changedFields, emptyRecords, problemOf, type ImportRecords, type Step } from './import-records.js';
import { importsRepository as repo, type ResultValues, type StoredResult, type StoredSubject } from './imports.repository.js';

/**
 * The import's core: rows read and checked (every problem of every row), then compared with what
 * the province already holds, by the external codes. The same comparison gives the preview and,
 * inside each transaction of the commit, the writes; so a re-import of the same file changes nothing,
 * and a commit run again after a failure writes only what is missing.
 */
export type ImportAnalysis = { records: ImportRecords; problems: ImportProblem[]; rowsTotal: number };

const isActivitySheet = (sheet: SheetKey): sheet is ActivitySheetKey => (ACTIVITY_SHEET_KEYS as readonly string[]).includes(sheet);

/**
 * Reads, checks and cross-checks every row of the tables against the province's records. `when`:
 * the year and the day (in Vietnam) the clock says, for the rules on dates.
 */
export async function analyseImport(
  db: DbOrTx,
  provinceCode: string,
  tables: SheetTable[],
  when: { thisYear: number; today: string },
  onProgress?: (rows: number) => void,
): Promise<ImportAnalysis> {
  const problems: ImportProblem[] = [];
  const rowsTotal = tables.reduce((n, t) => n + t.rows.length, 0);
  const sets = await referenceRepository.criteriaSetsOf(db, CURRENT_CRITERIA_BASIS);
  const ctx: ImportContext = {
    criteriaSets: {
      numbers: new Set(sets.map((s) => s.number)),
      byKey: new Map(sets.flatMap((s) => [[headerKey(s.code), s.number] as const, [headerKey(s.name), s.number] as const])),
    },
  };
  // The market and programme sheets name communes and provinces by name: their lists, once.
  const activities: ActivityContext | null = tables.some((t) => isActivitySheet(t.sheet))
    ? {
        ...ctx,
        today: when.today,
        provinceCode,
        communes: placeIndex('commune', await referenceRepository.communesOf(db, provinceCode)),
        provinces: placeIndex('province', await referenceRepository.provinces(db)),
      }
    : null;
  const records = emptyRecords();
  const seen: Seen = { subjects: [], products: [], results: [] };
  let done = 0;
  for (const table of tables) {
    const { columns, missing, units } = matchHeaders(table.sheet, table.headers);
    for (const col of missing)
      problems.push({
        sheet: `${sheetSpec(table.sheet).name} (${table.sheetName})`,
        row: 1,
        column: col.label,
        value: null,
        message: { vi: `Thiếu cột bắt buộc "${col.label}" (${col.key}).`, en: `Required column "${col.label}" (${col.key}) is missing.` },
      });
    if (missing.length) continue;
    for (const { row, cells } of table.rows) {
      const raw: RawRow = { sheet: table.sheet, row, cells: {}, units: Object.fromEntries(units) };
      for (const [index, key] of columns) raw.cells[key] = cells[index] ?? null;
      const sheet = table.sheet;
      const read =
        sheet === 'subjects'
          ? readSubjectRow(raw)
          : sheet === 'products'
            ? readProductRow(raw, ctx)
            : sheet === 'results'
              ? readResultRow(raw, when.today)
              : ACTIVITY_READERS[sheet](raw, activities!);
      for (const p of read.problems) problems.push(problemOf(sheet, row, p));
      if (read.record) (records[sheet] as unknown[]).push(read.record);
      if ('seen' in read) (seen[sheet as keyof Seen] as unknown[]).push(read.seen);
      if (++done % 2000 === 0) onProgress?.(done);
    }
  }
  onProgress?.(done);
  // Every row is checked across the file and against the database, also the rows with problems of their own.
  duplicates(seen.subjects, (r) => r.code, 'subjects', 'ma_chu_the', problems);
  duplicates(seen.products, (r) => r.code, 'products', 'ma_san_pham', problems);
  duplicates(
    seen.results,
    (r) => (r.productCode && r.year !== undefined && r.level && r.kind ? [r.productCode, r.year, r.round ?? '', r.level, r.kind].join('|') : undefined),
    'results',
    'ma_san_pham',
    problems,
  );
  await crossCheck(db, provinceCode, records, seen, problems);
  if (activities) await crossCheckActivities(db, provinceCode, records, when.today, problems);
  return { records, problems: inFileOrder(problems), rowsTotal };
}

/** Problems in the order of the file: sheet by sheet (as the template orders them), row by row; a row's own in the order found. */
function inFileOrder(problems: ImportProblem[]) {
  const names = SHEET_KEYS.map((k) => sheetSpec(k).name);
  const sheetIndex = (sheet: string) => {
    const i = names.findIndex((n) => sheet === n || sheet.startsWith(`${n} (`));
    return i < 0 ? names.length : i;
  };
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => sheetIndex(a.p.sheet) - sheetIndex(b.p.sheet) || (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

/** What the rows say, also those with problems (domain/imports/rows.ts). */
type Seen = { subjects: SubjectSeen[]; products: ProductSeen[]; results: ResultSeen[] };

function duplicates<T extends { row: number }>(items: T[], key: (t: T) => string | undefined, sheet: SheetKey, column: string, problems: ImportProblem[]) {
  const seen = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const first = seen.get(k);
    if (first === undefined) seen.set(k, item.row);
    else
      problems.push(
        problemOf(sheet, item.row, {
          column,
          value: k.split('|')[0]!,
          message:
            sheet === 'results'
              ? { vi: `Kết quả trùng với dòng ${first} (cùng sản phẩm, năm, đợt, cấp và loại).`, en: `Same result as row ${first}.` }
              : { vi: `Mã trùng với dòng ${first}.`, en: `Duplicate of row ${first}.` },
        }),
      );
  }
}

/**
 * References between sheets and to the database: communes of the province, producers and products
 * by code. A new producer without a commune code gets the commune its address names
 * (domain/imports/commune-from-address.ts); one registered by hand is found by its tax code.
 */
async function crossCheck(db: DbOrTx, provinceCode: string, records: ImportRecords, seen: Seen, problems: ImportProblem[]) {
  const communeList = await referenceRepository.communesOf(db, provinceCode);
  const provinceCommunes = new Set(communeList.map((c) => c.code));
  const existingSubjects = await repo.subjectsByCode(db, provinceCode, [
    ...new Set([...seen.subjects.flatMap((s) => s.code ?? []), ...seen.products.flatMap((p) => p.subjectCode ?? [])]),
  ]);
  const linked = await linkRegistered(
    db,
    provinceCode,
    records.subjects.filter((s) => !existingSubjects.has(s.code)),
  );
  let communes: PlaceIndex | undefined;
  let province: Place | undefined;
  const recordAt = new Map(records.subjects.map((s) => [s.row, s]));
  for (const s of seen.subjects) {
    if (s.communeCode && !provinceCommunes.has(s.communeCode))
      problems.push(
        problemOf('subjects', s.row, {
          column: 'ma_xa',
          value: s.communeCode,
          message: { vi: `Không có xã/phường mã ${s.communeCode} trong tỉnh.`, en: `No commune ${s.communeCode} in this province.` },
        }),
      );
    if (s.communeCode || (s.code && (existingSubjects.has(s.code) || linked.has(s.code)))) continue;
    communes ??= placeIndex('commune', communeList);
    province ??= (await referenceRepository.provinces(db)).find((p) => p.code === provinceCode)!;
    const found = communeFromAddress(communes, province, s.address);
    // Published decisions often give only the province, or a place two communes share: such a
    // producer is imported with its commune unknown, listed in the preview for the office to place.
    const record = recordAt.get(s.row);
    if (record) Object.assign(record, found.ok ? { communeCode: found.code, communeFrom: found.text } : { communeUnresolved: found.message });
  }
  // A product or result whose producer or product is in the file is checked against that row, even when the row has problems of its own (listed there).
  const fileSubjects = new Set(seen.subjects.flatMap((s) => s.code ?? []));
  for (const p of seen.products)
    if (p.subjectCode && !fileSubjects.has(p.subjectCode) && !existingSubjects.has(p.subjectCode))
      problems.push(
        problemOf('products', p.row, {
          column: 'ma_chu_the',
          value: p.subjectCode,
          message: {
            vi: `Chủ thể mã ${p.subjectCode} không có trong tệp và chưa có trong hệ thống.`,
            en: `Producer ${p.subjectCode} is neither in the file nor in the database.`,
          },
        }),
      );
  const fileProducts = new Set(seen.products.flatMap((p) => p.code ?? []));
  const existingProducts = await repo.productsByCode(db, provinceCode, [...new Set(seen.results.flatMap((r) => r.productCode ?? []))]);
  for (const r of seen.results)
    if (r.productCode && !fileProducts.has(r.productCode) && !existingProducts.has(r.productCode))
      problems.push(
        problemOf('results', r.row, {
          column: 'ma_san_pham',
          value: r.productCode,
          message: {
            vi: `Sản phẩm mã ${r.productCode} không có trong tệp và chưa có trong hệ thống.`,
            en: `Product ${r.productCode} is neither in the file nor in the database.`,
          },
        }),
      );
}

/**
 * Producers of the file not yet known by their code that were registered by hand: by tax code, or
 * by name and commune (domain/imports/subject-match.ts). The import updates them and gives them the
 * file's code instead of creating them again; the preview lists each link for the office to check.
 */
async function linkRegistered(db: DbOrTx, provinceCode: string, subjects: SubjectRecord[]) {
  const links = new Map<string, { stored: StoredSubject; by: SubjectMatch['by'] }>();
  if (!subjects.length) return links;
  const candidates = await repo.subjectsWithoutCode(
    db,
    provinceCode,
    [...new Set(subjects.flatMap((s) => taxCodeKey(s.taxCode) ?? []))],
    [...new Set(subjects.map((s) => foldVietnamese(s.name)))],
  );
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const taken = new Set<string>();
  for (const s of subjects) {
    const match = matchRegisteredSubject(s, candidates);
    // One registered producer is linked to one row: a second row naming it is a new producer.
    if (match && !taken.has(match.id)) {
      taken.add(match.id);
      links.set(s.code, { stored: byId.get(match.id)!, by: match.by });
    }
  }
  return links;
}

/** Earlier results by product, year, round, level and kind: the key the import matches them on. */
async function resultsOf(db: DbOrTx, productIds: string[]) {
  return new Map((await repo.resultsOf(db, productIds)).map((row): [string, StoredResult] => [resultKey(row.productId, row), row]));
}
const resultKey = (productId: string, r: { year: number; round: string | null; level: string; kind: string }) =>
  [productId, r.year, r.round ?? '', r.level, r.kind].join('|');

/** An empty commune cell keeps the producer's commune (it cannot be cleared). */
const subjectValues = (s: SubjectRecord) => {
  const { row: _r, code: _c, communeCode, communeFrom: _f, communeUnresolved: _u, ...fields } = s;
  return { ...fields, ...(communeCode ? { communeCode } : {}), nameSearch: foldVietnamese(s.name), sortKey: vietnameseSortKey(s.name) };
};
const productValues = (p: ProductRecord) => ({
  name: p.name,
  nameSearch: foldVietnamese(p.name),
  sortKey: vietnameseSortKey(p.name),
  ...(p.criteriaSetNumber !== undefined
    ? { criteriaSetNumber: p.criteriaSetNumber, criteriaLegalBasis: p.criteriaSetNumber ? CURRENT_CRITERIA_BASIS : null }
    : {}),
  ...(p.barcode !== undefined ? { barcode: p.barcode } : {}),
});
const resultValues = (r: ResultRecord) => ({ score: r.score, star: r.star, decisionNo: r.decisionNo, decisionDate: r.decisionDate, legalBasis: r.legalBasis });

/** What the import would do to each record, compared with the database as it is now. */
export async function planImport(db: DbOrTx, provinceCode: string, records: ImportRecords) {
  const storedSubjects = await repo.subjectsByCode(db, provinceCode, [
    ...new Set([...records.subjects.map((s) => s.code), ...records.products.map((p) => p.subjectCode)]),
  ]);
  const storedProducts = await repo.productsByCode(db, provinceCode, [
    ...new Set([...records.products.map((p) => p.code), ...records.results.map((r) => r.productCode)]),
  ]);
  const storedResults = await resultsOf(db, [...new Set([...storedProducts.values()].map((p) => p.id))]);
  const IGNORED = new Set(['nameSearch', 'sortKey']);
  const links = await linkRegistered(
    db,
    provinceCode,
    records.subjects.filter((s) => !storedSubjects.has(s.code)),
  );
  // A linked producer is updated, and from now on known by the file's code.
  for (const [code, { stored }] of links) storedSubjects.set(code, stored);

  const subjectSteps: Step<ReturnType<typeof subjectValues> & { externalCode?: string }>[] = records.subjects.map((s) => {
    const stored = storedSubjects.get(s.code);
    const values = { ...subjectValues(s), ...(links.has(s.code) ? { externalCode: s.code } : {}) };
    const changes = stored ? changedFields(stored, values).filter((k) => !IGNORED.has(k)) : [];
    return {
      action: actionOf(stored, changes),
      row: s.row,
      code: s.code,
      name: s.name,
      ...(stored ? { id: stored.id } : {}),
      values,
      changes,
    };
  });
  const subjectCodeById = new Map([...storedSubjects.values()].map((s) => [s.id, s.externalCode]));
  const productSteps: Step<ReturnType<typeof productValues> & { subjectCode: string }>[] = records.products.map((p) => {
    const stored = storedProducts.get(p.code);
    const values = productValues(p);
    const changes = stored ? changedFields(stored, values).filter((k) => !IGNORED.has(k) && k !== 'criteriaLegalBasis') : [];
    if (stored && subjectCodeById.get(stored.subjectId) !== p.subjectCode) changes.push('subject');
    return {
      action: actionOf(stored, changes),
      row: p.row,
      code: p.code,
      name: p.name,
      ...(stored ? { id: stored.id } : {}),
      values: { ...values, subjectCode: p.subjectCode },
      changes,
    };
  });
  const resultSteps: Step<ResultRecord>[] = records.results.map((r) => {
    const product = storedProducts.get(r.productCode);
    const stored = product ? storedResults.get(resultKey(product.id, r)) : undefined;
    const changes = stored ? changedFields(stored, resultValues(r)) : [];
    return {
      action: actionOf(stored, changes),
      row: r.row,
      code: r.productCode,
      name: `${r.year}`,
      ...(stored ? { id: stored.id } : {}),
      values: r,
      changes,
    };
  });
  const { steps: activities } = await planActivities(db, provinceCode, records);
  const located = records.subjects.filter((s) => s.communeFrom && s.communeCode);
  const communeNames = located.length
    ? new Map((await referenceRepository.communesOf(db, provinceCode)).map((c) => [c.code, c.fullName]))
    : new Map<string, string>();
  const report: PlanReport = {
    communes: located.map((s) => ({
      row: s.row,
      code: s.code,
      text: s.communeFrom!,
      communeCode: s.communeCode!,
      communeName: communeNames.get(s.communeCode!) ?? s.communeCode!,
    })),
    unplaced: records.subjects.flatMap((s) =>
      s.communeUnresolved && !storedSubjects.has(s.code) && !links.has(s.code)
        ? [{ row: s.row, code: s.code, name: s.name, address: s.address ?? null, reason: s.communeUnresolved }]
        : [],
    ),
    matches: records.subjects.flatMap((s) => {
      const link = links.get(s.code);
      return link
        ? [{ row: s.row, code: s.code, name: s.name, subjectId: link.stored.id, subjectName: link.stored.name, taxCode: link.stored.taxCode, by: link.by }]
        : [];
    }),
  };
  return { subjectSteps, productSteps, resultSteps, activities, storedSubjects, storedProducts, report };
}

/**
 * What the preview reports beside the counts: communes found from addresses, new producers whose
 * commune stays unknown, producers linked to ones registered by hand.
 */
type PlanReport = Pick<ImportPreview, 'communes' | 'unplaced' | 'matches'>;

const count = (steps: Step<unknown>[]) => ({
  create: steps.filter((s) => s.action === 'create').length,
  update: steps.filter((s) => s.action === 'update').length,
  unchanged: steps.filter((s) => s.action === 'unchanged').length,
});

/** Counts per sheet, and a few of the rows that change; the market and programme sheets only when the files had rows of them. */
export function previewOf(plan: {
  subjectSteps: Step<unknown>[];
  productSteps: Step<unknown>[];
  resultSteps: Step<unknown>[];
  activities: ActivitySteps;
  report?: PlanReport;
}): ImportPreview {
  const steps = (sheet: SheetKey): Step<unknown>[] =>
    sheet === 'subjects' ? plan.subjectSteps : sheet === 'products' ? plan.productSteps : sheet === 'results' ? plan.resultSteps : plan.activities[sheet];
  const preview: ImportPreview = {
    subjects: count(plan.subjectSteps),
    products: count(plan.productSteps),
    results: count(plan.resultSteps),
    samples: SHEET_KEYS.flatMap((sheet) =>
      steps(sheet)
        .filter((s) => s.action !== 'unchanged')
        .slice(0, 10)
        .map((s) => ({ sheet, row: s.row, code: s.code, name: s.name, action: s.action as 'create' | 'update', changes: s.changes })),
    ),
  };
  for (const sheet of ACTIVITY_SHEET_KEYS) if (plan.activities[sheet].length) preview[sheet] = count(plan.activities[sheet]);
  if (plan.report?.communes?.length) preview.communes = plan.report.communes;
  if (plan.report?.unplaced?.length) preview.unplaced = plan.report.unplaced;
  if (plan.report?.matches?.length) preview.matches = plan.report.matches;
  return preview;
}

/** The year of each product's first result: a new product's OCOP code carries it. */
export function firstResultYears(records: ImportRecords) {
  const firstYear = new Map<string, number>();
  for (const r of records.results) firstYear.set(r.productCode, Math.min(firstYear.get(r.productCode) ?? r.year, r.year));
  return firstYear;
}

/**
 * The records in the order they must be written (producers, then their products, then the products'
 * results, then the market and programme records, each sheet after those it names), from the
 * `offset`-th on, cut into batches of at most `size`. `end` is the offset after a batch: what a
 * commit records as done when the batch's transaction commits.
 */
export function importBatches(records: ImportRecords, size: number, offset = 0): { records: ImportRecords; end: number }[] {
  const ordered = SHEET_KEYS.flatMap((sheet) => (records[sheet] as unknown[]).map((r) => [sheet, r] as const));
  const batches: { records: ImportRecords; end: number }[] = [];
  for (let start = offset; start < ordered.length; start += size) {
    const batch = emptyRecords();
    for (const [sheet, record] of ordered.slice(start, start + size)) (batch[sheet] as unknown[]).push(record);
    batches.push({ records: batch, end: Math.min(start + size, ordered.length) });
  }
  return batches;
}

type Counts = ImportPreview['subjects'];
const add = (x: Counts | undefined, y: Counts | undefined): Counts | undefined =>
  x && y ? { create: x.create + y.create, update: x.update + y.update, unchanged: x.unchanged + y.unchanged } : (x ?? y);

/** Two previews added up: the counts of the batches of one commit, and a few of their changes. */
export function addPreviews(a: ImportPreview | null, b: ImportPreview): ImportPreview {
  if (!a) return b;
  const sum: ImportPreview = {
    subjects: add(a.subjects, b.subjects)!,
    products: add(a.products, b.products)!,
    results: add(a.results, b.results)!,
    samples: SHEET_KEYS.flatMap((sheet) => [...a.samples, ...b.samples].filter((s) => s.sheet === sheet).slice(0, 10)),
  };
  for (const sheet of ACTIVITY_SHEET_KEYS) {
    const counts = add(a[sheet], b[sheet]);
    if (counts) sum[sheet] = counts;
  }
  const communes = [...(a.communes ?? []), ...(b.communes ?? [])];
  const unplaced = [...(a.unplaced ?? []), ...(b.unplaced ?? [])];
  const matches = [...(a.matches ?? []), ...(b.matches ?? [])];
  if (communes.length) sum.communes = communes;
  if (unplaced.length) sum.unplaced = unplaced;
  if (matches.length) sum.matches = matches;
  return sum;
}

/**
 * Writes the plan inside the caller's transaction, each created or changed record with its audit
 * entry. New products get the next OCOP code of their commune for the year of their first result
 * (`firstYears`, when the records are a batch of a larger import).
 *
 * The plan is made here, under a lock on the province's imports held to the end of the transaction:
 * two imports committed at once (two connections to PostgreSQL) see each other's records and update
 * or leave them instead of creating them twice. PGlite, with one connection, takes the lock at once.
 */
export async function applyImport(
  tx: DbOrTx,
  provinceCode: string,
  records: ImportRecords,
  audit: AuditActor,
  thisYear: number,
  onProgress?: (rows: number) => void,
  opts: { firstYears?: Map<string, number> } = {},
) {
  await repo.lockProvinceImports(tx, provinceCode);
  const plan = await planImport(tx, provinceCode, records);
  let done = 0;
  const tick = () => ++done % 500 === 0 && onProgress?.(done);
  const subjectIds = new Map([...plan.storedSubjects].map(([code, s]) => [code, { id: s.id, communeCode: s.communeCode }]));
  // New records are written in multi-row statements with their audit entries (a 10,000-row file
  // took 20 s one record at a time); changed ones one by one, each compared with what it was.
  const created: AuditEntry[] = [];
  const newSubjects: SubjectValues[] = [];
  for (const step of plan.subjectSteps) {
    tick();
    if (step.action === 'create') {
      newSubjects.push({ ...step.values, provinceCode, communeCode: step.values.communeCode ?? null, externalCode: step.code });
    } else if (step.action === 'update') {
      const before = plan.storedSubjects.get(step.code)!;
      // A producer registered by hand (linked by tax code, or by name and commune) gets the file's code with this update.
      const row = await subjectsRepository.update(tx, step.id!, step.values);
      await recordAudit(tx, audit, { action: 'update', entityType: 'subject', entityId: row.id, before, after: row });
      // A corrected file that gives a producer imported without a commune its commune places it.
      if (before.communeCode === null && row.communeCode !== null)
        await issueCodesOfPlacedSubject(tx, audit, { id: row.id, provinceCode: row.provinceCode, communeCode: row.communeCode });
      subjectIds.set(step.code, { id: row.id, communeCode: row.communeCode });
    }
  }
  for (const row of await subjectsRepository.insertMany(tx, newSubjects)) {
    created.push({ action: 'create', entityType: 'subject', entityId: row.id, after: row });
    subjectIds.set(row.externalCode!, { id: row.id, communeCode: row.communeCode });
  }

  const firstYear = opts.firstYears ?? firstResultYears(records);
  const productIds = new Map([...plan.storedProducts].map(([code, p]) => [code, p.id]));
  const newProducts: (ProductValues & { year: number; communeCode: string | null })[] = [];
  for (const step of plan.productSteps) {
    tick();
    const { subjectCode, ...values } = step.values;
    const subject = subjectIds.get(subjectCode)!;
    if (step.action === 'create') {
      newProducts.push({
        ...values,
        subjectId: subject.id,
        externalCode: step.code,
        year: firstYear.get(step.code) ?? thisYear,
        communeCode: subject.communeCode,
      });
    } else if (step.action === 'update') {
      const { communeCode: _c, ...before } = plan.storedProducts.get(step.code)!;
      const row = await productsRepository.update(tx, step.id!, { ...values, subjectId: subject.id });
      await recordAudit(tx, audit, { action: 'update', entityType: 'product', entityId: row.id, before, after: row });
    }
  }
  const codes = await productCodesFor(tx, provinceCode, newProducts);
  const productRows = newProducts.map(({ year: _y, communeCode: _c, ...values }, i) => ({ ...values, ocopCode: codes[i]! }));
  for (const row of await productsRepository.insertMany(tx, productRows)) {
    created.push({ action: 'create', entityType: 'product', entityId: row.id, after: row });
    productIds.set(row.externalCode!, row.id);
  }

  const newResults: ResultValues[] = [];
  for (const step of plan.resultSteps) {
    tick();
    const r = step.values;
    if (step.action === 'create') {
      newResults.push({ productId: productIds.get(r.productCode)!, year: r.year, round: r.round, level: r.level, kind: r.kind, ...resultValues(r) });
    } else if (step.action === 'update') {
      const before = await repo.getResult(tx, step.id!);
      const row = await repo.updateResult(tx, step.id!, resultValues(r));
      await recordAudit(tx, audit, { action: 'update', entityType: 'historical_result', entityId: row.id, before, after: row });
    }
  }
  for (const row of await repo.insertResults(tx, newResults)) created.push({ action: 'create', entityType: 'historical_result', entityId: row.id, after: row });
  await recordAudits(tx, audit, created);
  // The market and programme records, planned again now that the batch's producers and products are written.
  const activities = await applyActivities(tx, provinceCode, records, audit, tick);
  onProgress?.(done);
  return previewOf({ ...plan, activities });
}

/**
 * The OCOP codes of new products, in their order: each the next of its producer's commune for the
 * year of its first result, the serials of a commune and year taken in one statement. A producer
 * whose commune is unknown has products without a code until the office places it
 * (db/product-codes.ts issueMissingProductCodes gives them theirs then).
 */
async function productCodesFor(tx: DbOrTx, provinceCode: string, created: readonly { communeCode: string | null; year: number }[]) {
  const groups = new Map<string, { communeCode: string; year: number; indexes: number[] }>();
  created.forEach((p, i) => {
    if (!p.communeCode) return;
    const key = `${p.communeCode}|${p.year}`;
    const group = groups.get(key) ?? { communeCode: p.communeCode, year: p.year, indexes: [] };
    group.indexes.push(i);
    groups.set(key, group);
  });
  const codes: (string | null)[] = created.map(() => null);
  for (const { communeCode, year, indexes } of groups.values()) {
    const first = await reserveProductSerials(tx, communeCode, year, indexes.length);
    indexes.forEach((index, k) => (codes[index] = formatProductCode({ provinceCode, communeCode, serial: first + k, year })));
  }
  return codes;
}

export const fileProblem = (file: string, message: Message): ImportProblem => ({ sheet: file, row: null, column: null, value: null, message });
