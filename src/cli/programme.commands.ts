import fs from 'node:fs/promises';
import path from 'node:path';
import { invalid } from '../domain/errors.js';
import { ACTIVITY_SHEET_KEYS, sheetSpec, type SheetKey } from '../domain/imports/sheets.js';
import type { ImportProblem } from '../contracts/imports.js';
import { applyImport, planImport, previewOf } from '../server/modules/imports/import-plan.js';
import { readImport } from '../server/modules/imports/imports.service.js';
import { createIndicatorsService } from '../server/modules/indicators/indicators.service.js';
import { createReportsService } from '../server/modules/reports/reports.service.js';
import { recordAudit, type AuditActor } from '../server/modules/audit/audit.service.js';
import { lineErr, lineOut, withDatabase, type CliIo } from './context.js';

const CLI_ACTOR: AuditActor = { userId: null, label: 'ocop import (command line)', ip: null };

/** Progress on one terminal line (a fresh line per update when the output is not a terminal). */
function progress(io: CliIo, label: string) {
  let last = 0;
  return (n: number) => {
    if (n - last < 1000 && n !== 0) return;
    last = n;
    if (io.isTTY) io.out(`\r${label}: ${n.toLocaleString('vi-VN')} dòng / rows`);
    else lineOut(io)(`${label}: ${n} dòng / rows`);
  };
}
const endLine = (io: CliIo) => io.isTTY && io.out('\n');

const problemLine = (p: ImportProblem) =>
  `  ${p.sheet}${p.row ? `, dòng ${p.row}` : ''}${p.column ? `, cột "${p.column}"` : ''}${p.value !== null ? `, giá trị "${p.value}"` : ''}: ${p.message.vi} / ${p.message.en}`;

/**
 * `ocop import FILE… [--dry-run] [--sheet S]`: the same check and commit as the import page, for the
 * deployment's province. Every problem is printed; nothing is written unless there is none.
 */
export async function importCommand(files: string[], opts: { dryRun?: boolean; sheet?: SheetKey }, io: CliIo) {
  const log = lineOut(io);
  await withDatabase(io, async ({ db }, config) => {
    const uploaded = await Promise.all(files.map(async (f) => ({ name: path.basename(f), data: await fs.readFile(f) })));
    const year = new Date().getFullYear();
    const { records, problems, rowsTotal } = await readImport(
      db,
      config.provinceCode,
      uploaded,
      { maxBytes: config.importMaxBytes, maxRows: config.importMaxRows },
      year,
      {
        ...(opts.sheet ? { sheet: opts.sheet } : {}),
        onProgress: progress(io, 'Đọc và kiểm tra / reading and checking'),
      },
    );
    endLine(io);
    if (problems.length) {
      log(`${problems.length} lỗi, không ghi gì / ${problems.length} problem(s), nothing written:`);
      for (const p of problems) log(problemLine(p));
      throw invalid('import_invalid', { vi: `Tệp có ${problems.length} lỗi.`, en: `The files have ${problems.length} problem(s).` });
    }
    const preview = previewOf(await planImport(db, config.provinceCode, records));
    const line = (label: string, c: { create: number; update: number; unchanged: number }) =>
      log(`  ${label}: tạo mới ${c.create}, cập nhật ${c.update}, không đổi ${c.unchanged}`);
    log(`${rowsTotal} dòng hợp lệ / valid rows:`);
    line('Chủ thể / producers', preview.subjects);
    line('Sản phẩm / products', preview.products);
    line('Kết quả đánh giá / results', preview.results);
    for (const key of ACTIVITY_SHEET_KEYS) {
      const counts = preview[key];
      if (counts) line(`${sheetSpec(key).label.vi} / ${sheetSpec(key).label.en}`, counts);
    }
    if (opts.dryRun) return log('--dry-run: không ghi gì / nothing written.');
    await db.transaction(async (tx) => {
      const done = await applyImport(tx, config.provinceCode, records, CLI_ACTOR, year, progress(io, 'Ghi / writing'));
      await recordAudit(tx, CLI_ACTOR, {
        action: 'update',
        entityType: 'import',
        entityId: '00000000-0000-0000-0000-000000000000',
        after: { files: files.map((f) => path.basename(f)), ...done },
      });
    });
    endLine(io);
    log('Đã ghi trong một giao dịch / committed in one transaction.');
  });
}

/** `ocop report annual --year N --format json|docx|xlsx --out FILE`. */
export async function annualReportCommand(opts: { year: string; format: 'json' | 'docx' | 'xlsx'; out?: string }, io: CliIo) {
  const year = Number(opts.year);
  if (!Number.isInteger(year) || year < 2018 || year > 2100)
    throw invalid('invalid_year', { vi: 'Năm phải từ 2018 đến 2100.', en: 'The year must be 2018–2100.' });
  // Without --out the report itself goes to standard output; messages go to standard error.
  const say = opts.out ? lineOut(io) : lineErr(io);
  await withDatabase(
    io,
    async ({ db }, config) => {
      const reports = createReportsService(db, createIndicatorsService(db, config.provinceCode), config.provinceCode);
      say(`Tính số liệu năm ${year} / computing the figures…`);
      const out = await reports.render({ provinceCode: config.provinceCode, communeCodes: null }, year, opts.format);
      const data = out.format === 'json' ? Buffer.from(JSON.stringify(out.body, null, 2) + '\n') : out.body;
      if (!opts.out) return void io.out(data);
      await fs.mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
      await fs.writeFile(opts.out, data);
      say(`Đã ghi / written: ${opts.out} (${data.length.toLocaleString('vi-VN')} byte)`);
    },
    { log: say },
  );
}
